/**
 * Wrong answer of notebook 06: the LSTM over a sequence carries h but starts every step from c0,
 * so nothing is remembered in the cell state.
 * @module
 */
import {
  type LstmCache,
  type LstmStepCache,
  lstmStepForward,
  type Matrix,
  matrix,
  setTimeStep,
  type Tensor3,
  tensor3,
  timeStep,
} from "../../../lib/scratch/mod.ts";

/** The LSTM over a sequence, with cPrev = c0 at every step. */
export function lstmForward(
  x: Tensor3,
  h0: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
  c0?: Matrix,
): { out: Tensor3; c: Tensor3; cache: LstmCache } {
  const [N, T] = x.shape, H = h0.shape[1];
  const out = tensor3(N, T, H), c = tensor3(N, T, H), steps: LstmStepCache[] = [];
  const cStart = c0 ?? matrix(N, H);
  let h = h0;
  for (let t = 0; t < T; t++) {
    const s = lstmStepForward(timeStep(x, t), h, cStart, Wx, Wh, b); // wrong: cStart every step
    setTimeStep(out, t, s.out);
    setTimeStep(c, t, s.cNext);
    steps.push(s.cache);
    h = s.out;
  }
  return { out, c, cache: { steps } };
}

/** Which check each wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "06.4-lstm-forward": /carried from step to step/,
};
