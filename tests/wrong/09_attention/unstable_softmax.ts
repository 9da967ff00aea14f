/**
 * A common mistake in 09.1: the softmax exponentiates the raw scores, without subtracting each
 * row's largest score, so scores near 1000 overflow to Infinity and the weights become NaN.
 * @module
 */
import { type Matrix, matrix, type Tensor3 } from "../../../lib/scratch/mod.ts";

/** Attention step with a naive softmax (exp of the raw scores). */
export function attentionStep(
  hDec: Matrix,
  hEnc: Tensor3,
): { scores: Matrix; weights: Matrix; context: Matrix } {
  const [N, S, H] = hEnc.shape;
  const scores = matrix(N, S), weights = matrix(N, S), context = matrix(N, H);
  for (let n = 0; n < N; n++) {
    let sum = 0;
    for (let s = 0; s < S; s++) {
      let dot = 0;
      for (let k = 0; k < H; k++) dot += hDec.data[n * H + k] * hEnc.data[(n * S + s) * H + k];
      scores.data[n * S + s] = dot;
      sum += Math.exp(dot);
    }
    for (let s = 0; s < S; s++) {
      const w = (weights.data[n * S + s] = Math.exp(scores.data[n * S + s]) / sum);
      for (let k = 0; k < H; k++) context.data[n * H + k] += w * hEnc.data[(n * S + s) * H + k];
    }
  }
  return { scores, weights, context };
}

/** Which exercise this wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = { "09.1-attention-step": /overflow/ };
