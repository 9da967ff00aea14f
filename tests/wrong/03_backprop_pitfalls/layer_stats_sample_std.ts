/**
 * A planted mistake for 03.1: the standard deviation divides by N·H − 1 (the sample standard
 * deviation) where the contract asks for the population one, dividing by N·H.
 * @module
 */
import type { Activation, Matrix } from "../../../lib/scratch/mod.ts";

/** Layer statistics with the sample std. */
export function layerStats(
  a: Matrix,
  activation: Activation,
): { mean: number; std: number; saturated: number; dead: number } {
  const [n, h] = a.shape, count = n * h;
  const mean = a.data.reduce((s, v) => s + v, 0) / count;
  const std = Math.sqrt(a.data.reduce((s, v) => s + (v - mean) ** 2, 0) / (count - 1));
  const isSaturated = (v: number) =>
    activation === "tanh"
      ? Math.abs(v) > 0.99
      : activation === "sigmoid"
      ? v < 0.01 || v > 0.99
      : false;
  let dead = 0;
  for (let j = 0; j < h; j++) {
    let alive = false;
    for (let i = 0; i < n; i++) if (a.data[i * h + j] !== 0) alive = true;
    if (!alive) dead++;
  }
  return {
    mean,
    std,
    saturated: a.data.filter(isSaturated).length / count,
    dead: activation === "relu" ? dead / h : 0,
  };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "03.1-layer-stats": /population/,
};
