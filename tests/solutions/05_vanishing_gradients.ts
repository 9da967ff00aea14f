/**
 * Reference solutions of notebook 05's exercises (instructors: delete tests/solutions/ before
 * handing the course out; see README "Exercises").
 * @module
 */
import { matmul, type Matrix, matrix, transpose } from "../../lib/scratch/mod.ts";

/** Reference: ‖∂L/∂h_t‖ of a tanh RNN with a loss on the last step. */
export function bpttGradNorms(Wh: Matrix, hs: Matrix, dLast: Float64Array): number[] {
  const [T, H] = hs.shape, WhT = transpose(Wh), norms = new Array<number>(T);
  let dh = matrix(1, H, dLast.slice()); // ∂L/∂h_t  [1, H]
  for (let t = T - 1; t >= 0; t--) {
    norms[t] = Math.hypot(...dh.data);
    // through step t: da_t = ∂L/∂h_t ⊙ (1 − h_t²), then ∂L/∂h_{t−1} = da_t · Whᵀ
    const da = matrix(1, H, dh.data.map((g, j) => g * (1 - hs.data[t * H + j] ** 2)));
    dh = matmul(da, WhT);
  }
  return norms;
}

/** Reference clipping by global norm, on copies. */
export function clipByGlobalNorm(
  grads: Record<string, Float64Array>,
  maxNorm: number,
): { grads: Record<string, Float64Array>; norm: number } {
  let s = 0;
  for (const g of Object.values(grads)) for (const v of g) s += v * v;
  const norm = Math.sqrt(s), scale = norm > maxNorm ? maxNorm / norm : 1;
  const out: Record<string, Float64Array> = {};
  for (const [k, g] of Object.entries(grads)) out[k] = g.map((v) => v * scale);
  return { grads: out, norm };
}
