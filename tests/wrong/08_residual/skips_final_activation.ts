/**
 * A common mistake in 08.1: the backward pass starts at the sum z instead of the output: it
 * forgets the final activation out = act(z), using dOut as if it were ∂L/∂z.
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

/** Residual block backward that skips the final activation. */
export function residualBlockBackward(dOut: Matrix, cache: ResidualBlockCache): ResidualBlockGrads {
  const dz = dOut; // forgets to backpropagate through the final activation out = act(z)
  const { dx: da1, dW: dW2, db: db2 } = denseBackward(dz, cache.dense2);
  const dd1 = activationBackward(da1, cache.act1).dx;
  const { dx: dxBranch, dW: dW1, db: db1 } = denseBackward(dd1, cache.dense1);
  const dx = cache.shortcut
    ? matrix(dz.shape[0], dz.shape[1], dz.data.map((v, i) => v + dxBranch.data[i]))
    : dxBranch;
  return { dx, dW1, db1, dW2, db2 };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "08.1-residual-block-backward": /final activation/,
};
