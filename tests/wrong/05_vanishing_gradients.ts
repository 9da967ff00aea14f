/**
 * A plausible wrong answer for each exercise of notebook 05, to prove the checks catch it.
 * @module
 */
import { matmul, type Matrix, matrix } from "../../lib/scratch/mod.ts";

/** Multiplies by Wh instead of Whᵀ (right for symmetric Wh only). */
export function linearGradNorms(Wh: Matrix, dLast: Float64Array, T: number): number[] {
  const norms = new Array<number>(T);
  let dh = matrix(1, dLast.length, dLast.slice());
  for (let t = T - 1; t >= 0; t--) {
    norms[t] = Math.hypot(...dh.data);
    dh = matmul(dh, Wh);
  }
  return norms;
}

/** Clips each array to maxNorm on its own instead of all of them together. */
export function clipByGlobalNorm(grads: Record<string, Float64Array>, maxNorm: number): number {
  let total = 0;
  for (const g of Object.values(grads)) {
    const n = Math.hypot(...g);
    total += n * n;
    if (n > maxNorm) { for (let i = 0; i < g.length; i++) g[i] *= maxNorm / n; }
  }
  return Math.sqrt(total);
}

/** Which check each wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures = {
  "05.1-linear-grad-norms": /Wh/,
  "05.2-clip-by-global-norm": /global norm/,
};
