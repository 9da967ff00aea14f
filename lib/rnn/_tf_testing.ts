/**
 * Internal test helpers for the fused recurrent ops: seeded float32 tensors, the value and every
 * gradient of Σ(out ⊙ R) for an op, and a scale-aware relative difference (max |a − b| / max |b|),
 * which is what float32 can promise where single gradient entries nearly cancel.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { Rng } from "../util/rng.ts";

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
