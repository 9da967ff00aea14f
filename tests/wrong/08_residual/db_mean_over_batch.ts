/**
 * A common mistake in 08.1: the biases' gradients averaged over the batch instead of summed (the
 * same b serves all N rows, so each row's contribution adds up).
 * @module
 */
import {
  activationBackward,
  denseBackward,
  type Matrix,
  matrix,
  type ResidualBlockCache,
  type ResidualBlockGrads,
} from "../../../lib/scratch/mod.ts";

/** Residual block backward whose db1 and db2 are means over the N rows. */
export function residualBlockBackward(dOut: Matrix, cache: ResidualBlockCache): ResidualBlockGrads {
  const N = dOut.shape[0];
  const dz = activationBackward(dOut, cache.act2).dx;
  const { dx: da1, dW: dW2, db: db2Sum } = denseBackward(dz, cache.dense2);
  const dd1 = activationBackward(da1, cache.act1).dx;
  const { dx: dxBranch, dW: dW1, db: db1Sum } = denseBackward(dd1, cache.dense1);
  const dx = cache.shortcut
    ? matrix(N, dz.shape[1], dz.data.map((v, i) => v + dxBranch.data[i]))
    : dxBranch;
  return { dx, dW1, db1: db1Sum.map((v) => v / N), dW2, db2: db2Sum.map((v) => v / N) };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "08.1-residual-block-backward": /mean over the N/,
};
