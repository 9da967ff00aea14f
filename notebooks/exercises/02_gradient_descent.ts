// deno-lint-ignore-file no-unused-vars -- the stub ignores its arguments until solved
/**
 * Exercise of notebook 02 (gradient descent: batch, mini-batch, stochastic): one epoch of
 * mini-batch SGD on the scratch MLP. Fill in the body, save, and re-run the check cell in the
 * notebook; `deno task grade 02` grades this file (with hidden checks too). Use
 * `mlpLossAndGrads` and `sgdStep` from lib/scratch; the part to write is the loop over batches.
 * @module
 */
import type { Matrix, Mlp } from "../../lib/scratch/mod.ts";
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
