import assert from "node:assert/strict";
import {
  accuracyByDistance,
  accuracyInRange,
  oneHotSequence,
  windowFeatures,
} from "./seq_features.ts";

Deno.test("oneHotSequence() and windowFeatures() encode ids as the models see them", () => {
  const ids = Int32Array.of(0, 1, 2, 2, 1, 0); // [2, 3]
  const x = oneHotSequence(ids, [2, 3], 3);
  assert.deepEqual(x.shape, [2, 3, 3]);
  assert.deepEqual(Array.from(x.data.subarray(9, 12)), [0, 0, 1]);
  const w = windowFeatures(ids, [2, 3], 3, 2);
  assert.deepEqual(w.shape, [2, 6]);
  assert.deepEqual(Array.from(w.data), [0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0]);
  assert.throws(() => windowFeatures(ids, [2, 3], 3, 4), /window 4/);
  assert.throws(() => oneHotSequence(ids, [2, 3], 2), /outside \[0, 2\)/);
});

Deno.test("accuracyByDistance() groups hits by distance", () => {
  const r = accuracyByDistance([0, 1, 1, 0], [0, 1, 0, 0], [3, 1, 3, 1]);
  assert.deepEqual(r, { distance: [1, 3], accuracy: [1, 0.5], count: [2, 2] });
  assert.throws(() => accuracyByDistance([0], [0, 1], [1, 1]), RangeError);
});

Deno.test("accuracyInRange() weights each distance by its count", () => {
  const r = accuracyByDistance([1, 1, 0, 0, 1], [1, 1, 1, 1, 1], [0, 0, 3, 3, 3]);
  assert.equal(accuracyInRange(r), 0.6);
  assert.equal(accuracyInRange(r, 0, 2), 1);
  assert.equal(accuracyInRange(r, 3, 3), 1 / 3);
  assert.ok(Number.isNaN(accuracyInRange(r, 5, 9)));
});
