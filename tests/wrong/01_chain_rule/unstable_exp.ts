/**
 * A planted mistake for 01.2: the softmax exponentiates the raw logits (no max shift), so logits
 * near 1000 overflow to Infinity and the loss and gradient become NaN.
 * @module
 */
import { type Matrix, matrix } from "../../../lib/scratch/mod.ts";

/** Softmax cross-entropy without subtracting each row's max. */
export function softmaxCrossEntropy(
  logits: Matrix,
  labels: ArrayLike<number>,
): { loss: number; dLogits: Matrix } {
  const [n, c] = logits.shape;
  const dLogits = matrix(n, c);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < c; j++) sum += Math.exp(logits.data[i * c + j]);
    for (let j = 0; j < c; j++) {
      dLogits.data[i * c + j] = Math.exp(logits.data[i * c + j]) / sum / n;
    }
    loss -= Math.log(Math.exp(logits.data[i * c + labels[i]]) / sum);
    dLogits.data[i * c + labels[i]] -= 1 / n;
  }
  return { loss: loss / n, dLogits };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "01.2-softmax-cross-entropy": /overflow/,
};
