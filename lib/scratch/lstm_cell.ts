/**
 * One step of an LSTM (Hochreiter & Schmidhuber 1997, with the forget gate of Gers et al. 2000),
 * forward and backward, on Float64Array matrices. Taught in notebook 06 (the LSTM gate by gate);
 * follows CS231n assignment 3's `lstm_step_forward`/`lstm_step_backward` and Colah (2015).
 *
 * Exact convention (the same as PyTorch's nn.LSTM, transposed to batch-first [in, out] weights):
 * the four gates are fused in one affine map a = x·Wx + hPrev·Wh + b with Wx [D, 4H], Wh [H, 4H],
 * b [4H], whose column blocks are, in this order, i | f | g | o (PyTorch's order):
 *   i = σ(a[:, 0:H]), f = σ(a[:, H:2H]), g = tanh(a[:, 2H:3H]), o = σ(a[:, 3H:4H]),
 *   cNext = f ⊙ cPrev + i ⊙ g,   hNext = o ⊙ tanh(cNext).
 * PyTorch's weight_ih_l0 is Wxᵀ, weight_hh_l0 is Whᵀ and b = bias_ih_l0 + bias_hh_l0
 * (lib/rnn/pytorch_layout.ts converts). tf.layers.lstm uses the same i, f, c(=g), o order but a
 * hard-sigmoid recurrent activation unless `recurrentActivation: "sigmoid"` is set.
 * @module
 */
import { sigmoid } from "./activations.ts";
import { type Matrix, matrix } from "./matrix.ts";
import { _affineBackward, _affineForward, _expectShape, _expectVector } from "./_rnn_ops.ts";

/** What lstmStepBackward needs; the gates are also what notebook 06 plots. */
export interface LstmStepCache {
  /** input [N, D] */
  x: Matrix;
  /** previous hidden state [N, H] */
  hPrev: Matrix;
  /** previous cell state [N, H] */
  cPrev: Matrix;
  /** input-to-gates weights [D, 4H] */
  Wx: Matrix;
  /** hidden-to-gates weights [H, 4H] */
  Wh: Matrix;
  /** input gate σ(·) [N, H] */
  i: Matrix;
  /** forget gate σ(·) [N, H] */
  f: Matrix;
  /** candidate cell tanh(·) [N, H] */
  g: Matrix;
  /** output gate σ(·) [N, H] */
  o: Matrix;
  /** new cell state [N, H] */
  cNext: Matrix;
  /** tanh(cNext) [N, H] */
  tanhC: Matrix;
}

/** Gradients of one LSTM step, named after the inputs. */
export interface LstmStepGrads {
  /** ∂L/∂x [N, D] */
  dx: Matrix;
  /** ∂L/∂hPrev [N, H] */
  dhPrev: Matrix;
  /** ∂L/∂cPrev [N, H] */
  dcPrev: Matrix;
  /** ∂L/∂Wx [D, 4H] */
  dWx: Matrix;
  /** ∂L/∂Wh [H, 4H] */
  dWh: Matrix;
  /** ∂L/∂b [4H] */
  db: Float64Array;
}

/**
 * Forward one LSTM step (gate order i, f, g, o in the 4H columns; see the module doc).
 *
 * @param x input [N, D]
 * @param hPrev previous hidden state [N, H]
 * @param cPrev previous cell state [N, H]
 * @param Wx input-to-gates weights [D, 4H]
 * @param Wh hidden-to-gates weights [H, 4H]
 * @param b gate biases [4H]
 * @returns `{ out, cNext, cache }` with out = hNext [N, H] and cNext [N, H]
 * @throws {RangeError} if the shapes do not agree (the message names both)
 * @example With zero weights every gate is σ(0) = 0.5 and g = 0
 * ```ts
 * import { lstmStepForward } from "./lstm_cell.ts";
 * import { matrix } from "./matrix.ts";
 * const { cache } = lstmStepForward(matrix(2, 4), matrix(2, 5), matrix(2, 5), matrix(4, 20), matrix(5, 20), new Float64Array(20));
 * console.log(cache.f.data[0]); // 0.5
 * ```
 * @see notebook 06, "The LSTM cell"; Colah (2015), "Understanding LSTMs"
 */
export function lstmStepForward(
  x: Matrix,
  hPrev: Matrix,
  cPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
): { out: Matrix; cNext: Matrix; cache: LstmStepCache } {
  const fn = "lstmStepForward";
  _expectShape(fn, "x", x, [-1, -1]);
  const [N, D] = x.shape;
  _expectShape(fn, "hPrev", hPrev, [N, -1]);
  const H = hPrev.shape[1];
  _expectShape(fn, "cPrev", cPrev, [N, H]);
  _expectShape(fn, "Wx", Wx, [D, 4 * H]);
  _expectShape(fn, "Wh", Wh, [H, 4 * H]);
  _expectVector(fn, "b", b, 4 * H);
  const a = _affineForward(x, hPrev, Wx, Wh, b); // [N, 4H]
  const i = matrix(N, H), f = matrix(N, H), g = matrix(N, H), o = matrix(N, H);
  const cNext = matrix(N, H), tanhC = matrix(N, H), hNext = matrix(N, H);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < H; j++) {
      const k = n * H + j, r = n * 4 * H + j; // r: column j of block i in row n of a
      i.data[k] = sigmoid(a[r]);
      f.data[k] = sigmoid(a[r + H]);
      g.data[k] = Math.tanh(a[r + 2 * H]);
      o.data[k] = sigmoid(a[r + 3 * H]);
      cNext.data[k] = f.data[k] * cPrev.data[k] + i.data[k] * g.data[k];
      tanhC.data[k] = Math.tanh(cNext.data[k]);
      hNext.data[k] = o.data[k] * tanhC.data[k];
    }
  }
  return { out: hNext, cNext, cache: { x, hPrev, cPrev, Wx, Wh, i, f, g, o, cNext, tanhC } };
}

/**
 * Backward one LSTM step. The cell gradient gathers both paths, dc = dcNext + dhNext ⊙ o ⊙
 * (1 − tanh²cNext); then do = dhNext ⊙ tanh cNext, df = dc ⊙ cPrev, di = dc ⊙ g, dg = dc ⊙ i,
 * dcPrev = dc ⊙ f, each pushed through its gate's derivative into the fused da [N, 4H].
 *
 * @param dhNext upstream gradient ∂L/∂hNext [N, H]
 * @param dcNext upstream gradient ∂L/∂cNext [N, H] (zeros at the last step if the loss ignores c)
 * @param cache from lstmStepForward
 * @returns `{ dx [N, D], dhPrev [N, H], dcPrev [N, H], dWx [D, 4H], dWh [H, 4H], db [4H] }`
 * @throws {RangeError} if dhNext or dcNext has the wrong shape
 * @example
 * ```ts
 * import { lstmStepBackward, lstmStepForward } from "./lstm_cell.ts";
 * import { matrix } from "./matrix.ts";
 * const { cache } = lstmStepForward(matrix(2, 4), matrix(2, 5), matrix(2, 5), matrix(4, 20), matrix(5, 20), new Float64Array(20));
 * const { dWx, dcPrev } = lstmStepBackward(matrix(2, 5), matrix(2, 5, new Float64Array(10).fill(1)), cache);
 * console.log(dWx.shape, dcPrev.data[0]); // [4, 20] 0.5
 * ```
 * @see notebook 06, "The LSTM cell"
 */
export function lstmStepBackward(
  dhNext: Matrix,
  dcNext: Matrix,
  cache: LstmStepCache,
): LstmStepGrads {
  const { x, hPrev, cPrev, Wx, Wh, i, f, g, o, tanhC } = cache;
  const [N, H] = hPrev.shape;
  _expectShape("lstmStepBackward", "dhNext", dhNext, [N, H]);
  _expectShape("lstmStepBackward", "dcNext", dcNext, [N, H]);
  const da = new Float64Array(N * 4 * H); // ∂L/∂a for the fused gates  [N, 4H]
  const dcPrev = matrix(N, H);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < H; j++) {
      const k = n * H + j, r = n * 4 * H + j;
      const dh = dhNext.data[k], tc = tanhC.data[k];
      const dc = dcNext.data[k] + dh * o.data[k] * (1 - tc * tc); // both paths into cNext
      const di = dc * g.data[k], df = dc * cPrev.data[k], dg = dc * i.data[k], dO = dh * tc;
      da[r] = di * i.data[k] * (1 - i.data[k]); // σ' = σ(1 − σ)
      da[r + H] = df * f.data[k] * (1 - f.data[k]);
      da[r + 2 * H] = dg * (1 - g.data[k] ** 2); // tanh' = 1 − tanh²
      da[r + 3 * H] = dO * o.data[k] * (1 - o.data[k]);
      dcPrev.data[k] = dc * f.data[k];
    }
  }
  const { dx, dh: dhPrev, dWx, dWh, db } = _affineBackward(da, x, hPrev, Wx, Wh);
  return { dx, dhPrev, dcPrev, dWx, dWh, db };
}
