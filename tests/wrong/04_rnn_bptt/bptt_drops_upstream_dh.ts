/**
 * A planted mistake for 04.3-rnn-backward: seeds the walk with dh[:, T−1] and then passes on only
 * the carried gradient, dropping the upstream dh[:, t] of the earlier steps (right when the loss
 * reads the last step only, wrong as soon as it reads others).
 * @module
 */
import {
  matrix,
  type RnnCache,
  type RnnGrads,
  rnnStepBackward,
  setTimeStep,
  type Tensor3,
  tensor3,
  timeStep,
} from "../../../lib/scratch/mod.ts";

/** Uses dh only at the last step. */
export function rnnBackward(dh: Tensor3, cache: RnnCache): RnnGrads {
  const [N, T, H] = dh.shape, D = cache.steps[0].x.shape[1];
  const dx = tensor3(N, T, D), dWx = matrix(D, H), dWh = matrix(H, H), db = new Float64Array(H);
  let carried = timeStep(dh, T - 1);
  for (let t = T - 1; t >= 0; t--) {
    const g = rnnStepBackward(carried, cache.steps[t]);
    setTimeStep(dx, t, g.dx);
    g.dWx.data.forEach((v, k) => (dWx.data[k] += v));
    g.dWh.data.forEach((v, k) => (dWh.data[k] += v));
    g.db.forEach((v, k) => (db[k] += v));
    carried = g.dhPrev;
  }
  return { dx, dh0: carried, dWx, dWh, db };
}

/** Which exercise this wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "04.3-rnn-backward": /dropping the step's own upstream dh/,
};
