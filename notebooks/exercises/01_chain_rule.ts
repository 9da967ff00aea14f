// deno-lint-ignore-file no-unused-vars -- the stubs ignore their arguments until solved
/**
 * Exercises of notebook 01 (a vanilla network and the chain rule): the backward pass of a dense
 * layer and the gradient of softmax cross-entropy, on plain Float64Array matrices. Fill in each
 * body, save, and re-run the check cell in the notebook; `deno task grade 01` grades this file
 * (with hidden checks too). You may use the helpers of lib/scratch/matrix.ts (matrix, matmul,
 * transpose, sumRows, …) but not the finished layers.
 * @module
 */
import type { DenseCache, Matrix } from "../../lib/scratch/mod.ts";
import { NotImplementedError } from "../../lib/util/errors.ts";

/**
 * Backward pass of a dense layer out = x·W + b (CS231n's `affine_backward`).
 *
 * Given the upstream gradient dOut = ∂L/∂out, return the gradient of the loss with respect to
 * each input of the layer:
 *   dx = dOut · Wᵀ   [N, D]
 *   dW = xᵀ · dOut   [D, H]
 *   db = Σₙ dOut[n, :]   [H]
 *
 * Hint: check the shapes first. Each gradient has the shape of the thing it is the gradient of,
 * and there is only one way to multiply dOut [N, H] with x [N, D] or W [D, H] to get it.
 *
 * @param dOut upstream gradient [N, H]
 * @param cache what the forward pass kept: x [N, D], W [D, H], b [H]
 * @returns `{ dx, dW, db }` with shapes [N, D], [D, H], [H]
 * @see notebook 01, "A batch in matrix form"; CS231n notes "Derivatives, backpropagation, and
 *   vectorization" (http://cs231n.stanford.edu/handouts/derivatives.pdf)
 */
export function denseBackward(
  dOut: Matrix,
  cache: DenseCache,
): { dx: Matrix; dW: Matrix; db: Float64Array } {
  // YOUR CODE HERE
  throw new NotImplementedError("01.1-dense-backward");
}

/**
 * Softmax cross-entropy over integer labels, mean over the batch, and its gradient:
 *   probs = softmax(logits) row by row
 *   loss = −(1/N) Σₙ log probs[n, yₙ]
 *   dLogits = (probs − onehot(y)) / N   [N, C]
 *
 * Hint: subtract each row's largest logit before exp (the softmax does not change, and exp no
 * longer overflows for logits like 1000). Do not forget the 1/N of the mean in the gradient.
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
