import assert from "node:assert/strict";
import { lstmGruPreset, rnnBpttPreset, vanishingPreset } from "./presets.ts";

function withQuick<T>(value: string | undefined, f: () => T): T {
  const old = Deno.env.get("COURSE_QUICK");
  if (value === undefined) Deno.env.delete("COURSE_QUICK");
  else Deno.env.set("COURSE_QUICK", value);
  try {
    return f();
  } finally {
    if (old === undefined) Deno.env.delete("COURSE_QUICK");
    else Deno.env.set("COURSE_QUICK", old);
  }
}

Deno.test("the presets of notebooks 04–06 shrink training in quick mode and keep the shapes", () => {
  const presets: (() => object)[] = [rnnBpttPreset, vanishingPreset, lstmGruPreset];
  for (const preset of presets) {
    const full = withQuick(undefined, preset) as unknown as Record<string, number>;
    const quick = withQuick("1", preset) as unknown as Record<string, number>;
    assert.deepEqual(Object.keys(full), Object.keys(quick));
    for (const k of Object.keys(full)) assert.ok(quick[k] <= full[k], `${preset.name}.${k}`);
    const steps = Object.keys(full).filter((k) => /steps|Steps|Size/.test(k));
    assert.ok(steps.some((k) => quick[k] < full[k]), `${preset.name} shrinks nothing`);
  }
});
