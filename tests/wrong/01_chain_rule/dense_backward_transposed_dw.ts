/**
 * A planted mistake for 01.1-dense-backward: dW computed as dOutᵀ·x: the right numbers, transposed
 * to [H, D].
 * @module
 */
import {
  type DenseCache,
  matmul,
  type Matrix,
  sumRows,
  transpose,
} from "../../../lib/scratch/mod.ts";

/** dW computed as dOutᵀ·x: the right numbers, transposed to [H, D]. */
export function denseBackward(
  dOut: Matrix,
  cache: DenseCache,
): { dx: Matrix; dW: Matrix; db: Float64Array } {
  const dx = matmul(dOut, transpose(cache.W)); // [N, D]
  const dW = matmul(transpose(dOut), cache.x); // [H, D]: transposed
  return { dx, dW, db: sumRows(dOut) };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "01.1-dense-backward": /transposed/,
};
