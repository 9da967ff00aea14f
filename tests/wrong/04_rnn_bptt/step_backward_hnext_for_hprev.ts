/**
 * A planted mistake for 04.2-rnn-step-backward: uses hNext instead of hPrev in dWh.
 * @module
 */
import {
  matmul,
  type Matrix,
  matrix,
  type RnnStepCache,
  type RnnStepGrads,
  sumRows,
  transpose,
} from "../../../lib/scratch/mod.ts";

/** Uses hNext instead of hPrev in dWh. */
export function rnnStepBackward(dhNext: Matrix, cache: RnnStepCache): RnnStepGrads {
  const { x, Wx, Wh, hNext } = cache;
  const da = matrix(
    dhNext.shape[0],
    dhNext.shape[1],
    dhNext.data.map((g, k) => g * (1 - hNext.data[k] ** 2)),
  );
  return {
    dx: matmul(da, transpose(Wx)),
    dhPrev: matmul(da, transpose(Wh)),
    dWx: matmul(transpose(x), da),
    dWh: matmul(transpose(hNext), da),
    db: sumRows(da),
  };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "04.2-rnn-step-backward": /dWh equals what using hNext instead of hPrev/,
};
