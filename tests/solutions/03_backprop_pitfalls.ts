/**
 * Reference solutions of notebook 03's exercises (instructors: delete tests/solutions/ before
 * handing the course out; see README "Exercises").
 * @module
 */
import type { Activation, Matrix } from "../../lib/scratch/mod.ts";

/** Reference layer statistics: population mean/std, saturated values, dead units (columns). */
export function layerStats(
  a: Matrix,
  activation: Activation,
): { mean: number; std: number; saturated: number; dead: number } {
  const [n, h] = a.shape, count = n * h;
  const mean = a.data.reduce((s, v) => s + v, 0) / count;
  const std = Math.sqrt(a.data.reduce((s, v) => s + (v - mean) ** 2, 0) / count);
  const isSaturated = (v: number) =>
    activation === "tanh"
      ? Math.abs(v) > 0.99
      : activation === "sigmoid"
      ? v < 0.01 || v > 0.99
      : false;
  const saturated = a.data.filter(isSaturated).length / count;
  let deadUnits = 0;
  for (let j = 0; j < h; j++) {
    let alive = false;
    for (let i = 0; i < n; i++) if (a.data[i * h + j] !== 0) alive = true;
    if (!alive) deadUnits++;
  }
  return { mean, std, saturated, dead: activation === "relu" ? deadUnits / h : 0 };
}

/** Reference gradient check: centred differences on fresh copies, CS231n's relative error. */
export function gradCheck(
  f: (p: Float64Array) => number,
  p: Float64Array,
  analytic: ArrayLike<number>,
  h = 1e-5,
): { numeric: Float64Array; relErrors: Float64Array; maxRelError: number } {
  const numeric = new Float64Array(p.length);
  const relErrors = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const plus = p.slice(), minus = p.slice();
    plus[i] += h;
    minus[i] -= h;
    numeric[i] = (f(plus) - f(minus)) / (2 * h);
    const a = analytic[i], n = numeric[i];
    relErrors[i] = Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), 1e-8);
  }
  return { numeric, relErrors, maxRelError: Math.max(0, ...relErrors) };
}

/** Reference: Var(z') = fanIn·σ²·E[f(z)²] and E[f(z)²] = (1 + α²)·q/2, so σ = √(2 / ((1 + α²)·fanIn)). */
export function preservingStd(fanIn: number, negativeSlope: number): number {
  return Math.sqrt(2 / ((1 + negativeSlope ** 2) * fanIn));
}
