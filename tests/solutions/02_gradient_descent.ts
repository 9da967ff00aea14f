/**
 * Reference solution of notebook 02's exercise (instructors: delete tests/solutions/ before
 * handing the course out; see README "Exercises").
 * @module
 */
import { type Matrix, matrix, type Mlp, mlpLossAndGrads, sgdStep } from "../../lib/scratch/mod.ts";

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
