/**
 * The LSTM over a sequence written the plain way: one fused gate matMul per step with tfjs ops, and
 * autograd for the backward pass. It is the readable definition that notebook 06 shows and the
 * reference the fused op ({@link lstmFused}) is tested against; about 10× slower to train.
 * Convention as lib/scratch/lstm_cell.ts: a = x·Wx + hPrev·Wh + b, blocks i | f | g | o.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { dims } from "../shapes/seq_input.ts";
import { seqInfo } from "../shapes/seq_input.ts";
import type { FusedOptions } from "../shapes/seq_input.ts";

/**
 * Run an LSTM over a sequence with plain tfjs ops (differentiable by autograd).
 *
 * @param x inputs // [N, T, D]
 * @param h0 initial hidden state // [N, H]
 * @param c0 initial cell state // [N, H]
 * @param Wx input-to-gates weights, blocks i|f|g|o // [D, 4H]
 * @param Wh hidden-to-gates weights // [H, 4H]
 * @param b gate biases // [4H]
 * @param opts `onFinalState` receives the last h and c as [N·H] arrays
 * @returns the hidden states of every step // [N, T, H]
 * @throws {RangeError} on inconsistent shapes
 * @example Same result as the fused op
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { lstmPlain } from "./lstm_plain.ts";
 * const x = tf.ones([2, 3, 4]), h0 = tf.zeros([2, 5]);
 * const out = lstmPlain(x, h0, h0, tf.ones([4, 20]), tf.ones([5, 20]), tf.zeros([20]));
 * console.log(out.shape); // [2, 3, 5]
 * ```
 * @see notebooks/06_lstm_gru.ipynb, "The LSTM cell, gate by gate"
 */
export function lstmPlain(
  x: tf.Tensor,
  h0: tf.Tensor,
  c0: tf.Tensor,
  Wx: tf.Tensor,
  Wh: tf.Tensor,
  b: tf.Tensor,
  opts: Pick<FusedOptions, "onFinalState"> = {},
): tf.Tensor {
  seqInfo("lstmPlain", x, h0, Wx, Wh, b, 4);
  return tf.tidy(() => {
    const [N, T, D] = dims(x), H = dims(Wh)[0];
    const Xp = tf.add(tf.matMul(tf.reshape(x, [N * T, D]), Wx), b).reshape([N, T, 4 * H]);
    let h = h0, c = c0;
    const hs: tf.Tensor[] = [];
    for (let t = 0; t < T; t++) {
      const a = tf.add(
        tf.reshape(tf.slice(Xp, [0, t, 0], [N, 1, 4 * H]), [N, 4 * H]),
        tf.matMul(h, Wh),
      );
      const [ai, af, ag, ao] = tf.split(a, 4, 1); // [N, H] each
      c = tf.add(tf.mul(tf.sigmoid(af), c), tf.mul(tf.sigmoid(ai), tf.tanh(ag)));
      h = tf.mul(tf.sigmoid(ao), tf.tanh(c));
      hs.push(h);
    }
    opts.onFinalState?.(h.dataSync() as Float32Array, c.dataSync() as Float32Array);
    return tf.stack(hs, 1); // [N, T, H]
  });
}
