/**
 * Wrong answer of notebook 06: hNext = o ⊙ cNext, forgetting the tanh on the cell state.
 * @module
 */
import {
  type LstmStepCache,
  lstmStepForward as courseStep,
  type Matrix,
  matrix,
} from "../../../lib/scratch/mod.ts";

/** One LSTM step whose output skips tanh(cNext). */
export function lstmStepForward(
  x: Matrix,
  hPrev: Matrix,
  cPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
): { out: Matrix; cNext: Matrix; cache: LstmStepCache } {
  const s = courseStep(x, hPrev, cPrev, Wx, Wh, b);
  const out = matrix(...s.out.shape, s.cache.o.data.map((o, k) => o * s.cNext.data[k]));
  return { out, cNext: s.cNext, cache: s.cache };
}

/** Which check each wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "06.1-lstm-step-forward": /without the tanh/,
};
