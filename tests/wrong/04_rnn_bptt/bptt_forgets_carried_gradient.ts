/**
 * A planted mistake for 04.3-rnn-backward: forgets the gradient flowing back from step t+1 (treats
 * every step as if it were the last).
 * @module
 */
import {
  matmul,
  type Matrix,
  matrix,
  type RnnCache,
  type RnnGrads,
  type RnnStepCache,
  type RnnStepGrads,
  setTimeStep,
  sumRows,
  type Tensor3,
  tensor3,
  timeStep,
  transpose,
} from "../../../lib/scratch/mod.ts";

/** Forgets the gradient flowing back from step t+1 (treats every step as if it were the last). */
export function rnnBackward(dh: Tensor3, cache: RnnCache): RnnGrads {
  const [N, T, H] = dh.shape, D = cache.steps[0].x.shape[1];
  const dx = tensor3(N, T, D), dWx = matrix(D, H), dWh = matrix(H, H), db = new Float64Array(H);
  let dh0 = matrix(N, H);
  for (let t = T - 1; t >= 0; t--) {
    const g = rnnStepBackwardRef(timeStep(dh, t), cache.steps[t]);
    setTimeStep(dx, t, g.dx);
    for (let k = 0; k < dWx.data.length; k++) dWx.data[k] += g.dWx.data[k];
    for (let k = 0; k < dWh.data.length; k++) dWh.data[k] += g.dWh.data[k];
    for (let k = 0; k < H; k++) db[k] += g.db[k];
    dh0 = g.dhPrev;
  }
  return { dx, dh0, dWx, dWh, db };
}

function rnnStepBackwardRef(dhNext: Matrix, cache: RnnStepCache): RnnStepGrads {
  const { x, hPrev, Wx, Wh, hNext } = cache;
  const da = matrix(
    dhNext.shape[0],
    dhNext.shape[1],
    dhNext.data.map((g, k) => g * (1 - hNext.data[k] ** 2)),
  );
  return {
    dx: matmul(da, transpose(Wx)),
    dhPrev: matmul(da, transpose(Wh)),
    dWx: matmul(transpose(x), da),
    dWh: matmul(transpose(hPrev), da),
    db: sumRows(da),
  };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "04.3-rnn-backward": /carried back from step t\+1/,
};
