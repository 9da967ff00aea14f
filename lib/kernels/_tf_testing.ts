/**
 * Internal test helpers for the fused recurrent ops: seeded float32 tensors, the value and every
 * gradient of Σ(out ⊙ R) for an op, a scale-aware relative difference (max |a − b| / max |b|),
 * which is what float32 can promise where single gradient entries nearly cancel, and the slicing
 * that compares truncated BPTT with the scratch BPTT run on the last k steps.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { Rng } from "../util/rng.ts";
import { type Tensor3, tensor3 } from "../scratch/tensor3.ts";

/** A seeded normal tensor. */
export function randn(rng: Rng, shape: number[], scale = 1): tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Float32Array.from(rng.normalArray(n, scale)), shape);
}

/** Value and gradients (w.r.t. every argument) of Σ(f(...args) ⊙ R), as flat arrays. */
export function probe(
  f: (...a: tf.Tensor[]) => tf.Tensor,
  args: tf.Tensor[],
  R: tf.Tensor,
): { out: Float32Array; grads: Float32Array[] } {
  return tf.tidy(() => {
    const out = f(...args).dataSync() as Float32Array;
    const g = tf.grads((...a: tf.Tensor[]) => tf.sum(tf.mul(f(...a), R)))(args);
    return { out, grads: g.map((t) => t.dataSync() as Float32Array) };
  });
}

/** max |a − b| / max |b| (0 when both are all zero). */
export function scaledDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`scaledDiff: lengths ${a.length} vs ${b.length}`);
  let d = 0, m = 0;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    m = Math.max(m, Math.abs(b[i]));
  }
  return m === 0 ? d : d / m;
}

/** The last k steps of a batch-first tensor [N, T, H] as a scratch Tensor3 [N, k, H]. */
export function lastSteps(R: tf.Tensor, k: number): Tensor3 {
  const [N, T, H] = R.shape as number[], r = R.dataSync(), out = tensor3(N, k, H);
  for (let n = 0; n < N; n++) {
    out.data.set(r.subarray((n * T + T - k) * H, (n * T + T) * H), n * k * H);
  }
  return out;
}

/** A gradient of the last k steps [N, k, D] placed into [N, T, D], zeros before step T − k. */
export function padFront(g: Tensor3, T: number): Float64Array {
  const [N, k, D] = g.shape, out = new Float64Array(N * T * D);
  for (let n = 0; n < N; n++) {
    out.set(g.data.subarray(n * k * D, (n + 1) * k * D), (n * T + T - k) * D);
  }
  return out;
}
