/**
 * Reference solutions of notebook 04's exercises (instructors: delete tests/solutions/ before
 * handing the course out; see README "Exercises").
 * @module
 */
import {
  addRow,
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
} from "../../lib/scratch/mod.ts";

/** Reference RNN step forward: hNext = tanh(x·Wx + hPrev·Wh + b). */
export function rnnStepForward(
  x: Matrix,
  hPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
): { out: Matrix; cache: RnnStepCache } {
  const a = addRow(matmul(x, Wx), b); // [N, H]
  const ah = matmul(hPrev, Wh); // [N, H]
  const hNext = matrix(a.shape[0], a.shape[1], a.data.map((v, k) => Math.tanh(v + ah.data[k])));
  return { out: hNext, cache: { x, hPrev, Wx, Wh, hNext } };
}

/** Reference RNN step backward. */
export function rnnStepBackward(dhNext: Matrix, cache: RnnStepCache): RnnStepGrads {
  const { x, hPrev, Wx, Wh, hNext } = cache;
  const da = matrix(
    dhNext.shape[0],
    dhNext.shape[1],
    dhNext.data.map((g, k) => g * (1 - hNext.data[k] ** 2)),
  );
  return {
    dx: matmul(da, transpose(Wx)), // [N, D]
    dhPrev: matmul(da, transpose(Wh)), // [N, H]
    dWx: matmul(transpose(x), da), // [D, H]
    dWh: matmul(transpose(hPrev), da), // [H, H]
    db: sumRows(da), // [H]
  };
}

/** Reference BPTT over a sequence. */
export function rnnBackward(dh: Tensor3, cache: RnnCache): RnnGrads {
  const [N, T, H] = dh.shape, D = cache.steps[0].x.shape[1];
  const dx = tensor3(N, T, D), dWx = matrix(D, H), dWh = matrix(H, H), db = new Float64Array(H);
  let dhNext = matrix(N, H);
  for (let t = T - 1; t >= 0; t--) {
    const dhT = timeStep(dh, t);
    for (let k = 0; k < dhT.data.length; k++) dhT.data[k] += dhNext.data[k];
    const g = rnnStepBackward(dhT, cache.steps[t]);
    setTimeStep(dx, t, g.dx);
    for (let k = 0; k < dWx.data.length; k++) dWx.data[k] += g.dWx.data[k];
    for (let k = 0; k < dWh.data.length; k++) dWh.data[k] += g.dWh.data[k];
    for (let k = 0; k < H; k++) db[k] += g.db[k];
    dhNext = g.dhPrev;
  }
  return { dx, dh0: dhNext, dWx, dWh, db };
}
