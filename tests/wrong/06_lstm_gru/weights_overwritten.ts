/**
 * Wrong answer of notebook 06: BPTT assigns each step's weight gradients instead of adding them,
 * so only step 0's contribution survives (the weights are shared by every step).
 * @module
 */
import {
  type LstmCache,
  type LstmGrads,
  lstmStepBackward,
  type Matrix,
  matrix,
  setTimeStep,
  type Tensor3,
  tensor3,
  timeStep,
} from "../../../lib/scratch/mod.ts";

/** BPTT that keeps only the last computed step's dWx, dWh, db. */
export function lstmBackward(
  dh: Tensor3,
  cache: LstmCache,
  opts: { dcLast?: Matrix } = {},
): LstmGrads {
  const [N, T, H] = dh.shape, D = cache.steps[0].x.shape[1];
  const dx = tensor3(N, T, D);
  let dWx = matrix(D, 4 * H), dWh = matrix(H, 4 * H), db: Float64Array = new Float64Array(4 * H);
  let dhNext = matrix(N, H), dcNext = opts.dcLast ?? matrix(N, H);
  for (let t = T - 1; t >= 0; t--) {
    const dhT = timeStep(dh, t);
    dhT.data.forEach((_, k) => dhT.data[k] += dhNext.data[k]);
    const s = lstmStepBackward(dhT, dcNext, cache.steps[t]);
    setTimeStep(dx, t, s.dx);
    [dWx, dWh, db] = [s.dWx, s.dWh, s.db]; // wrong: = instead of +=
    dhNext = s.dhPrev;
    dcNext = s.dcPrev;
  }
  return { dx, dh0: dhNext, dc0: dcNext, dWx, dWh, db };
}

/** Which check each wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "06.5-lstm-backward": /total over all steps/,
};
