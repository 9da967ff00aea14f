/**
 * A planted mistake for 04.3-rnn-backward: carries dhPrev correctly but assigns each step's dWx,
 * dWh, db instead of adding them up, so only step 0's contribution survives.
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

/** Overwrites the shared weights' gradients at every step. */
export function rnnBackward(dh: Tensor3, cache: RnnCache): RnnGrads {
  const [N, T, H] = dh.shape, D = cache.steps[0].x.shape[1];
  const dx = tensor3(N, T, D);
  let carried = matrix(N, H), dWx = matrix(D, H), dWh = matrix(H, H);
  let db: Float64Array = new Float64Array(H);
  for (let t = T - 1; t >= 0; t--) {
    const own = timeStep(dh, t);
    const total = matrix(N, H, own.data.map((v, k) => v + carried.data[k]));
    const g = rnnStepBackward(total, cache.steps[t]);
    setTimeStep(dx, t, g.dx);
    [dWx, dWh, db] = [g.dWx, g.dWh, g.db];
    carried = g.dhPrev;
  }
  return { dx, dh0: carried, dWx, dWh, db };
}

/** Which exercise this wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "04.3-rnn-backward": /overwriting dWx, dWh, db at each step/,
};
