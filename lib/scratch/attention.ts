/**
 * Dot-product attention for one decoder step, forward and backward on Float64Arrays: the "global
 * attention" of Luong, Pham & Manning (2015) with their "dot" score. For each example n, the
 * decoder state hDec_n [H] scores every encoder state hEnc_{n,s} [H], the scores become weights by a
 * softmax over s, and the context is the weighted sum of the encoder states:
 *   scores_{n,s} = hDec_n · hEnc_{n,s},  weights_n = softmax(scores_n),  context_n = Σ_s weights_{n,s} hEnc_{n,s}.
 * Bahdanau, Cho & Bengio (2015) score with a small MLP instead; the rest is the same. Taught in
 * notebook 09 (exercise 09.1); the tfjs version over all decoder steps at once is
 * lib/rnn/attention.ts.
 * @module
 */
import { type Matrix, matrix } from "./matrix.ts";
import { type Tensor3, tensor3 } from "./tensor3.ts";

/** What dotAttentionBackward needs. */
export interface AttentionCache {
  /** decoder state [N, H] */
  hDec: Matrix;
  /** encoder states [N, S, H] */
  hEnc: Tensor3;
  /** the softmax weights [N, S] */
  weights: Matrix;
}

/** What dotAttentionForward computes. */
export interface AttentionResult {
  /** the context vectors [N, H] */
  out: Matrix;
  /** hDec · hEnc for every source position [N, S] */
  scores: Matrix;
  /** softmax of the scores over S, each row sums to 1 [N, S] */
  weights: Matrix;
  cache: AttentionCache;
}

/**
 * Forward pass of dot-product attention for one decoder step.
 *
 * @param hDec decoder state [N, H]
 * @param hEnc encoder states [N, S, H]
 * @returns `{ out, scores, weights, cache }` with out = context [N, H], scores and weights [N, S]
 * @throws {RangeError} if N or H differ between the two (the message names both shapes)
 * @example Attention to two encoder states, the first one aligned with the query
 * ```ts
 * import { dotAttentionForward } from "./attention.ts";
 * import { matrix } from "./matrix.ts";
 * import { tensor3 } from "./tensor3.ts";
 * const { weights } = dotAttentionForward(matrix(1, 2, [3, 0]), tensor3(1, 2, 2, [1, 0, 0, 1]));
 * console.log(weights.data[0].toFixed(3)); // "0.953"
 * ```
 * @see notebook 09, "Attention"; Luong et al. (2015), eq. (7) and the "dot" score of eq. (8)
 */
export function dotAttentionForward(hDec: Matrix, hEnc: Tensor3): AttentionResult {
  const [N, H] = hDec.shape, [N2, S, H2] = hEnc.shape;
  if (N !== N2 || H !== H2) {
    throw new RangeError(
      `dotAttentionForward: hDec is [${hDec.shape}] and hEnc [${hEnc.shape}]; expected [N, H] and [N, S, H]`,
    );
  }
  const scores = matrix(N, S), weights = matrix(N, S), out = matrix(N, H);
  for (let n = 0; n < N; n++) {
    let max = -Infinity;
    for (let s = 0; s < S; s++) {
      let dot = 0; // hDec_n · hEnc_{n,s}
      for (let k = 0; k < H; k++) dot += hDec.data[n * H + k] * hEnc.data[(n * S + s) * H + k];
      scores.data[n * S + s] = dot;
      max = Math.max(max, dot);
    }
    let sum = 0; // softmax, shifted by the row's max
    for (let s = 0; s < S; s++) {
      sum += weights.data[n * S + s] = Math.exp(scores.data[n * S + s] - max);
    }
    for (let s = 0; s < S; s++) {
      const w = (weights.data[n * S + s] /= sum);
      for (let k = 0; k < H; k++) out.data[n * H + k] += w * hEnc.data[(n * S + s) * H + k];
    }
  }
  return { out, scores, weights, cache: { hDec, hEnc, weights } };
}

/**
 * Backward pass of dot-product attention: from ∂L/∂context to both inputs. With
 * dW = dContext·hEncᵀ (per example), the softmax gives dScores = W ⊙ (dW − Σ_s W ⊙ dW); then
 * dhDec = dScores·hEnc and dhEnc = W ⊗ dContext + dScores ⊗ hDec (hEnc feeds both the scores and
 * the sum, so its gradient has two terms).
 *
 * @param dOut ∂L/∂context [N, H]
 * @param cache from dotAttentionForward
 * @returns `{ dhDec, dhEnc, dScores }` with shapes [N, H], [N, S, H] and [N, S] (∂L/∂scores)
 * @throws {RangeError} if dOut's shape is not [N, H]
 */
export function dotAttentionBackward(
  dOut: Matrix,
  cache: AttentionCache,
): { dhDec: Matrix; dhEnc: Tensor3; dScores: Matrix } {
  const { hDec, hEnc, weights } = cache;
  const [N, S, H] = hEnc.shape;
  if (dOut.shape[0] !== N || dOut.shape[1] !== H) {
    throw new RangeError(`dotAttentionBackward: dOut is [${dOut.shape}], expected [${N}, ${H}]`);
  }
  const dhDec = matrix(N, H), dhEnc = tensor3(N, S, H), dScoresAll = matrix(N, S);
  const dW = new Float64Array(S), dScores = new Float64Array(S);
  for (let n = 0; n < N; n++) {
    let mean = 0; // Σ_s W_s dW_s
    for (let s = 0; s < S; s++) {
      let dot = 0;
      for (let k = 0; k < H; k++) dot += dOut.data[n * H + k] * hEnc.data[(n * S + s) * H + k];
      dW[s] = dot;
      mean += weights.data[n * S + s] * dot;
    }
    for (let s = 0; s < S; s++) {
      dScores[s] = dScoresAll.data[n * S + s] = weights.data[n * S + s] * (dW[s] - mean);
    }
    for (let s = 0; s < S; s++) {
      const w = weights.data[n * S + s], base = (n * S + s) * H;
      for (let k = 0; k < H; k++) {
        dhDec.data[n * H + k] += dScores[s] * hEnc.data[base + k];
        dhEnc.data[base + k] = w * dOut.data[n * H + k] + dScores[s] * hDec.data[n * H + k];
      }
    }
  }
  return { dhDec, dhEnc, dScores: dScoresAll };
}
