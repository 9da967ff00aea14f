// deno-lint-ignore-file no-unused-vars -- stubs: the parameters and helpers are for you to use
/**
 * Exercises of notebook 06 (LSTM and GRU): one forward step of each cell, gate by gate, in the
 * course's layout (batch-first, weights [in, out], the gates' weights fused side by side in column
 * blocks). Pure float64 code; fill in each body, save, and re-run the check cell;
 * `deno task grade 06` grades this file.
 * @module
 */
import { addRow, matmul, type Matrix, matrix, sigmoid } from "../../lib/scratch/mod.ts";
import { NotImplementedError } from "../../lib/util/errors.ts";

/**
 * Exercise 06.1 — one LSTM step (Hochreiter & Schmidhuber 1997, with a forget gate).
 *
 * a = x·Wx + hPrev·Wh + b is [N, 4H]; its column blocks are, in this order (PyTorch's):
 *   i = σ(a[:, 0:H]), f = σ(a[:, H:2H]), g = tanh(a[:, 2H:3H]), o = σ(a[:, 3H:4H])
 *   cNext = f ⊙ cPrev + i ⊙ g,   hNext = o ⊙ tanh(cNext)
 *
 * @param x input [N, D]
 * @param hPrev previous hidden state [N, H]
 * @param cPrev previous cell state [N, H]
 * @param Wx input-to-gates weights [D, 4H]
 * @param Wh hidden-to-gates weights [H, 4H]
 * @param b gate biases [4H]
 * @returns `{ out: hNext [N, H], cNext [N, H] }`
 *
 * Hint: in row n, gate i of unit j is column j, gate f column H + j, g 2H + j, o 3H + j of a.
 * `sigmoid(z)` is imported for you. CS231n orders the blocks i | f | o | g; we do not.
 * Reading: Colah (2015), "Understanding LSTM Networks"; Pitis (2016), "Written Memories".
 */
export function lstmStepForward(
  x: Matrix,
  hPrev: Matrix,
  cPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
): { out: Matrix; cNext: Matrix } {
  // YOUR CODE HERE
  throw new NotImplementedError("06.1-lstm-step-forward");
}

/**
 * Exercise 06.2 — one GRU step (Cho et al. 2014), PyTorch's variant.
 *
 * ax = x·Wx + bx and ah = hPrev·Wh + bh are [N, 3H], column blocks r | z | n:
 *   r = σ(ax_r + ah_r),  z = σ(ax_z + ah_z)
 *   n = tanh(ax_n + r ⊙ ah_n)          (PyTorch: r multiplies hPrev·Wh_n + bh_n, AFTER the matmul)
 *   hNext = (1 − z) ⊙ n + z ⊙ hPrev     (z close to 1 keeps the old state)
 *
 * @param x input [N, D]
 * @param hPrev previous hidden state [N, H]
 * @param Wx input-to-gates weights [D, 3H]
 * @param Wh hidden-to-gates weights [H, 3H]
 * @param bx input biases [3H]
 * @param bh hidden biases [3H]
 * @returns `{ out: hNext [N, H] }`
 *
 * Hint: compute ax and ah once each, then loop over n, j with block offsets 0, H, 2H.
 * Cho et al.'s original (and tf.layers.gru) use (r ⊙ hPrev)·Wh_n instead; here we follow PyTorch.
 * Reading: Cho et al. (2014), "Learning Phrase Representations using RNN Encoder–Decoder", §2.3.
 */
export function gruStepForward(
  x: Matrix,
  hPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  bx: Float64Array,
  bh: Float64Array,
): { out: Matrix } {
  // YOUR CODE HERE
  throw new NotImplementedError("06.2-gru-step-forward");
}
