import assert from "node:assert/strict";
import { seedRange } from "./seed_range.ts";

Deno.test("seedRange() gives the mean, min and max of every point over the runs", () => {
  assert.deepEqual(seedRange([[1, 0.5], [0, 0.7], [0.5, 0.6]]), {
    mean: [0.5, 0.6],
    min: [0, 0.5],
    max: [1, 0.7],
  });
  assert.throws(() => seedRange([]), /at least one/);
  assert.throws(() => seedRange([[1], [1, 2]]), /every run needs 1 values/);
});
