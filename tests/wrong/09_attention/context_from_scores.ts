/**
 * A common mistake in 09.1: the context averages the encoder states with the raw scores instead
 * of the softmax weights (the weights are computed, then not used).
 * @module
 */
import { type Matrix, matrix, type Tensor3 } from "../../../lib/scratch/mod.ts";

/** Attention step whose context is Σ_s scores_s·h̄_s. */
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
    const row = scores.data.subarray(n * S, (n + 1) * S), max = Math.max(...row);
    const e = row.map((v) => Math.exp(v - max)), sum = e.reduce((a, b) => a + b, 0);
    for (let s = 0; s < S; s++) {
      weights.data[n * S + s] = e[s] / sum;
      const score = scores.data[n * S + s];
      for (let k = 0; k < H; k++) {
        context.data[n * H + k] += score * hEnc.data[(n * S + s) * H + k];
      }
    }
  }
  return { scores, weights, context };
}

/** Which exercise this wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = { "09.1-attention-step": /raw scores/ };
