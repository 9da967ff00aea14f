/**
 * Wrong answers of notebook 06: Cho et al.'s original GRU (and tf.layers.gru), where the reset
 * gate multiplies hPrev BEFORE the matmul, n = tanh(x·Wx_n + bx_n + (r ⊙ hPrev)·Wh_n + bh_n),
 * instead of PyTorch's r ⊙ (hPrev·Wh_n + bh_n); forward and backward.
 * @module
 */
import {
  gruStepBackward as courseBackward,
  type GruStepCache,
  gruStepForward as courseForward,
  type GruStepGrads,
  type Matrix,
  matrix,
} from "../../../lib/scratch/mod.ts";

/** One GRU step, reset before the matmul. */
export function gruStepForward(
  x: Matrix,
  hPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  bx: Float64Array,
  bh: Float64Array,
): { out: Matrix; cache: GruStepCache } {
  return courseForward(x, hPrev, Wx, Wh, bx, bh, { resetAfter: false });
}

/** The reset-before derivatives applied to a (reset-after) cache. */
export function gruStepBackward(dhNext: Matrix, cache: GruStepCache): GruStepGrads {
  const rh = matrix(...cache.hPrev.shape, cache.r.data.map((v, k) => v * cache.hPrev.data[k]));
  return courseBackward(dhNext, { ...cache, resetAfter: false, hn: rh });
}

/** Which check each wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "06.2-gru-step-forward": /after the matmul/,
  "06.6-gru-step-backward": /after the matmul/,
};
