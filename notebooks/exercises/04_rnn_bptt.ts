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
 * - b: bias [H], added to every row
 *
 * Returns `{ out, cache }`: out = hNext [N, H], and cache = { x, hPrev, Wx, Wh, hNext }, everything
 * the backward pass needs (keep the inputs themselves; no copies needed).
 *
 * Invariants: the inputs are not changed; every entry of hNext lies in (−1, 1).
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
 * Exercise 04.2 — the backward pass of one RNN step (CS231n's `rnn_step_backward`).
 *
 * @param dhNext upstream gradient ∂L/∂hNext [N, H]: everything the loss sends back to this step's
 *   output (in a sequence, the step's own loss term plus what the next step sends back)
 * @param cache `{ x [N, D], hPrev [N, H], Wx [D, H], Wh [H, H], hNext [N, H] }` from
 *   rnnStepForward (the course's or yours); hNext = tanh(x·Wx + hPrev·Wh + b)
 * @returns `{ dx [N, D], dhPrev [N, H], dWx [D, H], dWh [H, H], db [H] }`: ∂L/∂ of each input,
 *   each the shape of its variable. The loss is a sum over the batch: do not average over N.
 *
 * Invariants: the cache is not changed; with dhNext = 0 every gradient is 0.
 * The notebook derives the gradient through the tanh and through one matrix product; the rest is
 * yours. Reading: CS231n assignment 3, `rnn_step_backward`; min-char-rnn's backward pass.
 */
export function rnnStepBackward(dhNext: Matrix, cache: RnnStepCache): RnnStepGrads {
  // YOUR CODE HERE
  throw new NotImplementedError("04.2-rnn-step-backward");
}

/**
 * Exercise 04.3 — backpropagation through time over a whole sequence (CS231n's `rnn_backward`).
 *
 * The forward pass ran h_t = tanh(x_t·Wx + h_{t−1}·Wh + b) for t = 0..T−1 from h_{−1} = h0 and
 * kept one step cache per step in `cache.steps` (cache.steps[t] is step t's RnnStepCache).
 *
 * @param dh upstream gradient for every hidden state [N, T, H]: dh[:, t] = ∂ℓ/∂h_t of the loss
 *   terms that read h_t directly (zeros where the loss ignores a step). It does NOT include the
 *   gradient carried back from step t+1: that one you compute.
 * @param cache `{ steps }` from rnnForward
 * @returns `{ dx [N, T, D], dh0 [N, H], dWx [D, H], dWh [H, H], db [H] }`, the total gradients
 *   of the loss with respect to x, the initial state h0 and the weights shared by every step
 *
 * Invariants: `dh` and the cache are not changed; for T = 1 the result is one step backward;
 * splitting the steps in two and running the later part first, then the earlier part with the
 * carried gradient added, gives the same result (the visible check tests this).
 *
 * Helpers: timeStep(dh, t) copies out dh[:, t] as a Matrix [N, H]; setTimeStep(dx, t, m) writes
 * one. Call your rnnStepBackward above (or the course's, from lib/scratch) for each step.
 * Reading: Werbos (1990), "Backpropagation through time"; min-char-rnn's loop `for t in reversed(...)`.
 */
export function rnnBackward(dh: Tensor3, cache: RnnCache): RnnGrads {
  // YOUR CODE HERE
  throw new NotImplementedError("04.3-rnn-backward");
}
