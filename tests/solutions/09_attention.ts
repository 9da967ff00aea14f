/**
 * Reference solution of notebook 09's exercise (instructors: delete tests/solutions/ before
 * handing the course out; see README "Exercises").
 * @module
 */
import { type Matrix, matrix, type Tensor3 } from "../../lib/scratch/mod.ts";

/** Reference dot-product attention of one decoder step, with a max-shifted softmax. */
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
      const w = (weights.data[n * S + s] = e[s] / sum);
      for (let k = 0; k < H; k++) context.data[n * H + k] += w * hEnc.data[(n * S + s) * H + k];
    }
  }
  return { scores, weights, context };
}
