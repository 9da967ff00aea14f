/**
 * Wrong answer of notebook 06: BPTT passes dc from step to step but never adds the dh that comes
 * back from step t+1 (each step sees only the loss's own dh[:, t]).
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

/** BPTT without the carried dh. */
export function lstmBackward(
  dh: Tensor3,
  cache: LstmCache,
  opts: { dcLast?: Matrix } = {},
): LstmGrads {
  const [N, T, H] = dh.shape, D = cache.steps[0].x.shape[1];
  const dx = tensor3(N, T, D), dWx = matrix(D, 4 * H), dWh = matrix(H, 4 * H);
  const db = new Float64Array(4 * H);
  let dhPrev = matrix(N, H), dcNext = opts.dcLast ?? matrix(N, H);
  for (let t = T - 1; t >= 0; t--) {
    const s = lstmStepBackward(timeStep(dh, t), dcNext, cache.steps[t]); // wrong: no + dhPrev
    setTimeStep(dx, t, s.dx);
    s.dWx.data.forEach((v, k) => dWx.data[k] += v);
    s.dWh.data.forEach((v, k) => dWh.data[k] += v);
    s.db.forEach((v, k) => db[k] += v);
    dhPrev = s.dhPrev;
    dcNext = s.dcPrev;
  }
  return { dx, dh0: dhPrev, dc0: dcNext, dWx, dWh, db };
}

/** Which check each wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "06.5-lstm-backward": /carried back from step t\+1/,
};
