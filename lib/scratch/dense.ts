/**
 * The dense (affine) layer out = x·W + b and its backward pass, written one chain-rule step per
 * line as notebook 01 derives them. Follows CS231n's `affine_forward`/`affine_backward`, batch-first
 * with W of shape [D, H].
 * @module
 */
import { addRow, matmul, type Matrix, sumRows, transpose } from "./matrix.ts";

/** What denseBackward needs from the forward pass. */
export interface DenseCache {
  /** the input [N, D] */
  x: Matrix;
  /** the weights [D, H] */
  W: Matrix;
  /** the bias [H] */
  b: Float64Array;
}

/**
 * Forward pass of a dense layer: out = x·W + b.
 *
 * @param x inputs [N, D]
 * @param W weights [D, H]
 * @param b bias [H]
 * @returns `{ out, cache }` with out [N, H]
 * @throws {RangeError} if the shapes do not fit together
 * @example One example, two inputs, one output
 * ```ts
 * import { denseForward } from "./dense.ts";
 * import { fromRows } from "./matrix.ts";
 * const { out } = denseForward(fromRows([[1, 2]]), fromRows([[3], [4]]), Float64Array.of(0.5));
 * console.log(out.data[0]); // 11.5
 * ```
 * @see notebook 01 (a vanilla network and the chain rule)
 */
export function denseForward(
  x: Matrix,
  W: Matrix,
  b: Float64Array,
): { out: Matrix; cache: DenseCache } {
  if (x.shape[1] !== W.shape[0] || W.shape[1] !== b.length) {
    throw new RangeError(
      `denseForward: x is [${x.shape}], W is [${W.shape}] and b is [${b.length}]; expected [N, D], [D, H], [H]`,
    );
  }
  const out = addRow(matmul(x, W), b); // [N, H]
  return { out, cache: { x, W, b } };
}

/**
 * Backward pass of a dense layer: the gradients of the loss with respect to x, W and b.
 *
 * @param dOut upstream gradient dL/dout [N, H]
 * @param cache from denseForward
 * @returns `{ dx, dW, db }` with shapes [N, D], [D, H], [H]
 * @throws {RangeError} if dOut's shape does not match the forward output
 * @example
 * ```ts
 * import { denseBackward, denseForward } from "./dense.ts";
 * import { fromRows } from "./matrix.ts";
 * const { cache } = denseForward(fromRows([[1, 2]]), fromRows([[3], [4]]), Float64Array.of(0));
 * const { dW } = denseBackward(fromRows([[1]]), cache);
 * console.log(Array.from(dW.data)); // [1, 2]
 * ```
 */
export function denseBackward(
  dOut: Matrix,
  cache: DenseCache,
): { dx: Matrix; dW: Matrix; db: Float64Array } {
  const { x, W } = cache;
  if (dOut.shape[0] !== x.shape[0] || dOut.shape[1] !== W.shape[1]) {
    throw new RangeError(
      `denseBackward: dOut is [${dOut.shape}] but the forward output was [${x.shape[0]},${
        W.shape[1]
      }]`,
    );
  }
  const dx = matmul(dOut, transpose(W)); // dL/dx = dL/dout · Wᵀ       [N, D]
  const dW = matmul(transpose(x), dOut); // dL/dW = xᵀ · dL/dout       [D, H]
  const db = sumRows(dOut); //              dL/db = Σₙ dL/dout[n, :]   [H]
  return { dx, dW, db };
}
