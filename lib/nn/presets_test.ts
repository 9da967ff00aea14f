import assert from "node:assert/strict";
import { chainRulePreset, descentPreset, pitfallsPreset } from "./presets.ts";

/** Run fn with COURSE_QUICK set to value (or unset), restoring the old value afterwards. */
function withQuick<T>(value: string | undefined, fn: () => T): T {
  const old = Deno.env.get("COURSE_QUICK");
  if (value === undefined) Deno.env.delete("COURSE_QUICK");
  else Deno.env.set("COURSE_QUICK", value);
  try {
    return fn();
  } finally {
    if (old === undefined) Deno.env.delete("COURSE_QUICK");
    else Deno.env.set("COURSE_QUICK", old);
  }
}

Deno.test("the presets shrink every size in quick mode and keep the rest", () => {
  const presets = [chainRulePreset, descentPreset, pitfallsPreset] as (() => object)[];
  for (const preset of presets) {
    const full = withQuick(undefined, preset) as Record<string, number>;
    const quick = withQuick("1", preset) as Record<string, number>;
    assert.deepEqual(Object.keys(quick).sort(), Object.keys(full).sort());
    for (const [key, value] of Object.entries(full)) {
      assert.ok(Number.isFinite(value) && value > 0, `${preset.name}().${key} = ${value}`);
      assert.ok(
        quick[key] <= value,
        `${preset.name}().${key}: quick ${quick[key]} > full ${value}`,
      );
    }
    assert.notDeepEqual(quick, full, `${preset.name}() is the same in quick mode`);
  }
});

Deno.test("descentPreset() keeps B below N and the optimizer runs shorter than the comparison", () => {
  for (const mode of [undefined, "1"]) {
    const p = withQuick(mode, descentPreset);
    assert.ok(p.batchSize < p.n && p.batchSize < p.fitN);
    assert.ok(p.optimizerEpochs <= p.epochs);
  }
});
