/**
 * A GRU over a whole batch-first sequence, forward and backward through time, built on the step
 * functions of gru_cell.ts (blocks r | z | n; PyTorch's reset-after variant by default, Cho et al.
 * 2014's reset-before with `{ resetAfter: false }`). Taught in notebook 06 and used in notebook 05.
 * @module
 */
import { type Matrix, matrix } from "./matrix.ts";
import { setTimeStep, type Tensor3, tensor3, timeStep } from "./tensor3.ts";
import { _addInto, _expectShape } from "./_rnn_ops.ts";
import { type GruOptions, gruStepBackward, type GruStepCache, gruStepForward } from "./gru_cell.ts";
import type { BpttHooks } from "./rnn_sequence.ts";

/** What gruBackward needs: one step cache per time step (holding the gates for plots). */
export interface GruCache {
  /** step caches, index t = time step */
  steps: GruStepCache[];
}

/** Gradients of a whole GRU sequence, named after the inputs. */
export interface GruGrads {
  /** ∂L/∂x [N, T, D] */
  dx: Tensor3;
  /** ∂L/∂h0 [N, H] */
  dh0: Matrix;
  /** ∂L/∂Wx [D, 3H], summed over time */
  dWx: Matrix;
  /** ∂L/∂Wh [H, 3H], summed over time */
  dWh: Matrix;
  /** ∂L/∂bx [3H], summed over time */
  dbx: Float64Array;
  /** ∂L/∂bh [3H], summed over time */
  dbh: Float64Array;
}

/**
 * Run a GRU over a sequence.
 *
 * @param x inputs [N, T, D]
 * @param h0 initial hidden state [N, H]
 * @param Wx input-to-gates weights [D, 3H], column blocks r | z | n
 * @param Wh hidden-to-gates weights [H, 3H], same blocks
 * @param bx input biases [3H]
 * @param bh hidden biases [3H]
 * @param opts `{ resetAfter }` (default true, PyTorch/cuDNN; false: Cho et al. 2014, tf.layers.gru)
 * @returns `{ out, cache }` with out = hidden states [N, T, H]
 * @throws {RangeError} if the shapes do not agree or T = 0
 * @example
 * ```ts
 * import { gruForward } from "./gru_sequence.ts";
 * import { matrix } from "./matrix.ts";
 * import { tensor3 } from "./tensor3.ts";
 * const z = () => new Float64Array(15);
 * const { out } = gruForward(tensor3(2, 3, 4), matrix(2, 5), matrix(4, 15), matrix(5, 15), z(), z());
 * console.log(out.shape); // [2, 3, 5]
 * ```
 * @see notebook 06, "The GRU over a sequence"
 */
export function gruForward(
  x: Tensor3,
  h0: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  bx: Float64Array,
  bh: Float64Array,
  opts: GruOptions = {},
): { out: Tensor3; cache: GruCache } {
  _expectShape("gruForward", "x", x, [-1, -1, -1]);
  const [N, T] = x.shape;
  _expectShape("gruForward", "h0", h0, [N, -1]);
  if (T === 0) throw new RangeError(`gruForward: x is [${x.shape}], with no time steps`);
  const h = tensor3(N, T, h0.shape[1]); // [N, T, H]
  const steps: GruStepCache[] = [];
  let hPrev = h0;
  for (let t = 0; t < T; t++) {
    const { out, cache } = gruStepForward(timeStep(x, t), hPrev, Wx, Wh, bx, bh, opts); // [N, H]
    setTimeStep(h, t, out);
    steps.push(cache);
    hPrev = out;
  }
  return { out: h, cache: { steps } };
}

/**
 * Backpropagate through time in a GRU (the variant is read from the cache).
 *
 * @param dh upstream gradient ∂L/∂h for every step [N, T, H]
 * @param cache from gruForward
 * @param hooks optional `onStep(t, dhTotal)` to read ∂L/∂h_t at each step
 * @returns `{ dx [N, T, D], dh0 [N, H], dWx [D, 3H], dWh [H, 3H], dbx [3H], dbh [3H] }`
 * @throws {RangeError} if dh's shape differs from the forward output's
 * @example
 * ```ts
 * import { gruBackward, gruForward } from "./gru_sequence.ts";
 * import { matrix } from "./matrix.ts";
 * import { tensor3 } from "./tensor3.ts";
 * const z = () => new Float64Array(15);
 * const { out, cache } = gruForward(tensor3(2, 3, 4), matrix(2, 5), matrix(4, 15), matrix(5, 15), z(), z());
 * console.log(gruBackward(tensor3(...out.shape), cache).dWh.shape); // [5, 15]
 * ```
 * @see notebook 06, "The GRU over a sequence"
 */
export function gruBackward(dh: Tensor3, cache: GruCache, hooks: BpttHooks = {}): GruGrads {
  const T = cache.steps.length;
  const { x: x0, hPrev: h0 } = cache.steps[0];
  const [N, D] = x0.shape, H = h0.shape[1];
  _expectShape("gruBackward", "dh", dh, [N, T, H]);
  const dx = tensor3(N, T, D), dWx = matrix(D, 3 * H), dWh = matrix(H, 3 * H);
  const dbx = new Float64Array(3 * H), dbh = new Float64Array(3 * H);
  let dhNext = matrix(N, H); // flowing back from step t+1
  for (let t = T - 1; t >= 0; t--) {
    const dhT = timeStep(dh, t); // [N, H]
    _addInto(dhT.data, dhNext.data);
    hooks.onStep?.(t, dhT);
    const g = gruStepBackward(dhT, cache.steps[t]);
    setTimeStep(dx, t, g.dx);
    _addInto(dWx.data, g.dWx.data);
    _addInto(dWh.data, g.dWh.data);
    _addInto(dbx, g.dbx);
    _addInto(dbh, g.dbh);
    dhNext = g.dhPrev;
  }
  return { dx, dh0: dhNext, dWx, dWh, dbx, dbh };
}
