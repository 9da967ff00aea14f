// deno-lint-ignore-file no-unused-vars -- stubs: the parameters and helpers are for you to use
/**
 * Exercises of notebook 06 (LSTM and GRU): the forward and backward pass of one LSTM step, the
 * LSTM over a whole sequence and its backpropagation through time (through c and h), and one GRU
 * step forward and backward (PyTorch's variant). Pure float64 code on the course's `Matrix`
 * ({ data: Float64Array, shape: [rows, cols] }, row-major) and `Tensor3` ([N, T, K]) types, in the
 * course's layout: batch-first, weights [in, out], the gates' weights fused side by side in column
 * blocks. Fill in each body, save, and re-run the check cell; `deno task grade 06` grades this file.
 *
 * Letters: N batch, T time steps, D input features, H hidden units.
 * Notebook 07 trains a language model on YOUR lstmStepForward/lstmStepBackward/lstmForward/
 * lstmBackward once they pass: keep their names and signatures.
 * @module
 */
import type {
  GruStepCache,
  GruStepGrads,
  LstmCache,
  LstmGrads,
  LstmStepCache,
  LstmStepGrads,
  Matrix,
  Tensor3,
} from "../../lib/scratch/mod.ts";
// Helpers you may use:
import {
  addRow,
  matmul,
  matrix,
  setTimeStep,
  sigmoid,
  sumRows,
  tensor3,
  timeStep,
  transpose,
} from "../../lib/scratch/mod.ts";
import { NotImplementedError } from "../../lib/util/errors.ts";

/**
 * Exercise 06.1 — one LSTM step forward.
 *
 * The four gates come from one affine map a = x·Wx + hPrev·Wh + b [N, 4H], read in column blocks
 * of H in the order i | f | g | o (PyTorch's and tfjs's; CS231n uses i | f | o | g). The notebook
 * gives the gate and state equations.
 *
 * @param x input [N, D]
 * @param hPrev previous hidden state [N, H]
 * @param cPrev previous cell state [N, H]
 * @param Wx input-to-gates weights [D, 4H]
 * @param Wh hidden-to-gates weights [H, 4H]
 * @param b gate biases [4H]
 * @returns `{ out: hNext [N, H], cNext [N, H], cache }` where cache is an LstmStepCache:
 *   `{ x, hPrev, cPrev, Wx, Wh }` (the inputs themselves, no copies needed), the four gate
 *   activations `i, f, g, o` [N, H] each (after σ or tanh), `cNext` and `tanhC = tanh(cNext)` [N, H].
 *   The course's lstmStepBackward (and yours, 06.3) reads exactly these fields.
 *
 * Invariants: inputs are not modified; every [N, H] result is a fresh matrix.
 * Reading: Colah (2015), "Understanding LSTM Networks"; CS231n assignment 3, `lstm_step_forward`.
 */
export function lstmStepForward(
  x: Matrix,
  hPrev: Matrix,
  cPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
): { out: Matrix; cNext: Matrix; cache: LstmStepCache } {
  // YOUR CODE HERE
  throw new NotImplementedError("06.1-lstm-step-forward");
}

/**
 * Exercise 06.2 — one GRU step forward, PyTorch's variant (the reset gate multiplies the hidden
 * pre-activation of the candidate AFTER the matrix product; see the notebook's equations).
 *
 * ax = x·Wx + bx and ah = hPrev·Wh + bh are [N, 3H], read in column blocks r | z | n.
 *
 * @param x input [N, D]
 * @param hPrev previous hidden state [N, H]
 * @param Wx input-to-gates weights [D, 3H]
 * @param Wh hidden-to-gates weights [H, 3H]
 * @param bx input biases [3H]
 * @param bh hidden biases [3H]
 * @returns `{ out: hNext [N, H], cache }` where cache is a GruStepCache: `{ x, hPrev, Wx, Wh }`,
 *   the gates `r, z` [N, H], the candidate `n` [N, H], `hn` = the n block of ah [N, H] (what r
 *   multiplies), and `resetAfter: true`.
 *
 * Invariants: inputs are not modified.
 * Reading: Cho et al. (2014), §2.3; PyTorch's `torch.nn.GRU` documentation (the equations).
 */
export function gruStepForward(
  x: Matrix,
  hPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  bx: Float64Array,
  bh: Float64Array,
): { out: Matrix; cache: GruStepCache } {
  // YOUR CODE HERE
  throw new NotImplementedError("06.2-gru-step-forward");
}

/**
 * Exercise 06.3 — one LSTM step backward.
 *
 * Given the gradients flowing into this step's two outputs, return the gradient of the loss with
 * respect to each of its six inputs. dcNext is the gradient that reaches cNext from step t+1 (the
 * cell-state path); dhNext reaches hNext (from the loss at this step and from step t+1).
 *
 * @param dhNext ∂L/∂hNext [N, H]
 * @param dcNext ∂L/∂cNext along the cell path from step t+1 [N, H] (zeros at the last step)
 * @param cache an LstmStepCache from lstmStepForward (the course's or yours; see 06.1)
 * @returns `{ dx [N, D], dhPrev [N, H], dcPrev [N, H], dWx [D, 4H], dWh [H, 4H], db [4H] }`:
 *   each gradient has the shape of its variable; the weight gradients' column blocks are in the
 *   order i | f | g | o, like the weights.
 *
 * Invariants: the cache and upstream gradients are not modified.
 * Reading: CS231n assignment 3, `lstm_step_backward`; Pitis (2016), "Written Memories".
 */
export function lstmStepBackward(
  dhNext: Matrix,
  dcNext: Matrix,
  cache: LstmStepCache,
): LstmStepGrads {
  // YOUR CODE HERE
  throw new NotImplementedError("06.3-lstm-step-backward");
}

/**
 * Exercise 06.4 — the LSTM over a whole sequence (forward).
 *
 * Run the step of 06.1 for t = 0..T−1, carrying both states from one step to the next.
 *
 * @param x inputs [N, T, D]
 * @param h0 initial hidden state [N, H]
 * @param Wx input-to-gates weights [D, 4H] (blocks i | f | g | o)
 * @param Wh hidden-to-gates weights [H, 4H]
 * @param b gate biases [4H]
 * @param c0 initial cell state [N, H]; zeros when omitted (CS231n's convention)
 * @returns `{ out, c, cache }`: out = every hidden state h_0..h_{T−1}, i.e. h after each step
 *   [N, T, H]; c = every cell state [N, T, H]; cache = `{ steps }`, an LstmCache holding one
 *   LstmStepCache per step, steps[t] for time t.
 *
 * Invariants: inputs are not modified; T ≥ 1.
 * Reading: CS231n assignment 3, `lstm_forward`.
 */
export function lstmForward(
  x: Tensor3,
  h0: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
  c0?: Matrix,
): { out: Tensor3; c: Tensor3; cache: LstmCache } {
  // YOUR CODE HERE
  throw new NotImplementedError("06.4-lstm-forward");
}

/**
 * Exercise 06.5 — backpropagation through time in an LSTM, through both h and c.
 *
 * @param dh ∂L/∂h_t for every step, from the loss only [N, T, H] (zeros where the loss ignores a
 *   step); what flows back from step t+1 is yours to add
 * @param cache `{ steps }` from lstmForward (the course's or yours)
 * @param opts `dcLast`: ∂L/∂c at the last step [N, H], for a loss that reads the final cell state
 *   (zeros when omitted)
 * @returns `{ dx [N, T, D], dh0 [N, H], dc0 [N, H], dWx [D, 4H], dWh [H, 4H], db [4H] }`: dh0 and
 *   dc0 are the gradients that reach the initial states; the weight gradients are totals over all
 *   steps (the weights are shared).
 *
 * Invariants: dh and the cache are not modified. Two calls compose: BPTT over the steps k..T−1,
 * then over 0..k−1 with the first call's dh0 added to dh at step k−1 and its dc0 as dcLast, gives
 * the same dh0, dc0 and (summed) weight gradients as one call over all steps.
 * Reading: CS231n assignment 3, `lstm_backward`; notebook 05 (why the c path keeps gradients).
 */
export function lstmBackward(
  dh: Tensor3,
  cache: LstmCache,
  opts: { dcLast?: Matrix } = {},
): LstmGrads {
  // YOUR CODE HERE
  throw new NotImplementedError("06.5-lstm-backward");
}

/**
 * Exercise 06.6 — one GRU step backward (PyTorch's variant, as in 06.2).
 *
 * @param dhNext ∂L/∂hNext [N, H]
 * @param cache a GruStepCache from gruStepForward (the course's or yours) with resetAfter = true
 * @returns `{ dx [N, D], dhPrev [N, H], dWx [D, 3H], dWh [H, 3H], dbx [3H], dbh [3H] }`, blocks
 *   r | z | n like the weights.
 *
 * Invariants: the cache and dhNext are not modified. Note: bx and bh enter the r and z gates only
 * through their sum, but not the candidate n; so dbx and dbh agree in two blocks and differ in one.
 * Reading: PyTorch's `torch.nn.GRU` equations; Cho et al. (2014).
 */
export function gruStepBackward(dhNext: Matrix, cache: GruStepCache): GruStepGrads {
  // YOUR CODE HERE
  throw new NotImplementedError("06.6-gru-step-backward");
}
