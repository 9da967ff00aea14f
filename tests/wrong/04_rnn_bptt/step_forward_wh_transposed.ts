/**
 * A planted mistake for 04.1-rnn-step-forward: multiplies hPrev by Whᵀ: the shapes fit (Wh is
 * square) but the values do not.
 * @module
 */
import {
  matmul,
  type Matrix,
  matrix,
  type RnnStepCache,
  transpose,
} from "../../../lib/scratch/mod.ts";

/** Multiplies hPrev by Whᵀ: the shapes fit (Wh is square) but the values do not. */
export function rnnStepForward(
  x: Matrix,
  hPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
): { out: Matrix; cache: RnnStepCache } {
  const a = matmul(x, Wx), ah = matmul(hPrev, transpose(Wh));
  const H = b.length;
  const hNext = matrix(a.shape[0], H, a.data.map((v, k) => Math.tanh(v + ah.data[k] + b[k % H])));
  return { out: hNext, cache: { x, hPrev, Wx, Wh, hNext } };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "04.1-rnn-step-forward": /hNext equals what multiplying hPrev by Whᵀ/,
};
