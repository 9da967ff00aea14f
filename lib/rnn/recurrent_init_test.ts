import assert from "node:assert/strict";
import { matmul, transpose } from "../scratch/matrix.ts";
import { Rng } from "../util/rng.ts";
import { largestSingularValue } from "./grad_norms.ts";
import { orthogonalMatrix, recurrentWeights } from "./recurrent_init.ts";

Deno.test("orthogonalMatrix() gives QᵀQ = scale²·I, so every singular value is the scale", () => {
  const Q = orthogonalMatrix(6, new Rng(3), 1.5);
  const G = matmul(transpose(Q), Q);
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j < 6; j++) {
      assert.ok(Math.abs(G.data[i * 6 + j] - (i === j ? 2.25 : 0)) < 1e-12);
    }
  }
  assert.ok(Math.abs(largestSingularValue(Q) - 1.5) < 1e-9);
  assert.throws(() => orthogonalMatrix(0, new Rng(0)), RangeError);
});

Deno.test("recurrentWeights() fills each gate block with its own draw", () => {
  const Wh = recurrentWeights("identity", 3, 4, new Rng(0), 0.5); // [3, 12]
  assert.deepEqual(Wh.shape, [3, 12]);
  for (let g = 0; g < 4; g++) assert.equal(Wh.data[1 * 12 + g * 3 + 1], 0.5);
  const O = recurrentWeights("orthogonal", 4, 2, new Rng(1));
  const block = (g: number) =>
    Array.from({ length: 16 }, (_, k) => O.data[Math.floor(k / 4) * 8 + g * 4 + (k % 4)]);
  assert.notDeepEqual(block(0), block(1));
  const X = recurrentWeights("xavier", 200, 1, new Rng(2));
  const std = Math.sqrt(X.data.reduce((s, v) => s + v * v, 0) / X.data.length);
  assert.ok(Math.abs(std - 1 / Math.sqrt(200)) < 0.003, `std ${std}`);
  // @ts-expect-error an unknown kind is rejected at run time too
  assert.throws(() => recurrentWeights("zeros", 2, 1, new Rng(0)), TypeError);
});
