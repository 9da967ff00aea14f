/**
 * A planted mistake for 02.1: the epoch walks through the examples in their stored order 0…N−1
 * and ignores the shuffled `order` it was given, so every epoch sees the same batches.
 * @module
 */
import {
  type Matrix,
  matrix,
  type Mlp,
  mlpLossAndGrads,
  sgdStep,
} from "../../../lib/scratch/mod.ts";

/** Mini-batch SGD in the stored order. */
export function sgdEpoch(
  model: Mlp,
  x: Matrix,
  labels: ArrayLike<number>,
  _order: ArrayLike<number>,
  batchSize: number,
  lr: number,
): number[] {
  const [n, d] = x.shape;
  const losses: number[] = [];
  for (let start = 0; start < n; start += batchSize) {
    const b = Math.min(batchSize, n - start);
    const xb = matrix(b, d, x.data.subarray(start * d, (start + b) * d)); // rows start…start+b−1
    const yb = Array.from({ length: b }, (_, k) => labels[start + k]);
    const { loss, grads } = mlpLossAndGrads(model, xb, yb);
    sgdStep(model, grads, lr);
    losses.push(loss);
  }
  return losses;
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "02.1-sgd-epoch": /ignor\w* the shuffled order/,
};
