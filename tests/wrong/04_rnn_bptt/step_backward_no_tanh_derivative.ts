/**
 * A planted mistake for 04.2-rnn-step-backward: skips the tanh, da = dhNext instead of
 * dhNext ⊙ (1 − hNext²).
 * @module
 */
import {
  matmul,
  type Matrix,
  type RnnStepCache,
  type RnnStepGrads,
  sumRows,
  transpose,
} from "../../../lib/scratch/mod.ts";

/** Forgets tanh' = 1 − hNext². */
export function rnnStepBackward(dhNext: Matrix, cache: RnnStepCache): RnnStepGrads {
  const { x, hPrev, Wx, Wh } = cache, da = dhNext;
  return {
    dx: matmul(da, transpose(Wx)),
    dhPrev: matmul(da, transpose(Wh)),
    dWx: matmul(transpose(x), da),
    dWh: matmul(transpose(hPrev), da),
    db: sumRows(da),
  };
}

/** Which exercise this wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "04.2-rnn-step-backward": /leaving out the tanh derivative/,
};
