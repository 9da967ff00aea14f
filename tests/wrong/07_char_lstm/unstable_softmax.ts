/**
 * Planted mistake for exercise 07.3: a softmax without the max subtraction, which overflows to
 * Infinity/NaN on large logits.
 * @module
 */
import type { Tensor3 } from "../../../lib/scratch/mod.ts";

/** exp(z) straight away: exact for small logits, NaN for logits like 1000. */
export function temporalSoftmaxLoss(
  logits: Tensor3,
  y: Int32Array,
  mask?: Float64Array,
): { loss: number; dLogits: Tensor3 } {
  const [N, T, V] = logits.shape;
  let M = 0;
  for (let i = 0; i < N * T; i++) M += mask ? mask[i] : 1;
  const d = new Float64Array(N * T * V);
  let loss = 0;
  for (let i = 0; i < N * T; i++) {
    const w = mask ? mask[i] : 1;
    if (w === 0) continue;
    let sum = 0;
    for (let v = 0; v < V; v++) sum += d[i * V + v] = Math.exp(logits.data[i * V + v]);
    loss -= w * Math.log(d[i * V + y[i]] / sum);
    for (let v = 0; v < V; v++) d[i * V + v] *= w / (sum * M);
    d[i * V + y[i]] -= w / M;
  }
  return { loss: loss / M, dLogits: { data: d, shape: [N, T, V] } };
}

/** The check's hint must name the overflow. */
export const expectedFailures: Record<string, RegExp> = {
  "07.3-temporal-softmax": /unstable softmax/,
};
