/**
 * Reference solutions of notebook 02's exercises (instructors: delete tests/solutions/ before
 * handing the course out; see README "Exercises").
 * @module
 */
import {
  type AdamState,
  type Matrix,
  matrix,
  type Mlp,
  mlpLossAndGrads,
  sgdStep,
} from "../../lib/scratch/mod.ts";

/** Reference mini-batch SGD epoch: ⌈N / B⌉ updates in the given order, the last batch smaller. */
export function sgdEpoch(
  model: Mlp,
  x: Matrix,
  labels: ArrayLike<number>,
  order: ArrayLike<number>,
  batchSize: number,
  lr: number,
): number[] {
  const [n, d] = x.shape;
  const losses: number[] = [];
  for (let start = 0; start < n; start += batchSize) {
    const b = Math.min(batchSize, n - start);
    const xb = matrix(b, d); // [B, D]
    const yb = new Int32Array(b); // [B]
    for (let k = 0; k < b; k++) {
      const i = order[start + k];
      xb.data.set(x.data.subarray(i * d, (i + 1) * d), k * d);
      yb[k] = labels[i];
    }
    const { loss, grads } = mlpLossAndGrads(model, xb, yb);
    sgdStep(model, grads, lr);
    losses.push(loss);
  }
  return losses;
}

/** Reference line-model gradient: the mean of (w·x + b − y)² and its derivatives. */
export function lineLossAndGrad(
  w: number,
  b: number,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): { loss: number; dw: number; db: number } {
  const n = x.length;
  let loss = 0, dw = 0, db = 0;
  for (let i = 0; i < n; i++) {
    const r = w * x[i] + b - y[i]; // residual
    loss += r * r / n;
    dw += (2 * r * x[i]) / n;
    db += (2 * r) / n;
  }
  return { loss, dw, db };
}

/** Reference Adam step: t + 1, moments, bias correction with the new t, ε outside the root. */
export function adamStep(
  params: Float64Array,
  grads: Float64Array,
  state: AdamState,
  opts: { lr: number; beta1: number; beta2: number; eps: number },
): { params: Float64Array; state: AdamState } {
  const { lr, beta1, beta2, eps } = opts;
  const t = state.t + 1;
  const m = state.m.map((mi, i) => beta1 * mi + (1 - beta1) * grads[i]);
  const v = state.v.map((vi, i) => beta2 * vi + (1 - beta2) * grads[i] ** 2);
  const next = params.map((p, i) =>
    p - (lr * m[i] / (1 - beta1 ** t)) / (Math.sqrt(v[i] / (1 - beta2 ** t)) + eps)
  );
  return { params: next, state: { m, v, t } };
}
