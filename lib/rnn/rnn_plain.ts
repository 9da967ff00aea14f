/**
 * The vanilla RNN over a sequence written the plain way: tfjs ops per step and autograd for BPTT.
 * The readable definition of notebook 04 and the reference {@link rnnFused} is tested against:
 * h_t = act(x_t·Wx + h_{t-1}·Wh + b), as lib/scratch/rnn_cell.ts and PyTorch's nn.RNN.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { dims } from "../shapes/seq_input.ts";
import { seqInfo } from "../shapes/seq_input.ts";
import type { RnnActivation } from "../shapes/seq_input.ts";
import type { FusedOptions } from "../shapes/seq_input.ts";

/**
 * Run a vanilla RNN over a sequence with plain tfjs ops.
 *
 * @param x inputs // [N, T, D]
 * @param h0 initial hidden state // [N, H]
 * @param Wx input weights // [D, H]
 * @param Wh recurrent weights // [H, H]
 * @param b bias // [H]
 * @param activation "tanh" (default), "relu" or "linear"
 * @param opts `onFinalState` receives the last h as an [N·H] array
 * @returns the hidden states of every step // [N, T, H]
 * @throws {RangeError} on inconsistent shapes
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { rnnPlain } from "./rnn_plain.ts";
 * console.log(rnnPlain(tf.ones([2, 3, 4]), tf.zeros([2, 5]), tf.ones([4, 5]), tf.eye(5), tf.zeros([5])).shape);
 * // [2, 3, 5]
 * ```
 * @see notebooks/04_rnn.ipynb, "The RNN cell"
 */
export function rnnPlain(
  x: tf.Tensor,
  h0: tf.Tensor,
  Wx: tf.Tensor,
  Wh: tf.Tensor,
  b: tf.Tensor,
  activation: RnnActivation = "tanh",
  opts: Pick<FusedOptions, "onFinalState"> = {},
): tf.Tensor {
  seqInfo("rnnPlain", x, h0, Wx, Wh, b, 1);
  const act = { tanh: tf.tanh, relu: tf.relu, linear: (u: tf.Tensor) => u }[activation];
  if (!act) throw new RangeError(`rnnPlain: unknown activation "${activation}"`);
  return tf.tidy(() => {
    const [N, T, D] = dims(x), H = dims(Wh)[0];
    const Xp = tf.add(tf.matMul(tf.reshape(x, [N * T, D]), Wx), b).reshape([N, T, H]);
    let h = h0;
    const hs: tf.Tensor[] = [];
    for (let t = 0; t < T; t++) {
      const xt = tf.reshape(tf.slice(Xp, [0, t, 0], [N, 1, H]), [N, H]);
      h = act(tf.add(xt, tf.matMul(h, Wh)));
      hs.push(h);
    }
    opts.onFinalState?.(h.dataSync() as Float32Array);
    return tf.stack(hs, 1); // [N, T, H]
  });
}
