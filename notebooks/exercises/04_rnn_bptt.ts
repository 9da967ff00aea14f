// deno-lint-ignore-file no-unused-vars -- stubs: the parameters and helpers are for you to use
/**
 * Exercises of notebook 04 (the vanilla RNN and backpropagation through time): one RNN step
 * forward and backward, then BPTT over a whole sequence. Pure float64 code on the course's
 * `Matrix` ({ data: Float64Array, shape: [rows, cols] }, row-major) and `Tensor3` ([N, T, K])
 * types. Fill in each body, save, and re-run the check cell in the notebook; `deno task grade 04`
 * grades this file. Helpers you may use: matrix, matmul, transpose, addRow, sumRows, tensor3,
 * timeStep, setTimeStep from lib/scratch (imported below).
 * @module
 */
import {
  type Matrix,
  type RnnCache,
  type RnnGrads,
  type RnnStepCache,
  type RnnStepGrads,
  type Tensor3,
} from "../../lib/scratch/mod.ts";
// Helpers you may use:
import {
  addRow,
  matmul,
  matrix,
  setTimeStep,
  sumRows,
  tensor3,
  timeStep,
  transpose,
} from "../../lib/scratch/mod.ts";
import { NotImplementedError } from "../../lib/util/errors.ts";

/**
 * Exercise 04.1 — one forward step of a vanilla RNN: hNext = tanh(x·Wx + hPrev·Wh + b).
 *
 * Inputs (batch-first, weights [in, out]):
 * - x: input [N, D]
 * - hPrev: previous hidden state [N, H]
 * - Wx: input-to-hidden weights [D, H]
 * - Wh: hidden-to-hidden weights [H, H]
 * - b: bias [H]
 *
 * Returns `{ out, cache }`: out = hNext [N, H], and cache = { x, hPrev, Wx, Wh, hNext }, everything
 * the backward pass needs (keep the inputs themselves; no copies needed).
 *
 * Hint: matmul(x, Wx) is [N, H]; addRow adds b to every row; Math.tanh elementwise.
 * Reading: Karpathy (2015), "The Unreasonable Effectiveness of RNNs", and min-char-rnn's forward.
 */
export function rnnStepForward(
  x: Matrix,
  hPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
): { out: Matrix; cache: RnnStepCache } {
  // YOUR CODE HERE
  throw new NotImplementedError("04.1-rnn-step-forward");
}

/**
 * Exercise 04.2 — the backward pass of one RNN step.
 *
 * With a = x·Wx + hPrev·Wh + b and hNext = tanh(a), given dhNext = ∂L/∂hNext [N, H]:
 *   da = dhNext ⊙ (1 − hNext²)        (tanh' = 1 − tanh²)
 *   dx = da·Wxᵀ [N, D],  dhPrev = da·Whᵀ [N, H],
 *   dWx = xᵀ·da [D, H],  dWh = hPrevᵀ·da [H, H],  db = Σ_n da [H]
 *
 * @param dhNext upstream gradient [N, H]
 * @param cache `{ x, hPrev, Wx, Wh, hNext }` from rnnStepForward (the course's or yours)
 * @returns `{ dx, dhPrev, dWx, dWh, db }`, each shaped like what it is the gradient of
 *
 * Hint: every gradient has the shape of its variable; use that to order each matmul.
 * Reading: CS231n assignment 3, `rnn_step_backward`; min-char-rnn's backward pass.
 */
export function rnnStepBackward(dhNext: Matrix, cache: RnnStepCache): RnnStepGrads {
  // YOUR CODE HERE
  throw new NotImplementedError("04.2-rnn-step-backward");
}

/**
 * Exercise 04.3 — backpropagation through time over a whole sequence.
 *
 * The forward pass ran h_t = tanh(x_t·Wx + h_{t−1}·Wh + b) for t = 0..T−1 and kept one step cache
 * per step in `cache.steps`. Walk t from T−1 down to 0: the gradient reaching h_t is the upstream
 * dh[:, t] PLUS what flows back from step t+1 (that step's dhPrev); push it through step t with a
 * step backward; store dx[:, t]; ADD the step's dWx, dWh, db to running sums (the weights are shared
 * by every step). What flows out of step 0 is dh0.
 *
 * @param dh upstream gradient for every hidden state [N, T, H] (zeros where the loss ignores a step)
 * @param cache `{ steps }`, one RnnStepCache per time step, from rnnForward
 * @returns `{ dx [N, T, D], dh0 [N, H], dWx [D, H], dWh [H, H], db [H] }`
 *
 * Hint: timeStep(dh, t) copies out dh[:, t] as a Matrix [N, H]; setTimeStep(dx, t, m) writes one.
 * Call your rnnStepBackward above (or the course's, from lib/scratch) for each step.
 * Reading: Werbos (1990), "Backpropagation through time"; min-char-rnn's loop `for t in reversed(...)`.
 */
export function rnnBackward(dh: Tensor3, cache: RnnCache): RnnGrads {
  // YOUR CODE HERE
  throw new NotImplementedError("04.3-rnn-backward");
}
