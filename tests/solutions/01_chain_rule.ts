/**
 * Reference solutions of notebook 01's exercises (instructors: delete tests/solutions/ before
 * handing the course out; see README "Exercises").
 * @module
 */
import {
  type DenseCache,
  matmul,
  type Matrix,
  matrix,
  sumRows,
  transpose,
} from "../../lib/scratch/mod.ts";

/** Reference dense backward: dx = dOut·Wᵀ, dW = xᵀ·dOut, db = Σₙ dOut. */
export function denseBackward(
  dOut: Matrix,
  cache: DenseCache,
): { dx: Matrix; dW: Matrix; db: Float64Array } {
  const dx = matmul(dOut, transpose(cache.W)); // [N, D]
  const dW = matmul(transpose(cache.x), dOut); // [D, H]
  const db = sumRows(dOut); // [H]
  return { dx, dW, db };
}

/** Reference softmax cross-entropy with the max shift and the 1/N of the mean. */
export function softmaxCrossEntropy(
  logits: Matrix,
  labels: ArrayLike<number>,
): { loss: number; dLogits: Matrix } {
  const [n, c] = logits.shape;
  const dLogits = matrix(n, c); // [N, C]
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const row = logits.data.subarray(i * c, (i + 1) * c);
    const max = Math.max(...row);
    let sum = 0;
    for (let j = 0; j < c; j++) sum += Math.exp(row[j] - max);
    for (let j = 0; j < c; j++) dLogits.data[i * c + j] = Math.exp(row[j] - max) / sum / n;
    loss -= row[labels[i]] - max - Math.log(sum); // −log probs[i, yᵢ]
    dLogits.data[i * c + labels[i]] -= 1 / n;
  }
  return { loss: loss / n, dLogits };
}

/** The cache of the two-layer net (the same shape as the stub's). */
export interface TwoLayerCache {
  x: Matrix;
  W1: Matrix;
  b1: Float64Array;
  h: Matrix;
  W2: Matrix;
  b2: Float64Array;
}

/** Reference two-layer backward: dense, tanh' = 1 − h² from the cached output, dense. */
export function twoLayerBackward(
  dLogits: Matrix,
  cache: TwoLayerCache,
): { dx: Matrix; dW1: Matrix; db1: Float64Array; dW2: Matrix; db2: Float64Array } {
  const { x, W1, h, W2 } = cache;
  const dW2 = matmul(transpose(h), dLogits); // [H, C]
  const db2 = sumRows(dLogits); // [C]
  const dh = matmul(dLogits, transpose(W2)); // [N, H]
  const dz1 = matrix(dh.shape[0], dh.shape[1], dh.data.map((g, i) => g * (1 - h.data[i] ** 2)));
  const dW1 = matmul(transpose(x), dz1); // [D, H]
  const db1 = sumRows(dz1); // [H]
  const dx = matmul(dz1, transpose(W1)); // [N, D]
  return { dx, dW1, db1, dW2, db2 };
}
