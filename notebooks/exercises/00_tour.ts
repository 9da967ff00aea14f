// deno-lint-ignore-file no-unused-vars -- the stub ignores its argument until solved
/**
 * Exercises of notebook 00 (the tour): a warm-up that shows how graded exercises work.
 * Fill in the function body, save, and re-run the check cell in the notebook; `deno task grade 00`
 * grades this file.
 * @module
 */
import { NotImplementedError } from "../../lib/util/errors.ts";

/**
 * Softmax of a vector of scores: probs[i] = exp(logits[i]) / Σ_j exp(logits[j]).
 *
 * Hint: subtract the largest logit before exponentiating. The result is the same
 * (the factor cancels), and exp never overflows, even for logits like [1000, 1001].
 *
 * @param logits scores, length V
 * @returns probabilities, length V, summing to 1
 * @see Goodfellow et al., Deep Learning, §4.1 (numerical stability of softmax)
 */
export function softmax(logits: number[]): number[] {
  // YOUR CODE HERE
  throw new NotImplementedError("00.1-softmax");
}
