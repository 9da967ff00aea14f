/**
 * A planted mistake for 02.1-sgd-epoch: loops only over full batches, so the last N mod B examples
 * are never used.
 * @module
 */
import {
  type Matrix,
  matrix,
  type Mlp,
  mlpLossAndGrads,
  sgdStep,
} from "../../../lib/scratch/mod.ts";

/** Loops only over full batches, so the last N mod B examples are never used. */
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
  for (let start = 0; start + batchSize <= n; start += batchSize) {
    const xb = matrix(batchSize, d), yb = new Int32Array(batchSize);
    for (let k = 0; k < batchSize; k++) {
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

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "02.1-sgd-epoch": /last, smaller batch/,
};
