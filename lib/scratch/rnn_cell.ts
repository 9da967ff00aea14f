/**
 * One step of a vanilla (Elman) RNN with a tanh nonlinearity, forward and backward, on Float64Array
 * matrices: hNext = tanh(x·Wx + hPrev·Wh + b). Taught in notebook 04 (the RNN cell); follows
 * CS231n assignment 3's `rnn_step_forward`/`rnn_step_backward` and Karpathy's min-char-rnn.
 * Layout: batch-first, weights [in, out], so x [N, D] · Wx [D, H]. PyTorch's nn.RNN stores
 * weight_ih = Wxᵀ and splits b into bias_ih + bias_hh (see lib/rnn/pytorch_layout.ts).
 * @module
 */
import { type Matrix, matrix } from "./matrix.ts";
import { _affineBackward, _affineForward, _expectShape, _expectVector } from "./_rnn_ops.ts";

/** What rnnStepBackward needs from the forward step (inputs are kept, not copied). */
export interface RnnStepCache {
  /** input [N, D] */
  x: Matrix;
  /** previous hidden state [N, H] */
  hPrev: Matrix;
  /** input-to-hidden weights [D, H] */
  Wx: Matrix;
  /** hidden-to-hidden weights [H, H] */
  Wh: Matrix;
  /** the step's output tanh(a) [N, H] */
  hNext: Matrix;
}

/** Gradients of one RNN step, named after the inputs. */
export interface RnnStepGrads {
  /** ∂L/∂x [N, D] */
  dx: Matrix;
  /** ∂L/∂hPrev [N, H] */
  dhPrev: Matrix;
  /** ∂L/∂Wx [D, H] */
  dWx: Matrix;
  /** ∂L/∂Wh [H, H] */
  dWh: Matrix;
  /** ∂L/∂b [H] */
  db: Float64Array;
}

/**
 * Forward one vanilla-RNN step: hNext = tanh(x·Wx + hPrev·Wh + b).
 *
 * @param x input [N, D]
 * @param hPrev previous hidden state [N, H]
 * @param Wx input-to-hidden weights [D, H]
 * @param Wh hidden-to-hidden weights [H, H]
 * @param b bias [H]
 * @returns `{ out, cache }` with out = hNext [N, H]
 * @throws {RangeError} if the shapes do not agree (the message names both)
 * @example One step on zeros gives tanh(b)
 * ```ts
 * import { rnnStepForward } from "./rnn_cell.ts";
 * import { matrix } from "./matrix.ts";
 * const b = new Float64Array(5).fill(0.5);
 * const { out } = rnnStepForward(matrix(2, 4), matrix(2, 5), matrix(4, 5), matrix(5, 5), b);
 * console.log(out.shape, out.data[0] === Math.tanh(0.5)); // [2, 5] true
 * ```
 * @see notebook 04, "The RNN cell"; Karpathy (2015), min-char-rnn
 */
export function rnnStepForward(
  x: Matrix,
  hPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
): { out: Matrix; cache: RnnStepCache } {
  const fn = "rnnStepForward";
  _expectShape(fn, "x", x, [-1, -1]);
  const [N, D] = x.shape;
  _expectShape(fn, "hPrev", hPrev, [N, -1]);
  const H = hPrev.shape[1];
  _expectShape(fn, "Wx", Wx, [D, H]);
  _expectShape(fn, "Wh", Wh, [H, H]);
  _expectVector(fn, "b", b, H);
  const a = _affineForward(x, hPrev, Wx, Wh, b); // x·Wx + hPrev·Wh + b  [N, H]
  for (let k = 0; k < a.length; k++) a[k] = Math.tanh(a[k]);
  const hNext = matrix(N, H, a);
  return { out: hNext, cache: { x, hPrev, Wx, Wh, hNext } };
}

/**
 * Backward one vanilla-RNN step. With da = dhNext ⊙ (1 − hNext²): dx = da·Wxᵀ, dhPrev = da·Whᵀ,
 * dWx = xᵀ·da, dWh = hPrevᵀ·da, db = Σₙ da.
 *
 * @param dhNext upstream gradient ∂L/∂hNext [N, H]
 * @param cache from rnnStepForward
 * @returns `{ dx [N, D], dhPrev [N, H], dWx [D, H], dWh [H, H], db [H] }`
 * @throws {RangeError} if dhNext's shape differs from hNext's
 * @example Gradient shapes mirror the inputs
 * ```ts
 * import { rnnStepBackward, rnnStepForward } from "./rnn_cell.ts";
 * import { matrix } from "./matrix.ts";
 * const { cache } = rnnStepForward(matrix(2, 4), matrix(2, 5), matrix(4, 5), matrix(5, 5), new Float64Array(5));
 * const { dx, dWh } = rnnStepBackward(matrix(2, 5, new Float64Array(10).fill(1)), cache);
 * console.log(dx.shape, dWh.shape); // [2, 4] [5, 5]
 * ```
 * @see notebook 04, "Backpropagation through time"
 */
export function rnnStepBackward(dhNext: Matrix, cache: RnnStepCache): RnnStepGrads {
  const { x, hPrev, Wx, Wh, hNext } = cache;
  _expectShape("rnnStepBackward", "dhNext", dhNext, hNext.shape);
  const da = new Float64Array(dhNext.data.length); // ∂L/∂a, a the pre-activation  [N, H]
  for (let k = 0; k < da.length; k++) da[k] = dhNext.data[k] * (1 - hNext.data[k] ** 2);
  const { dx, dh: dhPrev, dWx, dWh, db } = _affineBackward(da, x, hPrev, Wx, Wh);
  return { dx, dhPrev, dWx, dWh, db };
}
