/**
 * Reference solutions of notebook 09's exercises (instructors: delete tests/solutions/ before
 * handing the course out; see README "Exercises").
 * @module
 */
import {
  type AttentionCache,
  type Matrix,
  matrix,
  type Tensor3,
  tensor3,
} from "../../lib/scratch/mod.ts";

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

/**
 * Reference backward pass of one attention step. With dα_s = dContext·h̄_s, the softmax Jacobian
 * gives dScores_s = α_s (dα_s − Σ_r α_r dα_r); then dhDec = Σ_s dScores_s h̄_s, and h̄_s gets two
 * terms: α_s dContext (through the weighted sum) and dScores_s hDec (through its score).
 */
export function attentionStepBackward(
  dContext: Matrix,
  cache: AttentionCache,
): { dScores: Matrix; dhDec: Matrix; dhEnc: Tensor3 } {
  const { hDec, hEnc, weights } = cache;
  const [N, S, H] = hEnc.shape;
  const dScores = matrix(N, S), dhDec = matrix(N, H), dhEnc = tensor3(N, S, H);
  const dAlpha = new Float64Array(S);
  for (let n = 0; n < N; n++) {
    let mean = 0; // Σ_r α_r dα_r
    for (let s = 0; s < S; s++) {
      let dot = 0;
      for (let k = 0; k < H; k++) dot += dContext.data[n * H + k] * hEnc.data[(n * S + s) * H + k];
      dAlpha[s] = dot;
      mean += weights.data[n * S + s] * dot;
    }
    for (let s = 0; s < S; s++) {
      const w = weights.data[n * S + s], ds = (dScores.data[n * S + s] = w * (dAlpha[s] - mean));
      for (let k = 0; k < H; k++) {
        const e = (n * S + s) * H + k;
        dhDec.data[n * H + k] += ds * hEnc.data[e];
        dhEnc.data[e] = w * dContext.data[n * H + k] + ds * hDec.data[n * H + k];
      }
    }
  }
  return { dScores, dhDec, dhEnc };
}
