/**
 * Reference solution of notebook 08's exercise (instructors: delete tests/solutions/ before
 * handing the course out; see README "Exercises").
 * @module
 */
import {
  activationBackward,
  denseBackward,
  type Matrix,
  matrix,
  type ResidualBlockCache,
  type ResidualBlockGrads,
} from "../../lib/scratch/mod.ts";

/** Reference backward pass of a residual block: the shortcut adds dz to the branch's dx. */
export function residualBlockBackward(dOut: Matrix, cache: ResidualBlockCache): ResidualBlockGrads {
  const dz = activationBackward(dOut, cache.act2).dx; // [N, H]
  const { dx: da1, dW: dW2, db: db2 } = denseBackward(dz, cache.dense2); // [N, K], [K, H], [H]
  const dd1 = activationBackward(da1, cache.act1).dx; // [N, K]
  const { dx: dxBranch, dW: dW1, db: db1 } = denseBackward(dd1, cache.dense1); // [N, H], [H, K], [K]
  const dx = cache.shortcut
    ? matrix(dz.shape[0], dz.shape[1], dz.data.map((v, i) => v + dxBranch.data[i]))
    : dxBranch;
  return { dx, dW1, db1, dW2, db2 };
}
