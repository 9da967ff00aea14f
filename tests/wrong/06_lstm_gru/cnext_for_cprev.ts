/**
 * Wrong answer of notebook 06: the forget gate's derivative uses cNext where it needs cPrev
 * (cNext = f ⊙ cPrev + i ⊙ g, so ∂cNext/∂f = cPrev).
 * @module
 */
import {
  lstmStepBackward as courseStepBackward,
  type LstmStepCache,
  type LstmStepGrads,
  type Matrix,
} from "../../../lib/scratch/mod.ts";

/** One LSTM step backward with df = dc ⊙ cNext. */
export function lstmStepBackward(
  dhNext: Matrix,
  dcNext: Matrix,
  cache: LstmStepCache,
): LstmStepGrads {
  return courseStepBackward(dhNext, dcNext, { ...cache, cPrev: cache.cNext });
}

/** Which check each wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "06.3-lstm-step-backward": /using cNext where .* needs cPrev/,
};
