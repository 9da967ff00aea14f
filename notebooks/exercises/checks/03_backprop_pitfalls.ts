/**
 * Visible checks of notebook 03's exercises; the check cell after each exercise runs them, and
 * `deno task grade 03` runs them (plus hidden ones from tests/grading/) in a sandbox. Expected
 * values are exact derivatives and hand-counted statistics, never a solution's output.
 * @module
 */
import { type Exercise, expectClose, expectShape, expectTrue } from "../../../lib/grading/mod.ts";
import { type Activation, type Matrix, matrix } from "../../../lib/scratch/mod.ts";
import { relError } from "../../../lib/util/all_close.ts";

/** The student's gradient checker. */
export type GradCheck = (
  f: (p: Float64Array) => number,
  p: Float64Array,
  analytic: ArrayLike<number>,
  h?: number,
) => { numeric: Float64Array; relErrors: Float64Array; maxRelError: number };

/** The student's layer statistics. */
export type LayerStats = (
  a: Matrix,
  activation: Activation,
) => { mean: number; std: number; saturated: number; dead: number };

/** A [3, 4] ReLU output: unit 2 is zero on every example; other zeros are scattered. */
export const reluCase = matrix(3, 4, [0, 1.5, 0, 0.2, 2, 0, 0, 0, 0.5, 0.3, 0, 1]);

/** Exercise 03.1: per-layer activation statistics. */
export const layerStatsExercise: Exercise<LayerStats> = {
  id: "03.1-layer-stats",
  fn: "layerStats",
  title: "Layer statistics",
  checks: [
    {
      name: "mean and population std over N·H values",
      points: 1,
      run: (f) => {
        const s = f(matrix(2, 3, [0.1, -0.5, 0.3, 0.9, -0.2, 0.4]), "tanh");
        expectClose("mean", s.mean, 1 / 6);
        const variance = [0.1, -0.5, 0.3, 0.9, -0.2, 0.4].reduce((t, v) => t + (v - 1 / 6) ** 2, 0);
        expectClose("std (divide by N·H = 6)", s.std, Math.sqrt(variance / 6));
      },
    },
    {
      name: "saturated fraction for tanh and sigmoid",
      points: 1,
      run: (f) => {
        const tanh = f(matrix(2, 4, [0.995, -0.999, 0.5, 0.98, -0.2, 1, -0.991, 0]), "tanh");
        expectClose("saturated (tanh, |a| > 0.99)", tanh.saturated, 4 / 8);
        const sig = f(matrix(2, 3, [0.005, 0.5, 0.995, 0.02, 0.999, 0.98]), "sigmoid");
        expectClose("saturated (sigmoid, a < 0.01 or a > 0.99)", sig.saturated, 3 / 6);
        expectClose("dead (tanh has none)", tanh.dead, 0);
      },
    },
    {
      name: "dead ReLUs are units that are 0 on every example",
      points: 2,
      run: (f) => {
        const { dead, saturated } = f(reluCase, "relu");
        const zeros = reluCase.data.filter((v) => v === 0).length / reluCase.data.length;
        expectTrue(
          Math.abs(dead - zeros) > 1e-12,
          `dead is ${dead.toFixed(4)}, the fraction of zero entries: dead counts units (columns) ` +
            "that output 0 for every example, here 1 of 4",
        );
        expectClose("dead (1 of 4 units)", dead, 0.25);
        expectClose("saturated (ReLU has none)", saturated, 0);
      },
    },
  ],
};

/** f(p) = Σ pᵢ³ + p₀·p₁ and its exact gradient, a test function with curvature. */
export const cubic = {
  f: (p: Float64Array) => p.reduce((s, v) => s + v ** 3, 0) + p[0] * p[1],
  grad: (p: Float64Array) => p.map((v, i) => 3 * v * v + (i === 0 ? p[1] : i === 1 ? p[0] : 0)),
};

/** Fail with a hint that names a one-sided difference when the numeric gradient is off by ~h. */
export function expectAccurateNumeric(numeric: ArrayLike<number>, exact: Float64Array): void {
  expectShape("numeric", numeric, [exact.length]);
  const err = relError(numeric, exact);
  expectTrue(
    err < 1e-8,
    `numeric gradient is off by a relative error of ${err.toExponential(2)} (expected < 1e-8)` +
      (err > 1e-8 && err < 1e-3
        ? ": an error ∝ h looks like a one-sided difference (f(p + h) − f(p)) / h; use the " +
          "centred (f(p + h) − f(p − h)) / 2h, whose error is ∝ h²"
        : ""),
  );
}

/** Exercise 03.2: a numeric gradient checker. */
export const gradCheckExercise: Exercise<GradCheck> = {
  id: "03.2-grad-check",
  fn: "gradCheck",
  title: "Gradient check",
  checks: [
    {
      name: "centred differences on a cubic (P = 4)",
      points: 2,
      run: (f) => {
        const p = Float64Array.of(0.7, -1.3, 2.1, 0.4), exact = cubic.grad(p);
        const { numeric, maxRelError } = f(cubic.f, p, exact);
        expectAccurateNumeric(numeric, exact);
        expectTrue(maxRelError < 1e-8, `maxRelError is ${maxRelError} for the exact gradient`);
      },
    },
    {
      name: "p is unchanged and f gets its own copies",
      points: 1,
      run: (f) => {
        const p = Float64Array.of(0.5, -0.25, 1.5), before = p.slice(), seen: Float64Array[] = [];
        f((q) => (seen.push(q), cubic.f(q)), p, cubic.grad(p));
        expectClose("p after the check", p, before, 0);
        expectTrue(
          seen.length >= 2 * p.length,
          `f was called ${seen.length} times; centred differences call it twice per parameter (2P = 6)`,
        );
        expectTrue(
          seen.every((q) => q !== p),
          "f was given p itself: pass a copy with one entry moved (q = p.slice(); q[i] += h)",
        );
      },
    },
    {
      name: "relative error |a − n| / max(|a| + |n|, 1e-8)",
      points: 1,
      run: (f) => {
        const { relErrors, maxRelError } = f((q) => 3 * q[0], Float64Array.of(1, 2), [3.3, 0]);
        expectTrue(
          !Number.isNaN(relErrors[1]),
          "relErrors[1] is NaN: both gradients are 0, so floor the denominator at 1e-8",
        );
        expectClose("relErrors", relErrors, [0.3 / 6.3, 0], 1e-6);
        expectClose("maxRelError", maxRelError, 0.3 / 6.3, 1e-6);
      },
    },
  ],
};
