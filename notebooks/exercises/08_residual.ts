// deno-lint-ignore-file no-unused-vars -- stubs: the parameters and helpers are for you to use
/**
 * Exercises of notebook 08 (the degradation problem and residual connections): the backward pass
 * of a residual block. Pure float64 code on the course's `Matrix` ({ data: Float64Array, shape:
 * [rows, cols] }, row-major). Fill in the body, save, and re-run the check cell in the notebook;
 * `deno task grade 08` grades this file. Helpers you may use: denseBackward, activationBackward and
 * matrix from lib/scratch (imported below).
 * @module
 */
import type { Matrix, ResidualBlockCache, ResidualBlockGrads } from "../../lib/scratch/mod.ts";
// Helpers you may use:
import { activationBackward, denseBackward, matrix } from "../../lib/scratch/mod.ts";
import { NotImplementedError } from "../../lib/util/errors.ts";

/**
 * Exercise 08.1 — the backward pass of a residual block.
 *
 * The forward pass (the course's `residualBlockForward`, He et al. 2015, Fig. 2):
 *   a1  = act(x·W1 + b1)              [N, K]
 *   z   = x + (a1·W2 + b2)            [N, H]   (without the shortcut: z = a1·W2 + b2)
 *   out = act(z)                      [N, H]
 *
 * Its cache holds what you need: `dense1` = { x, W: W1, b: b1 }, `act1` (the first activation's
 * cache), `dense2` = { x: a1, W: W2, b: b2 }, `act2` (the second's), and `shortcut` (true when
 * the "x +" was there).
 *
 * @param dOut upstream gradient ∂L/∂out [N, H]
 * @param cache from residualBlockForward
 * @returns `{ dx, dW1, db1, dW2, db2 }`, each shaped like its variable: [N, H], [H, K], [K],
 *   [K, H], [H]
 *
 * Hint: go backwards one line at a time: activationBackward(dOut, cache.act2) gives dz; the
 * branch is two dense layers and an activation (denseBackward, activationBackward). x is used
 * twice in the forward pass (in the branch and in the sum), so its gradient is the SUM of what
 * comes back along both paths. Only add the shortcut's part when cache.shortcut is true.
 * Reading: He et al. (2015), §3.1–3.2; He et al. (2016), "Identity Mappings in Deep Residual
 * Networks", eqs. (4)–(5).
 */
export function residualBlockBackward(dOut: Matrix, cache: ResidualBlockCache): ResidualBlockGrads {
  // YOUR CODE HERE
  throw new NotImplementedError("08.1-residual-block-backward");
}
