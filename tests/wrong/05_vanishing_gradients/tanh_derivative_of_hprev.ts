/**
 * A planted mistake for 05.1-bptt-grad-norms: takes step t's tanh derivative at h_{t−1} (the
 * step's input) instead of h_t (its output).
 * @module
 */
import { matmul, type Matrix, matrix, transpose } from "../../../lib/scratch/mod.ts";

/** Uses 1 − h_{t−1}² in step t's backward pass. */
export function bpttGradNorms(Wh: Matrix, hs: Matrix, dLast: Float64Array): number[] {
  const [T, H] = hs.shape, WhT = transpose(Wh), norms = new Array<number>(T);
  let dh = matrix(1, H, dLast.slice());
  for (let t = T - 1; t >= 0; t--) {
    norms[t] = Math.hypot(...dh.data);
    const hPrev = (j: number) => (t > 0 ? hs.data[(t - 1) * H + j] : 0);
    dh = matmul(matrix(1, H, dh.data.map((g, j) => g * (1 - hPrev(j) ** 2))), WhT);
  }
  return norms;
}

/** Which exercise this wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "05.1-bptt-grad-norms": /tanh derivative at h_\{t−1\} instead of h_t/,
};
