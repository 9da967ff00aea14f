/**
 * A planted mistake for 05.1-bptt-grad-norms: leaves out the tanh derivative (1 − h_t²), so it
 * computes the linear RNN's norms.
 * @module
 */
import { matmul, type Matrix, matrix, transpose } from "../../../lib/scratch/mod.ts";

/** ∂L/∂h_{t−1} = ∂L/∂h_t · Whᵀ, without the tanh. */
export function bpttGradNorms(Wh: Matrix, hs: Matrix, dLast: Float64Array): number[] {
  const [T, H] = hs.shape, WhT = transpose(Wh), norms = new Array<number>(T);
  let dh = matrix(1, H, dLast.slice());
  for (let t = T - 1; t >= 0; t--) {
    norms[t] = Math.hypot(...dh.data);
    dh = matmul(dh, WhT);
  }
  return norms;
}

/** Which exercise this wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "05.1-bptt-grad-norms": /leaving out the tanh derivative/,
};
