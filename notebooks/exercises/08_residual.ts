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
 * Exercise 08.1 — the backward pass of a residual block (He et al. 2015, Fig. 2).
 *
 * Contract. The forward pass is the course's `residualBlockForward` (the notebook's section
 * "Identity shortcuts" writes it out and derives the backward pass up to where you take over): a
 * branch F of two dense layers with an activation between them, the block's input x added to the
 * branch's output when the shortcut is on, then a final activation.
 * - `dOut` [N, H]: the upstream gradient ∂L/∂out.
 * - `cache`: what the forward pass kept: `dense1` = { x [N, H], W: W1 [H, K], b: b1 [K] },
 *   `act1` (the first activation's cache), `dense2` = { x: a1 [N, K], W: W2 [K, H], b: b2 [H] },
 *   `act2` (the final activation's cache) and `shortcut` (true when the block adds x).
 * - returns `{ dx, dW1, db1, dW2, db2 }` = ∂L/∂(x, W1, b1, W2, b2), each shaped like its
 *   variable: [N, H], [H, K], [K], [K, H], [H].
 * Invariants: dOut = 0 gives zeros; the cache is not modified; with `shortcut` false the block
 * is a plain one. `denseBackward(d, cache.denseK)` and `activationBackward(d, cache.actK)` (lib/
 * scratch, notebook 01) are the backward passes of one dense layer and of one activation.
 *
 * @param dOut upstream gradient ∂L/∂out [N, H]
 * @param cache from residualBlockForward
 * @returns `{ dx, dW1, db1, dW2, db2 }` with shapes [N, H], [H, K], [K], [K, H], [H]
 * Reading: He et al. (2015), §3.1–3.2; He et al. (2016), "Identity Mappings in Deep Residual
 * Networks", eqs. (4)–(5).
 */
export function residualBlockBackward(dOut: Matrix, cache: ResidualBlockCache): ResidualBlockGrads {
  // YOUR CODE HERE
  throw new NotImplementedError("08.1-residual-block-backward");
}
