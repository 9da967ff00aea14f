/**
 * Visible checks of notebook 02's exercise; the check cell after the exercise runs them, and
 * `deno task grade 02` runs them (plus hidden ones from tests/grading/) in a sandbox. The expected
 * weights come from stepping a copy of the model batch by batch with lib/scratch, never from a
 * solution. Sizes all differ (N = 10, D = 3, H = 4, C = 2, B = 4).
 * @module
 */
import { type Exercise, expectClose, expectTrue } from "../../../lib/grading/mod.ts";
import {
  cloneMlp,
  createMlp,
  type Matrix,
  matrix,
  type Mlp,
  mlpLossAndGrads,
  mlpParams,
  sgdStep,
} from "../../../lib/scratch/mod.ts";
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

/** Run the student's epoch on a copy and compare losses and weights with the expected epoch. */
export function compareEpoch(f: SgdEpoch, seed: number, n: number, batchSize: number): void {
  const { model, x, labels, order } = sgdCase(n, 3, 4, 2, seed);
  const want = expectedEpoch(model, x, labels, order, batchSize, 0.5);
  const got = cloneMlp(model);
  const losses = f(got, x, labels, order, batchSize, 0.5);
  const updates = Math.ceil(n / batchSize);
  expectTrue(
    Array.isArray(losses) && losses.length === updates,
    `N = ${n}, B = ${batchSize}: expected ${updates} batch losses (⌈N / B⌉ updates; the last, ` +
      `smaller batch has ${n % batchSize || batchSize} examples), got ${losses?.length}`,
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
