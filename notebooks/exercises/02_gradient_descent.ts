// deno-lint-ignore-file no-unused-vars -- the stub ignores its arguments until solved
/**
 * Exercises of notebook 02 (gradient descent: batch, mini-batch, stochastic): one epoch of
 * mini-batch SGD on the scratch MLP, the gradient of a batch's loss for the line model, and one
 * step of Adam. Fill in each body, save, and re-run the check cell in the notebook;
 * `deno task grade 02` grades this file (with hidden checks too). For 02.1 use `mlpLossAndGrads`
 * and `sgdStep` from lib/scratch (the part to write is the loop over batches); 02.2 and 02.3 are
 * plain arithmetic on numbers and Float64Arrays (do not import lib/scratch/adam.ts).
 * @module
 */
import type { AdamState, Matrix, Mlp } from "../../lib/scratch/mod.ts";
import { NotImplementedError } from "../../lib/util/errors.ts";

/**
 * One epoch of mini-batch stochastic gradient descent, updating the model in place.
 *
 * Walk through the examples in the given `order`, `batchSize` at a time: the first batch is rows
 * order[0 … B−1] of x, the next order[B … 2B−1], and so on. For each batch:
 *   1. copy its rows of x into a [B, D] matrix and its labels into a [B] array,
 *   2. compute the mean loss and gradients on the batch with `mlpLossAndGrads(model, xb, yb)`,
 *   3. update the weights with `sgdStep(model, grads, lr)`, θ ← θ − lr·∇θL.
 * When N is not a multiple of B, the last batch is smaller (N mod B examples): it still counts,
 * so an epoch makes ⌈N / B⌉ updates and every example is used exactly once.
 *
 * Hint: `matrix(B, D)` makes an empty batch; `x.data.subarray(i * D, (i + 1) * D)` is row i.
 *
 * @param model the scratch MLP (its weights change)
 * @param x inputs [N, D] (not changed)
 * @param labels class indices [N]
 * @param order a permutation of 0 … N−1 (the epoch's shuffle)
 * @param batchSize B, 1 ≤ B ≤ N
 * @param lr learning rate
 * @returns the loss of each batch, computed before its update [⌈N / B⌉]
 * @see notebook 02, "Mini-batch SGD by hand"; Bottou, "Stochastic gradient descent tricks" (2012)
 */
export function sgdEpoch(
  model: Mlp,
  x: Matrix,
  labels: ArrayLike<number>,
  order: ArrayLike<number>,
  batchSize: number,
  lr: number,
): number[] {
  // YOUR CODE HERE
  throw new NotImplementedError("02.1-sgd-epoch");
}

/**
 * The mean squared error of the line model ŷ = w·x + b on a batch, and its gradient.
 *
 * Contract:
 * - inputs: the two parameters `w` and `b`; the batch's inputs `x` [N] and targets `y` [N];
 * - output: `loss`, the mean over the N examples of (w·xₙ + b − yₙ)², and `dw`, `db`, the partial
 *   derivatives of that same mean with respect to w and b;
 * - invariants: the inputs are not changed; N may be any positive size; duplicating every
 *   example (the batch twice over) changes neither the loss nor the gradient.
 *
 * @param w slope
 * @param b intercept
 * @param x inputs [N]
 * @param y targets [N]
 * @returns `{ loss, dw, db }`, three numbers
 * @see notebook 02, "1. A model with two parameters"
 */
export function lineLossAndGrad(
  w: number,
  b: number,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): { loss: number; dw: number; db: number } {
  // YOUR CODE HERE
  throw new NotImplementedError("02.2-line-gradient");
}

/**
 * One step of Adam (Kingma & Ba 2015, Algorithm 1), as a pure function: a state in, a new state
 * out.
 *
 * Contract:
 * - inputs: the parameters `params` θ [P]; their gradient `grads` g [P]; the `state` left by the
 *   previous step, `{ m, v, t }` with the first- and second-moment estimates m [P], v [P] and the
 *   number t of steps taken so far (a fresh state has zeros and t = 0); the hyperparameters
 *   `opts` α (`lr`), β₁, β₂ and ε;
 * - output: `{ params, state }`, the updated parameters [P] and the new state, whose t counts
 *   this step too; both are new arrays (the inputs are not changed, so the caller can keep the
 *   old state);
 * - invariants: the moments are bias-corrected as in the paper, so a constant gradient moves
 *   each parameter by about α per step from the very first step; ε is added to the square root
 *   of the corrected second moment, as in the paper (and PyTorch).
 *
 * Notebook 02, "Adam by hand", derives why the moment estimates need the correction.
 *
 * @param params θ [P]
 * @param grads g [P]
 * @param state m [P], v [P], t
 * @param opts lr, beta1, beta2, eps
 * @returns the new θ [P] and the new state
 * @see D. P. Kingma, J. Ba (2015), "Adam: a method for stochastic optimization", Algorithm 1 and
 *   section 3 (https://arxiv.org/abs/1412.6980)
 */
export function adamStep(
  params: Float64Array,
  grads: Float64Array,
  state: AdamState,
  opts: { lr: number; beta1: number; beta2: number; eps: number },
): { params: Float64Array; state: AdamState } {
  // YOUR CODE HERE
  throw new NotImplementedError("02.3-adam-step");
}
