/**
 * A planted mistake for 03.1-layer-stats: counts zero entries instead of units that are zero on
 * every example.
 * @module
 */
import { Activation, Matrix } from "../../../lib/scratch/mod.ts";

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

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "03.1-layer-stats": /units \(columns\)/,
};
