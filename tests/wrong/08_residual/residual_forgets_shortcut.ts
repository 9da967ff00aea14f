/**
 * A planted mistake for 08.1-residual-block-backward: backprop through the branch only: forgets
 * that x also reaches the sum directly.
 * @module
 */
import {
  activationBackward,
  denseBackward,
  type Matrix,
  type ResidualBlockCache,
  type ResidualBlockGrads,
} from "../../../lib/scratch/mod.ts";

/** Backprop through the branch only: forgets that x also reaches the sum directly. */
export function residualBlockBackward(dOut: Matrix, cache: ResidualBlockCache): ResidualBlockGrads {
  const dz = activationBackward(dOut, cache.act2).dx;
  const { dx: da1, dW: dW2, db: db2 } = denseBackward(dz, cache.dense2);
  const dd1 = activationBackward(da1, cache.act1).dx;
  const { dx, dW: dW1, db: db1 } = denseBackward(dd1, cache.dense1);
  return { dx, dW1, db1, dW2, db2 };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "08.1-residual-block-backward": /shortcut/,
};
