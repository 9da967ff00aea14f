/**
 * Planted mistake for exercise 07.3: CS231n's convention (sum over time, mean over N) instead of
 * the contract's mean over the N·T positions.
 * @module
 */
import type { Tensor3 } from "../../../lib/scratch/mod.ts";

/** Divides by N, so the loss and gradient are T times the contract's. */
export function temporalSoftmaxLoss(
  logits: Tensor3,
  y: Int32Array,
  mask?: Float64Array,
): { loss: number; dLogits: Tensor3 } {
  const [N, T, V] = logits.shape;
  const d = new Float64Array(N * T * V);
  let loss = 0;
  for (let i = 0; i < N * T; i++) {
    const w = mask ? mask[i] : 1;
    if (w === 0) continue;
    const z = logits.data.subarray(i * V, (i + 1) * V), m = Math.max(...z);
    let sum = 0;
    for (let v = 0; v < V; v++) sum += d[i * V + v] = Math.exp(z[v] - m);
    loss += w * (m + Math.log(sum) - z[y[i]]);
    for (let v = 0; v < V; v++) d[i * V + v] *= w / (sum * N);
    d[i * V + y[i]] -= w / N;
  }
  return { loss: loss / N, dLogits: { data: d, shape: [N, T, V] } };
}

/** The check's hint must name the division by N. */
export const expectedFailures: Record<string, RegExp> = {
  "07.3-temporal-softmax": /divided by N/,
};
