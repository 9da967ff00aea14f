/**
 * The GRU over a sequence written the plain way: tfjs ops per step and autograd for the backward
 * pass. The readable definition of notebook 06 and the reference {@link gruFused} is tested
 * against. Same variant and layout as lib/scratch/gru_cell.ts (PyTorch's "reset after", blocks
 * r | z | n, bx = bias_ih, bh = bias_hh).
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { dims } from "../shapes/seq_input.ts";
import { seqInfo } from "../shapes/seq_input.ts";
import type { FusedOptions } from "../shapes/seq_input.ts";

/**
 * Run a GRU (reset-after variant) over a sequence with plain tfjs ops.
 *
 * @param x inputs // [N, T, D]
 * @param h0 initial hidden state // [N, H]
 * @param Wx input-to-gates weights, blocks r|z|n // [D, 3H]
 * @param Wh hidden-to-gates weights // [H, 3H]
 * @param bx input biases // [3H]
 * @param bh hidden biases // [3H]
 * @param opts `onFinalState` receives the last h as an [N·H] array
 * @returns the hidden states of every step // [N, T, H]
 * @throws {RangeError} on inconsistent shapes
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { gruPlain } from "./gru_plain.ts";
 * const b = tf.zeros([15]);
 * console.log(gruPlain(tf.ones([2, 3, 4]), tf.zeros([2, 5]), tf.ones([4, 15]), tf.ones([5, 15]), b, b).shape);
 * // [2, 3, 5]
 * ```
 * @see notebooks/06_lstm_gru.ipynb, "The GRU cell"
 */
export function gruPlain(
  x: tf.Tensor,
  h0: tf.Tensor,
  Wx: tf.Tensor,
  Wh: tf.Tensor,
  bx: tf.Tensor,
  bh: tf.Tensor,
  opts: Pick<FusedOptions, "onFinalState"> = {},
): tf.Tensor {
  seqInfo("gruPlain", x, h0, Wx, Wh, bx, 3);
  return tf.tidy(() => {
    const [N, T, D] = dims(x), H = dims(Wh)[0];
    const Xp = tf.add(tf.matMul(tf.reshape(x, [N * T, D]), Wx), bx).reshape([N, T, 3 * H]);
    let h = h0;
    const hs: tf.Tensor[] = [];
    for (let t = 0; t < T; t++) {
      const [xr, xz, xn] = tf.split(
        tf.reshape(tf.slice(Xp, [0, t, 0], [N, 1, 3 * H]), [N, 3 * H]),
        3,
        1,
      );
      const [hr, hz, hn] = tf.split(tf.add(tf.matMul(h, Wh), bh), 3, 1); // [N, H] each
      const r = tf.sigmoid(tf.add(xr, hr)), z = tf.sigmoid(tf.add(xz, hz));
      const n = tf.tanh(tf.add(xn, tf.mul(r, hn))); // reset after the matMul
      h = tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
      hs.push(h);
    }
    opts.onFinalState?.(h.dataSync() as Float32Array);
    return tf.stack(hs, 1); // [N, T, H]
  });
}
