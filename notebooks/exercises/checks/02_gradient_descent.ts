/**
 * Visible checks of notebook 02's exercises; the check cell after each exercise runs them, and
 * `deno task grade 02` runs them (plus hidden ones from tests/grading/) in a sandbox. The expected
 * weights come from stepping a copy of the model batch by batch with lib/scratch, never from a
 * solution. Sizes all differ (N = 10, D = 3, H = 4, C = 2, B = 4).
 * @module
 */
import {
  type Exercise,
  expectClose,
  expectShape,
  expectTrue,
  type Remote,
} from "../../../lib/grading/mod.ts";
import {
  adamInit,
  type AdamOptions,
  type AdamState,
  adamStep as adamRef,
  cloneMlp,
  createMlp,
  type Matrix,
  matrix,
  type Mlp,
  mlpLossAndGrads,
  mlpParams,
  numericGradient,
  sgdStep,
} from "../../../lib/scratch/mod.ts";
import { relError } from "../../../lib/util/all_close.ts";
import { Rng } from "../../../lib/util/rng.ts";

/** The student's mini-batch SGD epoch. */
export type SgdEpoch = (
  model: Mlp,
  x: Matrix,
  labels: ArrayLike<number>,
  order: ArrayLike<number>,
  batchSize: number,
  lr: number,
) => number[];

/** A seeded problem: model, data and a shuffled order. */
export function sgdCase(n: number, d: number, h: number, c: number, seed: number) {
  const rng = new Rng(seed);
  const model = createMlp({ sizes: [d, h, c], activation: "tanh", seed });
  const x = matrix(n, d, rng.normalArray(n * d)); // [N, D]
  const labels = Int32Array.from({ length: n }, () => rng.int(c)); // [N]
  return { model, x, labels, order: rng.permutation(n) };
}

/** The expected epoch: one batch at a time, each update applied to a copy of the model. */
export function expectedEpoch(
  model: Mlp,
  x: Matrix,
  labels: ArrayLike<number>,
  order: ArrayLike<number>,
  batchSize: number,
  lr: number,
): { model: Mlp; losses: number[] } {
  const m = cloneMlp(model), d = x.shape[1], losses: number[] = [];
  for (let start = 0; start < order.length; start += batchSize) {
    const rows = Array.from(order).slice(start, start + batchSize);
    const xb = matrix(
      rows.length,
      d,
      rows.flatMap((i) => Array.from(x.data.slice(i * d, i * d + d))),
    );
    const step = mlpLossAndGrads(m, xb, rows.map((i) => labels[i]));
    sgdStep(m, step.grads, lr);
    losses.push(step.loss);
  }
  return { model: m, losses };
}

/**
 * Run the student's epoch and compare its losses, and the model as the call left it (the epoch
 * updates the model in place), with the expected epoch.
 */
export async function compareEpoch(
  f: Remote<SgdEpoch>,
  seed: number,
  n: number,
  batchSize: number,
): Promise<void> {
  const { model, x, labels, order } = sgdCase(n, 3, 4, 2, seed);
  const want = expectedEpoch(model, x, labels, order, batchSize, 0.5);
  const { result: losses, args: [got] } = await f.inspect(
    cloneMlp(model),
    x,
    labels,
    order,
    batchSize,
    0.5,
  );
  const updates = Math.ceil(n / batchSize);
  expectTrue(
    Array.isArray(losses) && losses.length === updates,
    `N = ${n}, B = ${batchSize}: expected ${updates} batch losses (⌈N / B⌉ updates; the last, ` +
      `smaller batch has ${n % batchSize || batchSize} examples), got ${losses?.length}`,
  );
  const inStoredOrder = expectedEpoch(
    model,
    x,
    labels,
    [...order].sort((a, b) => a - b),
    batchSize,
    0.5,
  );
  expectTrue(
    relError(losses, want.losses) < 1e-9 || relError(losses, inStoredOrder.losses) > 1e-9,
    "your batch losses are those of rows 0, 1, 2, … in their stored order: you ignored the " +
      "shuffled order; batch k holds rows order[k·B], order[k·B + 1], …",
  );
  expectClose("batch losses", losses, want.losses, 1e-9);
  const wantParams = mlpParams(want.model);
  for (const [name, p] of Object.entries(mlpParams(got))) {
    expectClose(`${name} after the epoch`, p, wantParams[name], 1e-9);
  }
}

/** Exercise 02.1: one epoch of mini-batch SGD on the scratch MLP. */
export const sgdEpochExercise: Exercise<SgdEpoch> = {
  id: "02.1-sgd-epoch",
  hiddenPoints: 1,
  fn: "sgdEpoch",
  title: "One epoch of mini-batch SGD",
  checks: [
    {
      name: "B = N is one step of batch gradient descent",
      points: 1,
      run: (f) => compareEpoch(f, 1, 10, 10),
    },
    {
      name: "N = 12, B = 4: three updates in the given order",
      points: 2,
      run: (f) => compareEpoch(f, 2, 12, 4),
    },
    {
      name: "N = 10, B = 4: the last, smaller batch counts",
      points: 2,
      run: (f) => compareEpoch(f, 3, 10, 4),
    },
  ],
};

/** The student's line-model loss and gradient. */
export type LineLossAndGrad = (
  w: number,
  b: number,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
) => { loss: number; dw: number; db: number };

/** The mean squared error of ŷ = w·x + b, written out for the checks. */
export function lineLoss(w: number, b: number, x: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (w * x[i] + b - y[i]) ** 2;
  return s / x.length;
}

/** A seeded batch of N points around y = 2x − 1. */
export function lineBatch(n: number, seed: number): { x: number[]; y: number[] } {
  const rng = new Rng(seed);
  const x = Array.from({ length: n }, () => rng.normal());
  return { x, y: x.map((v) => 2 * v - 1 + 0.3 * rng.normal()) };
}

/**
 * Compare the student's loss and gradient at (w, b) with the loss and its numeric gradient,
 * naming the two classic mistakes (a sum over the batch, a missing factor 2).
 */
export async function compareLine(
  f: Remote<LineLossAndGrad>,
  w: number,
  b: number,
  n: number,
  seed: number,
): Promise<void> {
  const { x, y } = lineBatch(n, seed);
  const got = await f(w, b, x, y);
  const [dw, db] = numericGradient((p) => lineLoss(p[0], p[1], x, y), [w, b]);
  expectClose("loss", got?.loss, lineLoss(w, b, x, y), 1e-9);
  const grad = [got.dw, got.db];
  expectTrue(
    n === 1 || relError(grad, [n * dw, n * db]) > 1e-6,
    `dw and db are ${n}× too large (N = ${n}): you took the sum over the batch of the ` +
      "examples' gradients, but the loss is their mean, so its gradient is the mean too",
  );
  expectTrue(
    relError(grad, [dw / 2, db / 2]) > 1e-6,
    "dw and db are half the right size: the derivative of the square (w·x + b − y)² brings " +
      "down a factor 2",
  );
  expectClose("dw", got.dw, dw, 1e-6);
  expectClose("db", got.db, db, 1e-6);
}

/** Exercise 02.2: the batch loss and gradient of the line model. */
export const lineGradientExercise: Exercise<LineLossAndGrad> = {
  id: "02.2-line-gradient",
  hiddenPoints: 1,
  fn: "lineLossAndGrad",
  title: "The line model's batch gradient",
  checks: [
    {
      name: "one example (N = 1): loss and gradient",
      points: 1,
      run: (f) => compareLine(f, 0.5, -0.3, 1, 1),
    },
    {
      name: "a batch (N = 7): the mean's gradient, not the sum's",
      points: 2,
      run: (f) => compareLine(f, -1, 3, 7, 2),
    },
    {
      name: "at the least-squares optimum the gradient is 0",
      points: 1,
      run: async (f) => {
        const { x, y } = lineBatch(9, 3);
        const mx = x.reduce((s, v) => s + v, 0) / 9, my = y.reduce((s, v) => s + v, 0) / 9;
        const sxy = x.reduce((s, v, i) => s + (v - mx) * (y[i] - my), 0);
        const w = sxy / x.reduce((s, v) => s + (v - mx) ** 2, 0), b = my - w * mx;
        const { dw, db } = await f(w, b, x, y);
        expectTrue(
          Math.abs(dw) < 1e-9 && Math.abs(db) < 1e-9,
          `at the least-squares (w, b) the gradient should be 0, got dw = ${dw}, db = ${db}`,
        );
      },
    },
  ],
};

/** Adam's hyperparameters as the student's function takes them. */
export type AdamHyper = { lr: number; beta1: number; beta2: number; eps: number };

/** The student's Adam step. */
export type AdamStep = (
  params: Float64Array,
  grads: Float64Array,
  state: AdamState,
  opts: AdamHyper,
) => { params: Float64Array; state: AdamState };

/** The common mistakes of an Adam step, each computed from the same inputs, with its hint. */
function adamMistakes(
  params: Float64Array,
  grads: Float64Array,
  state: AdamState,
  opts: AdamHyper,
): { hint: string; params: Float64Array }[] {
  const raw = adamRef(params, grads, state, { ...opts, biasCorrection: false }).params;
  const t0 = state.t; // the step count before this step
  const early = params.map((p, i) => {
    const m = (opts.beta1 * state.m[i] + (1 - opts.beta1) * grads[i]) / (1 - opts.beta1 ** t0);
    const v = (opts.beta2 * state.v[i] + (1 - opts.beta2) * grads[i] ** 2) / (1 - opts.beta2 ** t0);
    return p - opts.lr * m / (Math.sqrt(v) + opts.eps);
  });
  const inside = params.map((p, i) => {
    const t = state.t + 1;
    const m = (opts.beta1 * state.m[i] + (1 - opts.beta1) * grads[i]) / (1 - opts.beta1 ** t);
    const v = (opts.beta2 * state.v[i] + (1 - opts.beta2) * grads[i] ** 2) / (1 - opts.beta2 ** t);
    return p - opts.lr * m / Math.sqrt(v + opts.eps);
  });
  return [
    {
      hint: "your parameters are those of Adam without bias correction: m and v start at 0, so " +
        "early on they underestimate the moments; divide them by 1 − β₁ᵗ and 1 − β₂ᵗ",
      params: raw,
    },
    {
      hint: `your bias correction used the step count before this step (t = ${t0}): this step ` +
        `is number t + 1 = ${t0 + 1}, and the first step is t = 1 (with t = 0, 1 − β⁰ = 0)`,
      params: early,
    },
    {
      hint: "you added ε inside the square root, √(v̂ + ε); Adam adds it to the root, √v̂ + ε",
      params: inside,
    },
  ];
}

/**
 * Run one Adam step of the student's and compare parameters and state with lib/scratch's
 * reference, naming a mistake when the parameters equal what it would give.
 */
export async function compareAdam(
  f: Remote<AdamStep>,
  params: Float64Array,
  grads: Float64Array,
  state: AdamState,
  opts: AdamHyper,
): Promise<{ params: Float64Array; state: AdamState }> {
  const want = adamRef(params, grads, state, opts as AdamOptions);
  const got = await f(params, grads, state, opts);
  const p = params.length;
  expectShape("params", got?.params, [p]);
  const finite = Array.from(got.params).every(Number.isFinite);
  for (const m of adamMistakes(params, grads, state, opts)) {
    const same = Array.from(m.params).every((v, i) =>
      Number.isFinite(v) ? Math.abs(v - got.params[i]) <= 1e-12 * (1 + Math.abs(v)) : !finite
    );
    expectTrue(!same || relError(got.params, want.params) < 1e-10, m.hint);
  }
  expectClose("params", got.params, want.params, 1e-10);
  expectShape("state.m", got.state?.m, [p]);
  expectClose("state.m", got.state.m, want.state.m, 1e-12);
  expectClose("state.v", got.state.v, want.state.v, 1e-12);
  expectTrue(
    got.state.t === want.state.t,
    `state.t is ${got.state.t}, expected ${want.state.t}: the new state counts this step too`,
  );
  return got;
}

/** Exercise 02.3: one step of Adam with bias correction. */
export const adamStepExercise: Exercise<AdamStep> = {
  id: "02.3-adam-step",
  hiddenPoints: 1,
  fn: "adamStep",
  title: "Adam step with bias correction",
  checks: [
    {
      name: "the first step from a fresh state (P = 3)",
      points: 2,
      run: async (f) => {
        const opts = { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
        await compareAdam(
          f,
          Float64Array.of(1, -2, 0.5),
          Float64Array.of(0.3, -1, 2),
          adamInit(3),
          opts,
        );
      },
    },
    {
      name: "four steps in a row, each from the state your last step returned (P = 4)",
      points: 2,
      run: async (f) => {
        const opts = { lr: 0.05, beta1: 0.8, beta2: 0.99, eps: 1e-8 };
        const rng = new Rng(4);
        let params: Float64Array = Float64Array.from(rng.normalArray(4)), state = adamInit(4);
        for (let k = 0; k < 4; k++) {
          ({ params, state } = await compareAdam(
            f,
            params,
            Float64Array.from(rng.normalArray(4)),
            state,
            opts,
          ));
        }
      },
    },
    {
      name: "where ε matters: small gradients, ε = 1e-3 (P = 2)",
      points: 1,
      run: async (f) => {
        const opts = { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-3 };
        await compareAdam(
          f,
          Float64Array.of(0.2, 0.4),
          Float64Array.of(2e-3, -5e-4),
          adamInit(2),
          opts,
        );
      },
    },
  ],
};
