// deno-lint-ignore-file no-unused-vars -- the stub ignores its argument until solved
/**
 * Exercises of notebook 00 (the tour): a warm-up that shows how graded exercises work.
 * Fill in the function body, save, and re-run the check cell in the notebook; `deno task grade 00`
 * grades this file.
 * @module
 */
import { NotImplementedError } from "../../lib/util/errors.ts";

/**
 * Softmax of a batch of score vectors, row by row (what a classifier's last layer does).
 *
 * Contract:
 * - input: `logits` [N, V], N rows (examples) of V scores each, any finite numbers;
 * - output: `probs` [N, V], a new array (the input is not changed) where each row is the softmax
 *   of the same row of `logits`: every entry in (0, 1], each row summing to 1, and larger
 *   scores getting larger probabilities;
 * - invariants: adding the same constant to every score of a row does not change that row's
 *   probabilities; rows are independent of each other; the result stays finite for scores of any
 *   size (the checks use scores near ±1000, where `Math.exp` alone overflows or underflows).
 *
 * Notebook 00, "How exercises work", gives the definition and why the invariant above matters.
 *
 * @param logits scores [N, V]
 * @returns probabilities [N, V], each row summing to 1
 * @see Goodfellow et al., Deep Learning, §4.1 (overflow and underflow of softmax)
 */
export function softmax(logits: number[][]): number[][] {
  // YOUR CODE HERE
  throw new NotImplementedError("00.1-softmax");
}
