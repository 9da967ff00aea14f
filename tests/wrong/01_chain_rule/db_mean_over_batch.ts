/**
 * A planted mistake for 01.1: db averages the upstream gradient over the batch instead of summing
 * it (the bias is added to every example, so every example's gradient reaches it in full).
 * @module
 */
import {
  type DenseCache,
  matmul,
  type Matrix,
  sumRows,
  transpose,
} from "../../../lib/scratch/mod.ts";

/** Dense backward with db = mean over the batch. */
export function denseBackward(
  dOut: Matrix,
  cache: DenseCache,
): { dx: Matrix; dW: Matrix; db: Float64Array } {
  const n = dOut.shape[0];
  const dx = matmul(dOut, transpose(cache.W)); // [N, D]
  const dW = matmul(transpose(cache.x), dOut); // [D, H]
  const db = sumRows(dOut).map((v) => v / n); // [H]: a mean, not a sum
  return { dx, dW, db };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "01.1-dense-backward": /mean over the batch/,
};
