/**
 * Planted mistake for exercise 07.3: the mask is accepted and never used.
 * @module
 */
import type { Tensor3 } from "../../../lib/scratch/mod.ts";

/** Counts every position, masked or not. */
export function temporalSoftmaxLoss(
  logits: Tensor3,
  y: Int32Array,
  _mask?: Float64Array,
): { loss: number; dLogits: Tensor3 } {
  const [N, T, V] = logits.shape, M = N * T;
  const d = new Float64Array(N * T * V);
  let loss = 0;
  for (let i = 0; i < M; i++) {
    const z = logits.data.subarray(i * V, (i + 1) * V), m = Math.max(...z);
    let sum = 0;
    for (let v = 0; v < V; v++) sum += d[i * V + v] = Math.exp(z[v] - m);
    loss += m + Math.log(sum) - z[y[i]];
    for (let v = 0; v < V; v++) d[i * V + v] /= sum * M;
    d[i * V + y[i]] -= 1 / M;
  }
  return { loss: loss / M, dLogits: { data: d, shape: [N, T, V] } };
}

/** The check's hint must name the ignored mask. */
export const expectedFailures: Record<string, RegExp> = {
  "07.3-temporal-softmax": /mask was ignored/,
};
