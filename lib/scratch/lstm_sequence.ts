/**
 * An LSTM over a whole batch-first sequence, forward and backward through time, built on the step
 * functions of lstm_cell.ts (fused gates, column order i | f | g | o as in PyTorch). Taught in
 * notebook 06 and used in notebook 05 to show gradients that survive many steps; follows CS231n
 * assignment 3's `lstm_forward`/`lstm_backward`.
 * @module
 */
import { type Matrix, matrix } from "./matrix.ts";
import { setTimeStep, type Tensor3, tensor3, timeStep } from "./tensor3.ts";
import { _addInto, _expectShape } from "./_rnn_ops.ts";
import { lstmStepBackward, type LstmStepCache, lstmStepForward } from "./lstm_cell.ts";
import type { BpttHooks } from "./rnn_sequence.ts";

/** What lstmBackward needs: one step cache per time step (holding the gates for plots). */
export interface LstmCache {
  /** step caches, index t = time step */
  steps: LstmStepCache[];
}

/** Gradients of a whole LSTM sequence, named after the inputs. */
export interface LstmGrads {
  /** ∂L/∂x [N, T, D] */
  dx: Tensor3;
  /** ∂L/∂h0 [N, H] */
  dh0: Matrix;
  /** ∂L/∂c0 [N, H] */
  dc0: Matrix;
  /** ∂L/∂Wx [D, 4H], summed over time */
  dWx: Matrix;
  /** ∂L/∂Wh [H, 4H], summed over time */
  dWh: Matrix;
  /** ∂L/∂b [4H], summed over time */
  db: Float64Array;
}

/** Options of lstmBackward: the BPTT hooks plus a gradient on the final cell state. */
export interface LstmBackwardOptions extends BpttHooks {
  /** ∂L/∂c at the last step [N, H], for a loss that reads the final cell state (default zeros) */
  dcLast?: Matrix;
}

/**
 * Run an LSTM over a sequence.
 *
 * @param x inputs [N, T, D]
 * @param h0 initial hidden state [N, H]
 * @param Wx input-to-gates weights [D, 4H], column blocks i | f | g | o
 * @param Wh hidden-to-gates weights [H, 4H], same blocks
 * @param b gate biases [4H], same blocks
 * @param c0 initial cell state [N, H] (default zeros, as in CS231n)
 * @returns `{ out, c, cache }`: out = hidden states [N, T, H], c = cell states [N, T, H]
 * @throws {RangeError} if the shapes do not agree or T = 0
 * @example
 * ```ts
 * import { lstmForward } from "./lstm_sequence.ts";
 * import { matrix } from "./matrix.ts";
 * import { tensor3 } from "./tensor3.ts";
 * const { out, c } = lstmForward(tensor3(2, 3, 4), matrix(2, 5), matrix(4, 20), matrix(5, 20), new Float64Array(20));
 * console.log(out.shape, c.shape); // [2, 3, 5] [2, 3, 5]
 * ```
 * @see notebook 06, "The LSTM over a sequence"
 */
export function lstmForward(
  x: Tensor3,
  h0: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
  c0?: Matrix,
): { out: Tensor3; c: Tensor3; cache: LstmCache } {
  _expectShape("lstmForward", "x", x, [-1, -1, -1]);
  const [N, T] = x.shape;
  _expectShape("lstmForward", "h0", h0, [N, -1]);
  const H = h0.shape[1];
  if (c0) _expectShape("lstmForward", "c0", c0, [N, H]);
  if (T === 0) throw new RangeError(`lstmForward: x is [${x.shape}], with no time steps`);
  const h = tensor3(N, T, H), c = tensor3(N, T, H); // [N, T, H]
  const steps: LstmStepCache[] = [];
  let hPrev = h0, cPrev = c0 ?? matrix(N, H);
  for (let t = 0; t < T; t++) {
    const { out, cNext, cache } = lstmStepForward(timeStep(x, t), hPrev, cPrev, Wx, Wh, b);
    setTimeStep(h, t, out);
    setTimeStep(c, t, cNext);
    steps.push(cache);
    hPrev = out;
    cPrev = cNext;
  }
  return { out: h, c, cache: { steps } };
}

/**
 * Backpropagate through time in an LSTM. Both ∂L/∂h and ∂L/∂c flow back from step t+1; the cell
 * path multiplies by f only, which is why gradients survive (notebook 05).
 *
 * @param dh upstream gradient ∂L/∂h for every step [N, T, H]
 * @param cache from lstmForward
 * @param opts `onStep(t, dhTotal, dcTotal)` to read ∂L/∂h_t and ∂L/∂c_t; `dcLast` [N, H]
 * @returns `{ dx [N, T, D], dh0 [N, H], dc0 [N, H], dWx [D, 4H], dWh [H, 4H], db [4H] }`
 * @throws {RangeError} if dh or dcLast has the wrong shape
 * @example
 * ```ts
 * import { lstmBackward, lstmForward } from "./lstm_sequence.ts";
 * import { matrix } from "./matrix.ts";
 * import { tensor3 } from "./tensor3.ts";
 * const { out, cache } = lstmForward(tensor3(2, 3, 4), matrix(2, 5), matrix(4, 20), matrix(5, 20), new Float64Array(20));
 * const { dWx } = lstmBackward(tensor3(...out.shape), cache);
 * console.log(dWx.shape); // [4, 20]
 * ```
 * @see notebook 06, "The LSTM over a sequence"; notebook 05, "Gating keeps gradients alive"
 */
export function lstmBackward(
  dh: Tensor3,
  cache: LstmCache,
  opts: LstmBackwardOptions = {},
): LstmGrads {
  const T = cache.steps.length;
  const { x: x0, hPrev: h0 } = cache.steps[0];
  const [N, D] = x0.shape, H = h0.shape[1];
  _expectShape("lstmBackward", "dh", dh, [N, T, H]);
  if (opts.dcLast) _expectShape("lstmBackward", "dcLast", opts.dcLast, [N, H]);
  const dx = tensor3(N, T, D), dWx = matrix(D, 4 * H), dWh = matrix(H, 4 * H);
  const db = new Float64Array(4 * H);
  let dhNext = matrix(N, H); // flowing back from step t+1
  let dcNext = opts.dcLast ? matrix(N, H, opts.dcLast.data.slice()) : matrix(N, H);
  for (let t = T - 1; t >= 0; t--) {
    const dhT = timeStep(dh, t); // [N, H]
    _addInto(dhT.data, dhNext.data);
    opts.onStep?.(t, dhT, dcNext);
    const g = lstmStepBackward(dhT, dcNext, cache.steps[t]);
    setTimeStep(dx, t, g.dx);
    _addInto(dWx.data, g.dWx.data);
    _addInto(dWh.data, g.dWh.data);
    _addInto(db, g.db);
    dhNext = g.dhPrev;
    dcNext = g.dcPrev;
  }
  return { dx, dh0: dhNext, dc0: dcNext, dWx, dWh, db };
}
