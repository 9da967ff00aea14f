/**
 * A planted mistake for 01.2-softmax-cross-entropy: the loss is a mean but the gradient forgets
 * the 1/N.
 * @module
 */
import { type Matrix, matrix } from "../../../lib/scratch/mod.ts";

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

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "01.2-softmax-cross-entropy": /missing 1\/N/,
};
