/**
 * A planted mistake for 01.3: the backward pass uses the sigmoid's derivative h(1 − h) for the tanh hidden layer.
 * @module
 */
import { matmul, type Matrix, matrix, sumRows, transpose } from "../../../lib/scratch/mod.ts";

/** The cache of the two-layer net. */
export interface TwoLayerCache {
  x: Matrix;
  W1: Matrix;
  b1: Float64Array;
  h: Matrix;
  W2: Matrix;
  b2: Float64Array;
}

/** Two-layer backward with the mistake above. */
export function twoLayerBackward(
  dLogits: Matrix,
  cache: TwoLayerCache,
): { dx: Matrix; dW1: Matrix; db1: Float64Array; dW2: Matrix; db2: Float64Array } {
  const { x, W1, h, W2 } = cache;
  const scale = 1; // no rescaling
  const local = (v: number) => v * (1 - v); // σ's derivative, not tanh's
  const dh = matmul(dLogits, transpose(W2)); // [N, H]
  const dz1 = matrix(dh.shape[0], dh.shape[1], dh.data.map((g, i) => g * local(h.data[i])));
  const per = (m: Matrix) => matrix(m.shape[0], m.shape[1], m.data.map((v) => v / scale));
  return {
    dx: matmul(dz1, transpose(W1)),
    dW1: per(matmul(transpose(x), dz1)),
    db1: sumRows(dz1).map((v) => v / scale),
    dW2: per(matmul(transpose(h), dLogits)),
    db2: sumRows(dLogits).map((v) => v / scale),
  };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "01.3-two-layer-backward": /sigmoid/,
};
