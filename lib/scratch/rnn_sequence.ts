/**
 * A vanilla RNN over a whole batch-first sequence, forward and backward through time (BPTT), built
 * on the step functions of rnn_cell.ts: h_t = tanh(x_t·Wx + h_{t−1}·Wh + b). Taught in notebook 04
 * (the unrolled graph, BPTT) and probed in notebook 05 (‖∂L/∂h_t‖ per step); follows CS231n
 * assignment 3's `rnn_forward`/`rnn_backward` and Werbos (1990).
 * @module
 */
import { type Matrix, matrix } from "./matrix.ts";
import { setTimeStep, type Tensor3, tensor3, timeStep } from "./tensor3.ts";
import { _addInto, _expectShape } from "./_rnn_ops.ts";
import { rnnStepBackward, type RnnStepCache, rnnStepForward } from "./rnn_cell.ts";

/** What rnnBackward needs: one step cache per time step. */
export interface RnnCache {
  /** step caches, index t = time step */
  steps: RnnStepCache[];
}

/** Gradients of a whole RNN sequence, named after the inputs. */
export interface RnnGrads {
  /** ∂L/∂x [N, T, D] */
  dx: Tensor3;
  /** ∂L/∂h0 [N, H] */
  dh0: Matrix;
  /** ∂L/∂Wx [D, H], summed over time */
  dWx: Matrix;
  /** ∂L/∂Wh [H, H], summed over time */
  dWh: Matrix;
  /** ∂L/∂b [H], summed over time */
  db: Float64Array;
}

/** Optional hooks into backpropagation through time (the gradient-norm probes of notebook 05). */
export interface BpttHooks {
  /**
   * Called for t = T−1 down to 0 with the total gradient ∂L/∂h_t [N, H] (the upstream dh[:, t] plus
   * what flows back from step t+1), before it goes through step t. For an LSTM `dcTotal` is ∂L/∂c_t.
   */
  onStep?: (t: number, dhTotal: Matrix, dcTotal?: Matrix) => void;
}

/**
 * Run a vanilla RNN over a sequence.
 *
 * @param x inputs [N, T, D]
 * @param h0 initial hidden state [N, H]
 * @param Wx input-to-hidden weights [D, H]
 * @param Wh hidden-to-hidden weights [H, H]
 * @param b bias [H]
 * @returns `{ out, cache }` with out = all hidden states [N, T, H] (out[:, t] is the state after
 *   reading x[:, t], so out[:, T−1] is the final state)
 * @throws {RangeError} if the shapes do not agree or T = 0
 * @example Hidden states for every step
 * ```ts
 * import { rnnForward } from "./rnn_sequence.ts";
 * import { matrix } from "./matrix.ts";
 * import { tensor3 } from "./tensor3.ts";
 * const { out } = rnnForward(tensor3(2, 3, 4), matrix(2, 5), matrix(4, 5), matrix(5, 5), new Float64Array(5));
 * console.log(out.shape); // [2, 3, 5]
 * ```
 * @see notebook 04, "Backpropagation through time"
 */
export function rnnForward(
  x: Tensor3,
  h0: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
): { out: Tensor3; cache: RnnCache } {
  _expectShape("rnnForward", "x", x, [-1, -1, -1]);
  const [N, T] = x.shape;
  _expectShape("rnnForward", "h0", h0, [N, -1]);
  if (T === 0) throw new RangeError(`rnnForward: x is [${x.shape}], with no time steps`);
  const h = tensor3(N, T, h0.shape[1]); // [N, T, H]
  const steps: RnnStepCache[] = [];
  let hPrev = h0;
  for (let t = 0; t < T; t++) {
    const { out, cache } = rnnStepForward(timeStep(x, t), hPrev, Wx, Wh, b); // [N, H]
    setTimeStep(h, t, out);
    steps.push(cache);
    hPrev = out;
  }
  return { out: h, cache: { steps } };
}

/**
 * Backpropagate through time: walk the steps from T−1 down to 0, add the upstream dh[:, t] to the
 * gradient carried back from step t+1, and sum the weight gradients over time.
 *
 * @param dh upstream gradient ∂L/∂h for every step [N, T, H] (zeros where the loss ignores a step)
 * @param cache from rnnForward
 * @param hooks optional `onStep(t, dhTotal)` to read ∂L/∂h_t at each step
 * @returns `{ dx [N, T, D], dh0 [N, H], dWx [D, H], dWh [H, H], db [H] }`
 * @throws {RangeError} if dh's shape differs from the forward output's
 * @example Read ‖∂L/∂h_t‖ with the loss on the last step only
 * ```ts
 * import { rnnBackward, rnnForward } from "./rnn_sequence.ts";
 * import { matrix } from "./matrix.ts";
 * import { tensor3 } from "./tensor3.ts";
 * const { out, cache } = rnnForward(tensor3(2, 3, 4), matrix(2, 5), matrix(4, 5), matrix(5, 5), new Float64Array(5));
 * const dh = tensor3(...out.shape);
 * dh.data[2 * 5] = 1; // ∂L/∂h[0, 2, 0]
 * const norms: number[] = [];
 * rnnBackward(dh, cache, { onStep: (t, d) => (norms[t] = Math.hypot(...d.data)) });
 * console.log(norms); // [0, 0, 1]: Wh is zero, so nothing flows back
 * ```
 * @see notebook 04, "Backpropagation through time"; notebook 05 for the per-step norms
 */
export function rnnBackward(dh: Tensor3, cache: RnnCache, hooks: BpttHooks = {}): RnnGrads {
  const T = cache.steps.length;
  const { x: x0, hPrev: h0 } = cache.steps[0];
  const [N, D] = x0.shape, H = h0.shape[1];
  _expectShape("rnnBackward", "dh", dh, [N, T, H]);
  const dx = tensor3(N, T, D), dWx = matrix(D, H), dWh = matrix(H, H), db = new Float64Array(H);
  let dhNext = matrix(N, H); // the gradient flowing back from step t+1
  for (let t = T - 1; t >= 0; t--) {
    const dhT = timeStep(dh, t); // [N, H]
    _addInto(dhT.data, dhNext.data);
    hooks.onStep?.(t, dhT);
    const g = rnnStepBackward(dhT, cache.steps[t]);
    setTimeStep(dx, t, g.dx);
    _addInto(dWx.data, g.dWx.data);
    _addInto(dWh.data, g.dWh.data);
    _addInto(db, g.db);
    dhNext = g.dhPrev;
  }
  return { dx, dh0: dhNext, dWx, dWh, db };
}
