/**
 * A common mistake in 08.1: the shortcut's gradient dz is added to dx whatever cache.shortcut
 * says, so a plain block (no "x +" in its forward pass) gets an identity path it does not have.
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

/** Residual block backward that ignores cache.shortcut. */
export function residualBlockBackward(dOut: Matrix, cache: ResidualBlockCache): ResidualBlockGrads {
  const dz = activationBackward(dOut, cache.act2).dx;
  const { dx: da1, dW: dW2, db: db2 } = denseBackward(dz, cache.dense2);
  const dd1 = activationBackward(da1, cache.act1).dx;
  const { dx: dxBranch, dW: dW1, db: db1 } = denseBackward(dd1, cache.dense1);
  const dx = matrix(dz.shape[0], dz.shape[1], dz.data.map((v, i) => v + dxBranch.data[i]));
  return { dx, dW1, db1, dW2, db2 };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "08.1-residual-block-backward": /cache\.shortcut is false/,
};
