/**
 * Gradient clipping, the first remedy for exploding gradients in notebook 05 (Pascanu, Mikolov &
 * Bengio 2013, "On the difficulty of training recurrent neural networks"): by global norm, which
 * rescales every gradient by min(1, maxNorm / ‖g‖) with ‖g‖ the norm of all of them concatenated
 * (PyTorch's `clip_grad_norm_`, TensorFlow's `clip_by_global_norm`), and by value, which clamps each
 * entry to [−clipValue, clipValue] (PyTorch's `clip_grad_value_`) and can change the direction.
 * Every function returns the pre-clip global norm, the number notebook 05 plots.
 *
 * Two flavours: `clipByGlobalNorm`/`clipByValue` work in place on scratch gradients (a map of
 * Float64Arrays, Matrix or Tensor3 values, as rnnBackward returns); `clipByGlobalNormTf`/
 * `clipByValueTf` take a map of tf tensors (what `optimizer.computeGradients` gives) and return new
 * tensors the caller owns, leaving the inputs alone.
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/** A scratch gradient: a Float64Array or anything holding one in `data` (Matrix, Tensor3). */
export type ScratchGrad = Float64Array | { data: Float64Array };

function values(g: ScratchGrad): Float64Array {
  return g instanceof Float64Array ? g : g.data;
}

function checkLimit(fn: string, name: string, v: number): void {
  if (!(v > 0) || !Number.isFinite(v)) {
    throw new RangeError(`${fn}: ${name} must be a positive number, got ${v}`);
  }
}

/**
 * The global L2 norm √(Σ_k Σ_i g_k[i]²) of a map of scratch gradients.
 *
 * @param grads name → gradient (Float64Array, Matrix or Tensor3)
 * @returns the norm
 * @example
 * ```ts
 * import { globalNorm } from "./clip.ts";
 * console.log(globalNorm({ a: Float64Array.of(3), b: { data: Float64Array.of(4) } })); // 5
 * ```
 */
export function globalNorm(grads: Record<string, ScratchGrad>): number {
  let s = 0;
  for (const g of Object.values(grads)) for (const v of values(g)) s += v * v;
  return Math.sqrt(s);
}

/**
 * Clip scratch gradients by global norm, in place: if ‖g‖ > maxNorm every entry is multiplied by
 * maxNorm / ‖g‖, so the direction is kept. A non-finite norm (NaN, Infinity) leaves them unchanged;
 * check the returned norm and skip the update.
 *
 * @param grads name → parameter gradient, e.g. `{ dWx, dWh, db }` from rnnBackward (scaled in
 *   place; leave out dx and dh0, which are not parameters)
 * @param maxNorm the largest allowed global norm, > 0
 * @returns the global norm before clipping
 * @throws {RangeError} if maxNorm is not a positive finite number
 * @example
 * ```ts
 * import { clipByGlobalNorm } from "./clip.ts";
 * const g = { dW: Float64Array.of(3, 4) };
 * console.log(clipByGlobalNorm(g, 1), Array.from(g.dW)); // 5 [0.6000000000000001, 0.8]
 * ```
 * @see notebook 05, "Clipping rescues an exploding run"
 */
export function clipByGlobalNorm(grads: Record<string, ScratchGrad>, maxNorm: number): number {
  checkLimit("clipByGlobalNorm", "maxNorm", maxNorm);
  const norm = globalNorm(grads);
  if (Number.isFinite(norm) && norm > maxNorm) {
    const scale = maxNorm / norm;
    for (const g of Object.values(grads)) {
      const v = values(g);
      for (let i = 0; i < v.length; i++) v[i] *= scale;
    }
  }
  return norm;
}

/**
 * Clip scratch gradients by value, in place: each entry is clamped to [−clipValue, clipValue]
 * (NaN stays NaN).
 *
 * @param grads name → gradient (clamped in place)
 * @param clipValue the largest allowed |entry|, > 0
 * @returns the global norm before clipping
 * @throws {RangeError} if clipValue is not a positive finite number
 * @example
 * ```ts
 * import { clipByValue } from "./clip.ts";
 * const g = { db: Float64Array.of(-3, 0.5, 4) };
 * console.log(clipByValue(g, 1), Array.from(g.db)); // 5.024937810560445 [-1, 0.5, 1]
 * ```
 * @see notebook 05, "Clipping rescues an exploding run"
 */
export function clipByValue(grads: Record<string, ScratchGrad>, clipValue: number): number {
  checkLimit("clipByValue", "clipValue", clipValue);
  const norm = globalNorm(grads);
  for (const g of Object.values(grads)) {
    const v = values(g);
    for (let i = 0; i < v.length; i++) v[i] = Math.min(clipValue, Math.max(-clipValue, v[i]));
  }
  return norm;
}

/** The global norm of a map of tensors as a scalar tensor (inside the caller's tidy). */
function tfGlobalNorm(grads: tf.NamedTensorMap): tf.Scalar {
  const squares = Object.values(grads).map((g) => tf.sum(tf.square(g)));
  return squares.length ? (tf.sqrt(tf.addN(squares)) as tf.Scalar) : tf.scalar(0);
}

/**
 * Clip tf gradients by global norm (TensorFlow's `clip_by_global_norm`): returns new tensors
 * g · min(1, maxNorm / ‖g‖), ready for `optimizer.applyGradients`. The inputs are not disposed;
 * a non-finite norm returns unscaled copies.
 *
 * @param grads name → gradient tensor, e.g. from `optimizer.computeGradients` or `tf.variableGrads`
 * @param maxNorm the largest allowed global norm, > 0
 * @returns `{ grads, norm }`: the clipped tensors (caller disposes) and the pre-clip norm
 * @throws {RangeError} if maxNorm is not a positive finite number
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { clipByGlobalNormTf } from "./clip.ts";
 * const g = { w: tf.tensor1d([3, 4]) };
 * const { grads, norm } = clipByGlobalNormTf(g, 1);
 * console.log(norm, grads.w.arraySync()); // 5 [0.6, 0.8] (to float32 precision)
 * tf.dispose([g.w, grads.w]);
 * ```
 * @see notebook 05, "Clipping rescues an exploding run"
 */
export function clipByGlobalNormTf(
  grads: tf.NamedTensorMap,
  maxNorm: number,
): { grads: tf.NamedTensorMap; norm: number } {
  checkLimit("clipByGlobalNormTf", "maxNorm", maxNorm);
  const normT = tf.tidy(() => tfGlobalNorm(grads));
  const norm = normT.dataSync()[0];
  normT.dispose();
  const scale = Number.isFinite(norm) && norm > maxNorm ? maxNorm / norm : 1;
  const out = tf.tidy(() => {
    const m: tf.NamedTensorMap = {};
    for (const [k, g] of Object.entries(grads)) m[k] = scale === 1 ? tf.clone(g) : tf.mul(g, scale);
    return m;
  });
  return { grads: out, norm };
}

/**
 * Clip tf gradients by value: returns new tensors clamped to [−clipValue, clipValue]. The inputs
 * are not disposed.
 *
 * @param grads name → gradient tensor
 * @param clipValue the largest allowed |entry|, > 0
 * @returns `{ grads, norm }`: the clipped tensors (caller disposes) and the pre-clip global norm
 * @throws {RangeError} if clipValue is not a positive finite number
 */
export function clipByValueTf(
  grads: tf.NamedTensorMap,
  clipValue: number,
): { grads: tf.NamedTensorMap; norm: number } {
  checkLimit("clipByValueTf", "clipValue", clipValue);
  const normT = tf.tidy(() => tfGlobalNorm(grads));
  const norm = normT.dataSync()[0];
  normT.dispose();
  const out = tf.tidy(() => {
    const m: tf.NamedTensorMap = {};
    for (const [k, g] of Object.entries(grads)) m[k] = tf.clipByValue(g, -clipValue, clipValue);
    return m;
  });
  return { grads: out, norm };
}
