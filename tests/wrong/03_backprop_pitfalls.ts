/**
 * A plausible wrong answer for each exercise of notebook 03, to prove the checks catch it.
 * @module
 */
import type { Activation, Matrix } from "../../lib/scratch/mod.ts";

/** Counts zero entries instead of units that are zero on every example. */
export function layerStats(
  a: Matrix,
  activation: Activation,
): { mean: number; std: number; saturated: number; dead: number } {
  const count = a.data.length;
  const mean = a.data.reduce((s, v) => s + v, 0) / count;
  const std = Math.sqrt(a.data.reduce((s, v) => s + (v - mean) ** 2, 0) / count);
  const saturated = activation === "tanh"
    ? a.data.filter((v) => Math.abs(v) > 0.99).length / count
    : activation === "sigmoid"
    ? a.data.filter((v) => v < 0.01 || v > 0.99).length / count
    : 0;
  const dead = activation === "relu" ? a.data.filter((v) => v === 0).length / count : 0;
  return { mean, std, saturated, dead };
}

/** A one-sided (forward) difference: accurate only to O(h). */
export function gradCheck(
  f: (p: Float64Array) => number,
  p: Float64Array,
  analytic: ArrayLike<number>,
  h = 1e-5,
): { numeric: Float64Array; relErrors: Float64Array; maxRelError: number } {
  const f0 = f(p.slice());
  const numeric = new Float64Array(p.length), relErrors = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const q = p.slice();
    q[i] += h;
    numeric[i] = (f(q) - f0) / h;
    const a = analytic[i];
    relErrors[i] = Math.abs(a - numeric[i]) / Math.max(Math.abs(a) + Math.abs(numeric[i]), 1e-8);
  }
  return { numeric, relErrors, maxRelError: Math.max(0, ...relErrors) };
}

/** Which check each wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures = {
  "03.2-grad-check": /one-sided/,
  "03.1-layer-stats": /units \(columns\)/,
};
