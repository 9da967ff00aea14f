/**
 * A planted mistake for 04.1-rnn-step-forward: returns the right hNext but stores the
 * pre-activation a = x·Wx + hPrev·Wh + b in the cache, so the backward pass's 1 − hNext² is wrong.
 * @module
 */
import {
  addRow,
  matmul,
  type Matrix,
  matrix,
  type RnnStepCache,
} from "../../../lib/scratch/mod.ts";

/** Caches a instead of tanh(a). */
export function rnnStepForward(
  x: Matrix,
  hPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
): { out: Matrix; cache: RnnStepCache } {
  const xw = matmul(x, Wx), hw = matmul(hPrev, Wh);
  const a = addRow(matrix(xw.shape[0], xw.shape[1], xw.data.map((v, k) => v + hw.data[k])), b);
  const hNext = matrix(a.shape[0], a.shape[1], a.data.map(Math.tanh));
  return { out: hNext, cache: { x, hPrev, Wx, Wh, hNext: a } };
}

/** Which exercise this wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "04.1-rnn-step-forward": /cache\.hNext equals what storing the pre-activation/,
};
