/**
 * Visible checks of notebook 03's exercises; the check cell after each exercise runs them, and
 * `deno task grade 03` runs them (plus hidden ones from tests/grading/) in a sandbox. Expected
 * values are exact derivatives and hand-counted statistics, never a solution's output.
 * @module
 */
import {
  type Exercise,
  expectClose,
  expectShape,
  expectTrue,
  namedFn,
  type Remote,
} from "../../../lib/grading/mod.ts";
import { type Activation, type Matrix, matrix } from "../../../lib/scratch/mod.ts";
import { relError } from "../../../lib/util/all_close.ts";
import { Rng } from "../../../lib/util/rng.ts";
import { cubic as registryCubic, cubicGrad } from "../../../lib/grading/child/registry.ts";

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
  hiddenPoints: 1,
  fn: "layerStats",
  title: "Layer statistics",
  checks: [
    {
      name: "mean and population std over N·H values",
      points: 1,
      run: async (f) => {
        const s = await f(matrix(2, 3, [0.1, -0.5, 0.3, 0.9, -0.2, 0.4]), "tanh");
        expectClose("mean", s.mean, 1 / 6);
        const variance = [0.1, -0.5, 0.3, 0.9, -0.2, 0.4].reduce((t, v) => t + (v - 1 / 6) ** 2, 0);
        expectTrue(
          Math.abs(s.std - Math.sqrt(variance / 5)) > 1e-9,
          `std is ${s.std.toFixed(6)}, the sample standard deviation (dividing by N·H − 1 = 5): ` +
            "the contract asks for the population std, dividing by N·H = 6",
        );
        expectClose("std (divide by N·H = 6)", s.std, Math.sqrt(variance / 6));
      },
    },
    {
      name: "saturated fraction for tanh and sigmoid",
      points: 1,
      run: async (f) => {
        const tanh = await f(matrix(2, 4, [0.995, -0.999, 0.5, 0.98, -0.2, 1, -0.991, 0]), "tanh");
        expectClose("saturated (tanh, |a| > 0.99)", tanh.saturated, 4 / 8);
        const sig = await f(matrix(2, 3, [0.005, 0.5, 0.995, 0.02, 0.999, 0.98]), "sigmoid");
        expectClose("saturated (sigmoid, a < 0.01 or a > 0.99)", sig.saturated, 3 / 6);
        expectClose("dead (tanh has none)", tanh.dead, 0);
      },
    },
    {
      name: "dead ReLUs are units that are 0 on every example",
      points: 2,
      run: async (f) => {
        const { dead, saturated } = await f(reluCase, "relu");
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

/**
 * f(p) = Σ pᵢ³ + p₀·p₁ and its exact gradient, a test function with curvature. A function cannot
 * be sent to the sandbox, so checks pass `namedFn("cubic")` and the child builds it from the
 * registry in lib/grading/child/registry.ts (the same code as `cubic.f`).
 */
export const cubic = { f: registryCubic, grad: cubicGrad };

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
  hiddenPoints: 1,
  fn: "gradCheck",
  title: "Gradient check",
  checks: [
    {
      name: "centred differences on a cubic (P = 4)",
      points: 2,
      run: async (f) => {
        const p = Float64Array.of(0.7, -1.3, 2.1, 0.4), exact = cubic.grad(p);
        const { numeric, maxRelError } = await f(namedFn("cubic"), p, exact);
        expectAccurateNumeric(numeric, exact);
        expectTrue(maxRelError < 1e-8, `maxRelError is ${maxRelError} for the exact gradient`);
      },
    },
    {
      name: "p is unchanged and f gets its own copies",
      points: 1,
      run: async (f) => {
        const p = Float64Array.of(0.5, -0.25, 1.5);
        const { args, calls } = await f.inspect(namedFn("cubic"), p, cubic.grad(p));
        expectClose("p after the check", args[1], p, 0);
        expectTrue(
          calls.length >= 2 * p.length,
          `f was called ${calls.length} times; centred differences call it twice per parameter (2P = 6)`,
        );
        expectTrue(
          calls.every((c) => c.sameAs[0] !== 1),
          "f was given p itself: pass a copy with one entry moved (q = p.slice(); q[i] += h)",
        );
      },
    },
    {
      name: "relative error |a − n| / max(|a| + |n|, 1e-8)",
      points: 1,
      run: async (f) => {
        const { relErrors, maxRelError } = await f(
          namedFn("threeTimesFirst"),
          Float64Array.of(1, 2),
          [3.3, 0],
        );
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

/** The student's initialisation scale. */
export type PreservingStd = (fanIn: number, negativeSlope: number) => number;

/**
 * Var(z') / Var(z) for one layer z' = f(z)·W with weights of standard deviation σ, measured on
 * seeded Gaussian data (n examples): what the student's σ does to the signal.
 */
export function measuredVarianceRatio(
  sigma: number,
  fanIn: number,
  slope: number,
  n = 4000,
  fanOut = 64,
): number {
  const rng = new Rng(7);
  const z = rng.normalArray(n * fanIn), W = rng.normalArray(fanIn * fanOut).map((w) => w * sigma);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < fanOut; k++) {
      let out = 0;
      for (let j = 0; j < fanIn; j++) {
        const u = z[i * fanIn + j];
        out += (u > 0 ? u : slope * u) * W[j * fanOut + k];
      }
      sum += out * out;
    }
  }
  return sum / (n * fanOut);
}

/**
 * Compare σ with √(2 / ((1 + α²)·fanIn)), naming the classic mistakes: the ReLU's lost half
 * forgotten, the variance returned instead of the std, the slope not squared.
 */
export async function comparePreserving(
  f: Remote<PreservingStd>,
  fanIn: number,
  slope: number,
): Promise<void> {
  const sigma = await f(fanIn, slope);
  const want = Math.sqrt(2 / ((1 + slope ** 2) * fanIn));
  const near = (v: number) => Math.abs(sigma - v) <= 1e-9 * v;
  expectTrue(typeof sigma === "number" && sigma > 0, `σ should be a positive number, got ${sigma}`);
  if (!near(want)) {
    const ratio = measuredVarianceRatio(sigma, fanIn, slope);
    const measured = `with your σ = ${sigma.toPrecision(4)} one layer multiplies the variance ` +
      `by ${ratio.toFixed(2)} (measured on 4000 Gaussian examples), not 1`;
    expectTrue(
      slope === 1 || !near(Math.sqrt(1 / fanIn)),
      `${measured}: σ² = 1/fanIn keeps a linear layer's variance, but the leaky ReLU keeps only ` +
        "part of it: the negative half of z is scaled by α, so E[f(z)²] is less than q",
    );
    expectTrue(
      !near(want * want),
      `${measured}: you returned the variance σ² = ${(want * want).toPrecision(4)}; the ` +
        "contract asks for the standard deviation σ, its square root",
    );
    expectTrue(
      slope === 0 || slope === 1 || !near(Math.sqrt(2 / ((1 + slope) * fanIn))),
      `${measured}: the negative half contributes α²·q/2 to E[f(z)²] (the slope squared, ` +
        "since f(z)² = α²z² there), not α·q/2",
    );
    expectClose(`σ (fanIn = ${fanIn}, α = ${slope}); ${measured}`, sigma, want, 1e-9);
  }
}

/** Exercise 03.3: derive the variance-preserving initialisation scale. */
export const preservingStdExercise: Exercise<PreservingStd> = {
  id: "03.3-preserving-std",
  hiddenPoints: 1,
  fn: "preservingStd",
  title: "The initialisation scale that keeps the variance",
  checks: [
    {
      name: "a linear layer (α = 1, fanIn = 64)",
      points: 1,
      run: (f) => comparePreserving(f, 64, 1),
    },
    {
      name: "ReLU (α = 0, fanIn = 50)",
      points: 2,
      run: (f) => comparePreserving(f, 50, 0),
    },
    {
      name: "leaky ReLU (α = 0.3, fanIn = 30)",
      points: 2,
      run: (f) => comparePreserving(f, 30, 0.3),
    },
  ],
};
