/**
 * Conversion between the course's GRU layout and tfjs Layers' `tf.layers.gru` weights, for notebook
 * 06's "same weights, three libraries" comparison. tfjs (Keras 2.1-era) has no `reset_after`: its
 * GRU is Cho et al. (2014)'s original, n = tanh(x·Wx_n + (r ⊙ h)·Wh_n + b_n), so compare it with the
 * scratch GRU run with `{ resetAfter: false }`. Keras also orders the blocks z | r | h (ours and
 * PyTorch's are r | z | n) and keeps one bias [3H] (ours: bx + bh).
 *
 * `tf.layers.simpleRNN` and `tf.layers.lstm` need no conversion: their `[kernel, recurrentKernel,
 * bias]` are exactly Wx [D, G·H], Wh [H, G·H], b [G·H] with the LSTM blocks i | f | c | o (our
 * i | f | g | o). Set `recurrentActivation: "sigmoid"` on `tf.layers.lstm`/`gru`, whose default is
 * the hard sigmoid.
 * @module
 */
import { type Matrix, matrix } from "../scratch/matrix.ts";
import type { GruParams } from "./pytorch_layout.ts";

/** A GRU's weights as `tf.layers.gru` holds them (row-major values; blocks z | r | h). */
export interface KerasGruWeights {
  /** [D, 3H] */
  kernel: Matrix;
  /** [H, 3H] */
  recurrentKernel: Matrix;
  /** [3H] */
  bias: Float64Array;
}

/** Swap the first two H-wide column blocks (r | z ↔ z | r) of an [R, 3H] matrix or a [3H] vector. */
function swapRz(data: Float64Array, rows: number, H: number): Float64Array {
  const out = data.slice(), M = 3 * H;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < H; j++) {
      out[i * M + j] = data[i * M + H + j];
      out[i * M + H + j] = data[i * M + j];
    }
  }
  return out;
}

/**
 * Course-layout GRU parameters to `tf.layers.gru` weights: blocks reordered to z | r | h and the
 * two biases summed. Exact for the reset-before variant (`{ resetAfter: false }`) only.
 *
 * @param p `{ Wx [D, 3H], Wh [H, 3H], bx [3H], bh [3H] }` (blocks r | z | n)
 * @returns `{ kernel [D, 3H], recurrentKernel [H, 3H], bias [3H] }` (blocks z | r | h); wrap each
 *   with `tf.tensor(Float32Array.from(m.data), m.shape)` for `layer.setWeights`
 * @throws {RangeError} if Wh is not [H, 3H]
 * @example
 * ```ts
 * import { gruToKeras } from "./keras_layout.ts";
 * import { matrix } from "../scratch/matrix.ts";
 * const bx = Float64Array.of(1, 2, 3), bh = Float64Array.of(10, 20, 30);
 * console.log(Array.from(gruToKeras({ Wx: matrix(1, 3), Wh: matrix(1, 3), bx, bh }).bias)); // [22, 11, 33]
 * ```
 * @see notebook 06, "Same weights, three libraries"
 */
export function gruToKeras(p: GruParams): KerasGruWeights {
  const [H, M] = p.Wh.shape, D = p.Wx.shape[0];
  if (M !== 3 * H) {
    throw new RangeError(`gruToKeras: Wh must have shape [H, 3H], got [${p.Wh.shape}]`);
  }
  return {
    kernel: matrix(D, M, swapRz(p.Wx.data, D, H)),
    recurrentKernel: matrix(H, M, swapRz(p.Wh.data, H, H)),
    bias: swapRz(p.bx.map((v, i) => v + p.bh[i]), 1, H),
  };
}

/**
 * `tf.layers.gru` weights to course-layout GRU parameters (bx = the bias, bh = 0); run them with
 * `gruForward(..., { resetAfter: false })`.
 *
 * @param w `{ kernel [D, 3H], recurrentKernel [H, 3H], bias [3H] }` (blocks z | r | h), e.g. from
 *   `layer.getWeights()` read back with `dataSync()`
 * @returns `{ Wx [D, 3H], Wh [H, 3H], bx [3H], bh [3H] }` (blocks r | z | n)
 * @throws {RangeError} if recurrentKernel is not [H, 3H]
 */
export function gruFromKeras(w: KerasGruWeights): GruParams {
  const [H, M] = w.recurrentKernel.shape, D = w.kernel.shape[0];
  if (M !== 3 * H) {
    throw new RangeError(
      `gruFromKeras: recurrentKernel must have shape [H, 3H], got [${w.recurrentKernel.shape}]`,
    );
  }
  return {
    Wx: matrix(D, M, swapRz(w.kernel.data, D, H)),
    Wh: matrix(H, M, swapRz(w.recurrentKernel.data, H, H)),
    bx: swapRz(w.bias, 1, H),
    bh: new Float64Array(M),
  };
}
