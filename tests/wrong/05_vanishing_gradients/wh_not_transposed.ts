/**
 * A planted mistake for 05.1-bptt-grad-norms: sends the gradient back through Wh instead of Whᵀ
 * (right only for a symmetric Wh).
 * @module
 */
import { matmul, type Matrix, matrix } from "../../../lib/scratch/mod.ts";

/** ∂L/∂h_{t−1} = da_t · Wh. */
export function bpttGradNorms(Wh: Matrix, hs: Matrix, dLast: Float64Array): number[] {
  const [T, H] = hs.shape, norms = new Array<number>(T);
  let dh = matrix(1, H, dLast.slice());
  for (let t = T - 1; t >= 0; t--) {
    norms[t] = Math.hypot(...dh.data);
    dh = matmul(matrix(1, H, dh.data.map((g, j) => g * (1 - hs.data[t * H + j] ** 2))), Wh);
  }
  return norms;
}

/** Which exercise this wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "05.1-bptt-grad-norms": /multiplying by Wh instead of Whᵀ/,
};
