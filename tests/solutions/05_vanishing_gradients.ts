/**
 * Reference solutions of notebook 05's exercises (instructors: delete tests/solutions/ before
 * handing the course out; see README "Exercises").
 * @module
 */
import { matmul, type Matrix, matrix, transpose } from "../../lib/scratch/mod.ts";

/** Reference: ‖∂L/∂h_t‖ for a linear RNN with a loss on the last step. */
export function linearGradNorms(Wh: Matrix, dLast: Float64Array, T: number): number[] {
  const WhT = transpose(Wh), norms = new Array<number>(T);
  let dh = matrix(1, dLast.length, dLast.slice()); // [1, H]
  for (let t = T - 1; t >= 0; t--) {
    norms[t] = Math.hypot(...dh.data);
    dh = matmul(dh, WhT); // ∂L/∂h_{t−1} = ∂L/∂h_t · Whᵀ
  }
  return norms;
}

/** Reference clipping by global norm, in place. */
export function clipByGlobalNorm(grads: Record<string, Float64Array>, maxNorm: number): number {
  let s = 0;
  for (const g of Object.values(grads)) for (const v of g) s += v * v;
  const norm = Math.sqrt(s);
  if (norm > maxNorm) {
    for (const g of Object.values(grads)) for (let i = 0; i < g.length; i++) g[i] *= maxNorm / norm;
  }
  return norm;
}
