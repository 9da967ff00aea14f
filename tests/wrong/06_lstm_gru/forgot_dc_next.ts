/**
 * Wrong answers of notebook 06: the cell-state path from step t+1 is forgotten: the step backward
 * ignores dcNext, and BPTT does not pass a step's dcPrev on to the step before.
 * @module
 */
import {
  type LstmCache,
  type LstmGrads,
  lstmStepBackward as courseStepBackward,
  type LstmStepCache,
  type LstmStepGrads,
  type Matrix,
  matrix,
  setTimeStep,
  type Tensor3,
  tensor3,
  timeStep,
} from "../../../lib/scratch/mod.ts";

/** One LSTM step backward that uses only dhNext. */
export function lstmStepBackward(
  dhNext: Matrix,
  _dcNext: Matrix,
  cache: LstmStepCache,
): LstmStepGrads {
  return courseStepBackward(dhNext, matrix(...dhNext.shape), cache);
}

/** BPTT that carries dh from step to step but restarts dc from zero at every step. */
export function lstmBackward(
  dh: Tensor3,
  cache: LstmCache,
  opts: { dcLast?: Matrix } = {},
): LstmGrads {
  const [N, T, H] = dh.shape, D = cache.steps[0].x.shape[1];
  const dx = tensor3(N, T, D), dWx = matrix(D, 4 * H), dWh = matrix(H, 4 * H);
  const db = new Float64Array(4 * H);
  let dhNext = matrix(N, H), dc0 = opts.dcLast ?? matrix(N, H);
  for (let t = T - 1; t >= 0; t--) {
    const dhT = timeStep(dh, t);
    dhT.data.forEach((_, k) => dhT.data[k] += dhNext.data[k]);
    const dcNext = t === T - 1 ? opts.dcLast ?? matrix(N, H) : matrix(N, H); // wrong
    const s = courseStepBackward(dhT, dcNext, cache.steps[t]);
    setTimeStep(dx, t, s.dx);
    s.dWx.data.forEach((v, k) => dWx.data[k] += v);
    s.dWh.data.forEach((v, k) => dWh.data[k] += v);
    s.db.forEach((v, k) => db[k] += v);
    dhNext = s.dhPrev;
    dc0 = s.dcPrev;
  }
  return { dx, dh0: dhNext, dc0, dWx, dWh, db };
}

/** Which check each wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "06.3-lstm-step-backward": /ignoring dcNext/,
  "06.5-lstm-backward": /cell-state gradient between steps/,
};
