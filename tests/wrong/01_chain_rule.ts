/**
 * A plausible wrong answer for each exercise of notebook 01, to prove the checks catch it.
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

/** dW computed as dOutᵀ·x: the right numbers, transposed to [H, D]. */
export function denseBackward(
  dOut: Matrix,
  cache: DenseCache,
): { dx: Matrix; dW: Matrix; db: Float64Array } {
  const dx = matmul(dOut, transpose(cache.W)); // [N, D]
  const dW = matmul(transpose(dOut), cache.x); // [H, D]: transposed
  return { dx, dW, db: sumRows(dOut) };
}

/** The loss is a mean but the gradient forgets the 1/N. */
export function softmaxCrossEntropy(
  logits: Matrix,
  labels: ArrayLike<number>,
): { loss: number; dLogits: Matrix } {
  const [n, c] = logits.shape;
  const dLogits = matrix(n, c);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const row = logits.data.subarray(i * c, (i + 1) * c);
    const max = Math.max(...row);
    let sum = 0;
    for (let j = 0; j < c; j++) sum += Math.exp(row[j] - max);
    for (let j = 0; j < c; j++) dLogits.data[i * c + j] = Math.exp(row[j] - max) / sum;
    loss -= row[labels[i]] - max - Math.log(sum);
    dLogits.data[i * c + labels[i]] -= 1;
  }
  return { loss: loss / n, dLogits };
}

/** Which check each wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures = {
  "01.1-dense-backward": /transposed/,
  "01.2-softmax-cross-entropy": /missing 1\/N/,
};
