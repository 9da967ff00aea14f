import assert from "node:assert/strict";
import { charLstmPreset } from "./char_lm_presets.ts";

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
