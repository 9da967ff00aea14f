/**
 * A planted mistake for 09.1-attention-step: softmax over the batch (each column sums to 1)
 * instead of over the source positions.
 * @module
 */
import { type Matrix, matrix, type Tensor3 } from "../../../lib/scratch/mod.ts";

/** Softmax over the batch (each column sums to 1) instead of over the source positions. */
export function attentionStep(
  hDec: Matrix,
  hEnc: Tensor3,
): { scores: Matrix; weights: Matrix; context: Matrix } {
  const [N, S, H] = hEnc.shape;
  const scores = matrix(N, S), weights = matrix(N, S), context = matrix(N, H);
  for (let n = 0; n < N; n++) {
    for (let s = 0; s < S; s++) {
      let dot = 0;
      for (let k = 0; k < H; k++) dot += hDec.data[n * H + k] * hEnc.data[(n * S + s) * H + k];
      scores.data[n * S + s] = dot;
    }
  }
  for (let s = 0; s < S; s++) {
    let max = -Infinity, sum = 0;
    for (let n = 0; n < N; n++) max = Math.max(max, scores.data[n * S + s]);
    for (let n = 0; n < N; n++) sum += Math.exp(scores.data[n * S + s] - max);
    for (let n = 0; n < N; n++) {
      weights.data[n * S + s] = Math.exp(scores.data[n * S + s] - max) / sum;
    }
  }
  for (let n = 0; n < N; n++) {
    for (let s = 0; s < S; s++) {
      for (let k = 0; k < H; k++) {
        context.data[n * H + k] += weights.data[n * S + s] * hEnc.data[(n * S + s) * H + k];
      }
    }
  }
  return { scores, weights, context };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "09.1-attention-step": /sum to 1/,
};
