/**
 * A planted mistake for 04.2-rnn-step-backward: averages the weight gradients over the batch
 * (divides dWx, dWh and db by N), although the loss the upstream gradient comes from is a sum.
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

/** Divides the parameter gradients by N. */
export function rnnStepBackward(dhNext: Matrix, cache: RnnStepCache): RnnStepGrads {
  const { x, hPrev, Wx, Wh, hNext } = cache, [N, H] = dhNext.shape;
  const da = matrix(N, H, dhNext.data.map((g, k) => g * (1 - hNext.data[k] ** 2)));
  const mean = (m: Matrix) => matrix(m.shape[0], m.shape[1], m.data.map((v) => v / N));
  return {
    dx: matmul(da, transpose(Wx)),
    dhPrev: matmul(da, transpose(Wh)),
    dWx: mean(matmul(transpose(x), da)),
    dWh: mean(matmul(transpose(hPrev), da)),
    db: sumRows(da).map((v) => v / N),
  };
}

/** Which exercise this wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "04.2-rnn-step-backward": /averaging over the batch instead of summing/,
};
