// deno-lint-ignore-file no-unused-vars -- the stubs ignore their arguments until solved
/**
 * Exercises of notebook 01 (a vanilla network and the chain rule): the backward pass of a dense
 * layer, the gradient of softmax cross-entropy, and the backward pass of a two-layer net through
 * its tanh hidden layer, on plain Float64Array matrices. Fill in each body, save, and re-run the
 * check cell in the notebook; `deno task grade 01` grades this file (with hidden checks too). You may use the helpers of lib/scratch/matrix.ts (matrix, matmul,
 * transpose, sumRows, …) but not the finished layers.
 * @module
 */
import type { DenseCache, Matrix } from "../../lib/scratch/mod.ts";
import { NotImplementedError } from "../../lib/util/errors.ts";

/**
 * Backward pass of a dense layer out = x·W + b (CS231n's `affine_backward`).
 *
 * Contract:
 * - inputs: `dOut` [N, H], the upstream gradient ∂L/∂out of a scalar loss L; `cache`, what the
 *   forward pass kept: the input `x` [N, D], the weights `W` [D, H] and the bias `b` [H] (the
 *   same bias row is added to each of the N examples);
 * - output: `{ dx, dW, db }`, the gradients ∂L/∂x [N, D], ∂L/∂W [D, H] and ∂L/∂b [H]: each has the
 *   shape of the thing it is the gradient of;
 * - invariants: the cache is not changed; every gradient is linear in `dOut` (doubling dOut
 *   doubles each of them); N, D and H may be any positive sizes, and the checks make them all
 *   different, so a product taken in the wrong order fails on its shape.
 *
 * Notebook 01, "A batch in matrix form", writes the chain rule for one entry of W; collapsing its
 * sums into matrix products is the exercise.
 *
 * @param dOut upstream gradient [N, H]
 * @param cache what the forward pass kept: x [N, D], W [D, H], b [H]
 * @returns `{ dx, dW, db }` with shapes [N, D], [D, H], [H]
 * @see CS231n handout, "Derivatives, backpropagation, and vectorization"
 *   (http://cs231n.stanford.edu/handouts/derivatives.pdf)
 */
export function denseBackward(
  dOut: Matrix,
  cache: DenseCache,
): { dx: Matrix; dW: Matrix; db: Float64Array } {
  // YOUR CODE HERE
  throw new NotImplementedError("01.1-dense-backward");
}

/**
 * Softmax cross-entropy over integer labels, averaged over the batch, and its gradient.
 *
 * Contract:
 * - inputs: `logits` [N, C], unnormalised scores, any finite numbers (the checks use scores near
 *   1000, where `Math.exp` alone overflows); `labels` [N], the class of each example, integers in
 *   [0, C);
 * - output: `loss`, the mean over the N examples of −log p[n, yₙ], where p = softmax(logits) row
 *   by row; and `dLogits` [N, C], the gradient ∂loss/∂logits of that mean;
 * - invariants: the inputs are not changed; adding a constant to a row of logits changes neither
 *   the loss nor dLogits; each row of dLogits sums to 0; all-equal logits give loss log C.
 *
 * Notebook 01, "The loss at the top of the graph", derives the softmax's Jacobian; chaining it
 * with the derivative of −log p is the exercise.
 *
 * @param logits unnormalised scores [N, C]
 * @param labels class indices [N], integers in [0, C)
 * @returns `{ loss, dLogits }` with loss a number and dLogits [N, C]
 * @see notebook 01, "The loss at the top of the graph"; CS231n notes on softmax
 *   (https://cs231n.github.io/linear-classify/#softmax)
 */
export function softmaxCrossEntropy(
  logits: Matrix,
  labels: ArrayLike<number>,
): { loss: number; dLogits: Matrix } {
  // YOUR CODE HERE
  throw new NotImplementedError("01.2-softmax-cross-entropy");
}

/** What the forward pass of the two-layer net keeps for its backward pass. */
export interface TwoLayerCache {
  /** the input [N, D] */
  x: Matrix;
  /** first-layer weights [D, H] */
  W1: Matrix;
  /** first-layer bias [H] */
  b1: Float64Array;
  /** the hidden activations h = tanh(x·W1 + b1) [N, H] (the output of tanh, not its input) */
  h: Matrix;
  /** second-layer weights [H, C] */
  W2: Matrix;
  /** second-layer bias [C] */
  b2: Float64Array;
}

/**
 * Backward pass of a two-layer net with a tanh hidden layer, for a whole batch:
 * logits = tanh(x·W1 + b1)·W2 + b2.
 *
 * Contract:
 * - inputs: `dLogits` [N, C], the upstream gradient ∂L/∂logits of a scalar loss L (any loss: the
 *   checks use random upstream gradients, not only softmax cross-entropy); `cache`, see
 *   {@linkcode TwoLayerCache}: it holds the hidden activations h, not the pre-activations;
 * - output: `{ dx, dW1, db1, dW2, db2 }`, the gradients of L with respect to x [N, D], W1 [D, H],
 *   b1 [H], W2 [H, C] and b2 [C];
 * - invariants: the cache is not changed; L already contains whatever averaging the loss does
 *   (it is inside dLogits), so a weight's gradient collects every example's contribution;
 *   N, D, H and C may be any positive sizes.
 *
 * Notebook 01 derives the first steps (the top layer is a dense layer, exercise 01.1) and stops at
 * the hidden nonlinearity: expressing tanh's derivative through what the cache holds is yours.
 *
 * @param dLogits upstream gradient [N, C]
 * @param cache x [N, D], W1 [D, H], b1 [H], h [N, H], W2 [H, C], b2 [C]
 * @returns `{ dx, dW1, db1, dW2, db2 }` with the shapes of x, W1, b1, W2, b2
 * @see notebook 01, "Exercise 01.3"; CS231n assignment 1, "two_layer_net"
 */
export function twoLayerBackward(
  dLogits: Matrix,
  cache: TwoLayerCache,
): { dx: Matrix; dW1: Matrix; db1: Float64Array; dW2: Matrix; db2: Float64Array } {
  // YOUR CODE HERE
  throw new NotImplementedError("01.3-two-layer-backward");
}
