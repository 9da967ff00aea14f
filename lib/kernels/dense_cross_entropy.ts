/**
 * The output layer of a language model and its loss as one custom op: logits = H·Wy + by, then the
 * mean softmax cross-entropy against integer targets, with the textbook gradient
 * ∂L/∂logits = (softmax − onehot) / R written by hand. Equal to
 * `tf.losses.softmaxCrossEntropy(tf.oneHot(y, V), tf.add(tf.matMul(H, Wy), by))` (tested), and
 * about twice as fast to train on tfjs-wasm: no one-hot tensor, no autograd chain, and the big
 * matrix of each weight-gradient product on the left (see lib/kernels/_fused_common.ts).
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { dims, KernelCtx } from "./_kernel_ctx.ts";

/**
 * Mean softmax cross-entropy of a dense output layer, fused.
 *
 * @param hs features of every position // [R, H]
 * @param Wy output weights // [H, V]
 * @param by output biases // [V]
 * @param targets the correct class of every position, in [0, V) // [R]
 * @returns the mean loss in nats, a differentiable scalar
 * @throws {RangeError} on inconsistent shapes or a target outside [0, V)
 * @example The loss of a uniform model is ln V
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { denseCrossEntropy } from "./dense_cross_entropy.ts";
 * const loss = denseCrossEntropy(tf.ones([4, 3]), tf.zeros([3, 5]), tf.zeros([5]), [0, 1, 2, 3]);
 * console.log(loss.dataSync()[0].toFixed(4)); // 1.6094
 * ```
 * @see notebooks/07_char_lstm.ipynb, "The loss at initialisation"
 */
export function denseCrossEntropy(
  hs: tf.Tensor,
  Wy: tf.Tensor,
  by: tf.Tensor,
  targets: ArrayLike<number> | tf.Tensor,
): tf.Scalar {
  const [R, H] = dims(hs), V = dims(Wy)[1];
  const y = targets instanceof tf.Tensor ? targets.dataSync() : targets;
  if (hs.rank !== 2 || Wy.rank !== 2 || dims(Wy)[0] !== H || by.rank !== 1 || dims(by)[0] !== V) {
    throw new RangeError(
      `denseCrossEntropy: shapes disagree: hs [${hs.shape}], Wy [${Wy.shape}], by [${by.shape}]; ` +
        `expected hs [R, H], Wy [H, V], by [V]`,
    );
  }
  if (y.length !== R) {
    throw new RangeError(
      `denseCrossEntropy: ${y.length} targets for ${R} rows of hs [${hs.shape}]`,
    );
  }
  for (let r = 0; r < R; r++) {
    if (!(y[r] >= 0 && y[r] < V && Number.isInteger(y[r]))) {
      throw new RangeError(`denseCrossEntropy: targets[${r}] = ${y[r]} is outside [0, ${V})`);
    }
  }
  const op = tf.customGrad((...args: unknown[]) => {
    const save = args[3] as tf.GradSaveFunc;
    const ctx = new KernelCtx();
    const logits = ctx.matMul(ctx.asInfo(hs), ctx.asInfo(Wy)); // [R, V]
    {
      const l = ctx.view(logits), b = ctx.view(ctx.asInfo(by));
      for (let r = 0; r < R; r++) for (let v = 0, q = r * V; v < V; v++) l[q + v] += b[v];
    }
    const P = ctx.softmax(logits); // [R, V]
    const l = ctx.view(logits), p = ctx.view(P);
    let sum = 0;
    for (let r = 0; r < R; r++) {
      const q = r * V;
      if (p[q + y[r]] > 1e-30) {
        sum -= Math.log(p[q + y[r]]);
        continue;
      }
      // log p underflowed: recompute this row as logsumexp(l) − l_y in float64.
      let m = -Infinity, s = 0;
      for (let v = 0; v < V; v++) m = Math.max(m, l[q + v]);
      for (let v = 0; v < V; v++) s += Math.exp(l[q + v] - m);
      sum += m + Math.log(s) - l[q + y[r]];
    }
    ctx.free(logits);
    const probs = ctx.toTensor(P);
    save([hs, Wy, probs]);
    const gradFunc = (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) =>
      denseCrossEntropyBackward(dy as tf.Tensor, saved, y);
    return { value: tf.scalar(sum / R), gradFunc };
  });
  return op(hs, Wy, by) as tf.Scalar;
}

/** ∂L/∂logits = (P − onehot(y))·dy/R, then [dhs, dWy, dby] by one matMul each. */
function denseCrossEntropyBackward(
  dy: tf.Tensor,
  saved: tf.Tensor[],
  y: ArrayLike<number>,
): tf.Tensor[] {
  const [hs, Wy, probs] = saved;
  const ctx = new KernelCtx();
  const [R, H] = dims(hs), V = dims(Wy)[1];
  const scale = dy.dataSync()[0] / R;
  const dL = ctx.alloc([R, V]), dby = new Float32Array(V);
  {
    const d = ctx.view(dL), p = ctx.view(ctx.asInfo(probs));
    for (let r = 0; r < R; r++) {
      const q = r * V;
      for (let v = 0; v < V; v++) d[q + v] = p[q + v] * scale;
      d[q + y[r]] -= scale;
      for (let v = 0; v < V; v++) dby[v] += d[q + v];
    }
  }
  const hsT = ctx.transpose(ctx.asInfo(hs)); // [H, R]
  const dWy = ctx.toTensor(ctx.matMul(hsT, dL), [H, V]); // dL (small) on the right
  const WyT = ctx.transpose(ctx.asInfo(Wy)); // [V, H]
  const dhs = ctx.toTensor(ctx.matMul(dL, WyT), [R, H]);
  ctx.free(hsT, WyT, dL);
  return [dhs, dWy, tf.tensor1d(dby)];
}
