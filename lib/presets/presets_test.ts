import assert from "node:assert/strict";
import * as presets from "./mod.ts";
import { charLstmPreset, descentPreset } from "./mod.ts";

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

const presetFns = Object.entries(presets).filter(([name, v]) =>
  typeof v === "function" && name.endsWith("Preset")
) as unknown as [string, () => Record<string, unknown>][];

Deno.test("lib/presets has one preset function per notebook 01–09", () => {
  assert.equal(presetFns.length, 9, presetFns.map(([n]) => n).join(", "));
});

Deno.test("every preset keeps its keys in quick mode, shrinks something and grows nothing", () => {
  for (const [name, preset] of presetFns) {
    const full = withQuick(undefined, preset);
    const quick = withQuick("1", preset);
    assert.deepEqual(Object.keys(quick).sort(), Object.keys(full).sort(), name);
    let shrunk = 0;
    for (const [key, value] of Object.entries(full)) {
      if (typeof value !== "number") continue;
      assert.ok(Number.isFinite(value), `${name}().${key} = ${value}`);
      const q = quick[key] as number;
      if (q < value) shrunk++;
      if (/steps|Steps|size|Size|epochs|Epochs|^n$|N$/.test(key)) {
        assert.ok(q <= value, `${name}().${key}: quick ${q} > full ${value}`);
      }
    }
    assert.ok(shrunk > 0, `${name}() shrinks nothing in quick mode`);
  }
});

Deno.test("descentPreset() keeps B below N and the optimizer runs shorter than the comparison", () => {
  for (const mode of [undefined, "1"]) {
    const p = withQuick(mode, descentPreset);
    assert.ok(p.batchSize < p.n && p.batchSize < p.fitN);
    assert.ok(p.optimizerEpochs <= p.epochs);
  }
});

Deno.test("charLstmPreset() shrinks the run in quick mode and keeps the steps consistent", () => {
  const full = withQuick(undefined, charLstmPreset);
  const quick = withQuick("1", charLstmPreset);
  assert.ok(quick.steps < full.steps && quick.hiddenSize < full.hiddenSize);
  for (const p of [full, quick]) {
    assert.equal(p.compareSteps % p.evalEvery, 0, "the comparison reads the main run's val loss");
    assert.equal(p.trySteps % p.evalEvery, 0, "the hyperparameter cell compares at an eval step");
    assert.ok(p.compareSteps <= p.steps && p.trySteps <= p.steps);
    assert.ok(p.snapshotSteps.every((s) => s >= 0 && s <= p.steps));
  }
});
