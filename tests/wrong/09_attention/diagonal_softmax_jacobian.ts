/**
 * A common mistake in 09.2: the softmax Jacobian replaced by its diagonal, α ⊙ (1 − α) ⊙ dα, as if each weight depended on its own score only.
 * @module
 */
import {
  type AttentionCache,
  type Matrix,
  matrix,
  type Tensor3,
  tensor3,
} from "../../../lib/scratch/mod.ts";

/** Which mistakes to make. */
interface Mistakes {
  /** dScores = α ⊙ (1 − α) ⊙ dα: the softmax Jacobian's diagonal only */
  diagonalSoftmax?: boolean;
  /** leave out α_s·dContext from dhEnc (the path through the weighted sum) */
  noSumPath?: boolean;
  /** leave out dScores_s·hDec from dhEnc (the path through the scores) */
  noScorePath?: boolean;
}

/** The attention step's backward pass, with the chosen mistakes. */
function backwardWith(
  dContext: Matrix,
  cache: AttentionCache,
  m: Mistakes,
): { dScores: Matrix; dhDec: Matrix; dhEnc: Tensor3 } {
  const { hDec, hEnc, weights } = cache;
  const [N, S, H] = hEnc.shape;
  const dScores = matrix(N, S), dhDec = matrix(N, H), dhEnc = tensor3(N, S, H);
  const dAlpha = new Float64Array(S);
  for (let n = 0; n < N; n++) {
    let mean = 0;
    for (let s = 0; s < S; s++) {
      let dot = 0;
      for (let k = 0; k < H; k++) dot += dContext.data[n * H + k] * hEnc.data[(n * S + s) * H + k];
      dAlpha[s] = dot;
      mean += weights.data[n * S + s] * dot;
    }
    for (let s = 0; s < S; s++) {
      const w = weights.data[n * S + s];
      const ds = m.diagonalSoftmax ? w * (1 - w) * dAlpha[s] : w * (dAlpha[s] - mean);
      dScores.data[n * S + s] = ds;
      for (let k = 0; k < H; k++) {
        const e = (n * S + s) * H + k;
        dhDec.data[n * H + k] += ds * hEnc.data[e];
        dhEnc.data[e] = (m.noSumPath ? 0 : w * dContext.data[n * H + k]) +
          (m.noScorePath ? 0 : ds * hDec.data[n * H + k]);
      }
    }
  }
  return { dScores, dhDec, dhEnc };
}

/** The attention step's backward pass with this mistake. */
export function attentionStepBackward(
  dContext: Matrix,
  cache: AttentionCache,
): { dScores: Matrix; dhDec: Matrix; dhEnc: Tensor3 } {
  return backwardWith(dContext, cache, { diagonalSoftmax: true });
}

/** Which exercise this wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "09.2-attention-step-backward": /diagonal of the softmax Jacobian/,
};
