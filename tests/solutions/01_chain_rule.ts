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
