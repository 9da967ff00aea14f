/**
 * A planted mistake for 04.1-rnn-step-forward: forgets the bias, hNext = tanh(x·Wx + hPrev·Wh).
 * @module
 */
import { matmul, type Matrix, matrix, type RnnStepCache } from "../../../lib/scratch/mod.ts";

/** Leaves out b. */
export function rnnStepForward(
  x: Matrix,
  hPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  _b: Float64Array,
): { out: Matrix; cache: RnnStepCache } {
  const a = matmul(x, Wx), ah = matmul(hPrev, Wh);
  const hNext = matrix(a.shape[0], a.shape[1], a.data.map((v, k) => Math.tanh(v + ah.data[k])));
  return { out: hNext, cache: { x, hPrev, Wx, Wh, hNext } };
}

/** Which exercise this wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "04.1-rnn-step-forward": /hNext equals what forgetting the bias/,
};
