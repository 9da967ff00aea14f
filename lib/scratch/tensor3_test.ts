import assert from "node:assert/strict";
import { matrix, toRows } from "./matrix.ts";
import { fromNested3, setTimeStep, tensor3, timeStep, toNested3 } from "./tensor3.ts";

Deno.test("fromNested3() and toNested3() round-trip [N, T, K] values", () => {
  const x = [[[1, 2], [3, 4], [5, 6]], [[7, 8], [9, 10], [11, 12]]];
  const a = fromNested3(x);
  assert.deepEqual(a.shape, [2, 3, 2]);
  assert.equal(a.data[(1 * 3 + 2) * 2 + 0], 11); // entry (1, 2, 0)
  assert.deepEqual(toNested3(a), x);
  assert.throws(() => fromNested3([[[1, 2], [3]]]), /x\[0\]\[1\] breaks the shape/);
});

Deno.test("timeStep() and setTimeStep() copy one step a[:, t, :]", () => {
  const a = fromNested3([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
  assert.deepEqual(toRows(timeStep(a, 1)), [[3, 4], [7, 8]]);
  const b = tensor3(2, 2, 2);
  setTimeStep(b, 0, matrix(2, 2, [1, 2, 5, 6]));
  assert.deepEqual(toNested3(b), [[[1, 2], [0, 0]], [[5, 6], [0, 0]]]);
  assert.throws(() => timeStep(a, 2), RangeError);
  assert.throws(
    () => setTimeStep(b, 0, matrix(2, 3)),
    /cannot write \[2,3\] into step 0 of \[2,2,2\]/,
  );
  assert.throws(() => tensor3(2, 2, 2, [1]), /expected 8 values/);
});
