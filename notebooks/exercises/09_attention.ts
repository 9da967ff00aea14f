// deno-lint-ignore-file no-unused-vars -- stubs: the parameters and helpers are for you to use
/**
 * Exercises of notebook 09 (attention as an augmented RNN): the attention weights and the context
 * vector of one decoder step. Pure float64 code on the course's `Matrix` ([rows, cols], row-major)
 * and `Tensor3` ([N, S, H], entry (n, s, k) at data[(n·S + s)·H + k]) types. Fill in the body,
 * save, and re-run the check cell in the notebook; `deno task grade 09` grades this file.
 * Helpers you may use: matrix (imported below).
 * @module
 */
import type { Matrix, Tensor3 } from "../../lib/scratch/mod.ts";
// Helpers you may use:
import { matrix } from "../../lib/scratch/mod.ts";
import { NotImplementedError } from "../../lib/util/errors.ts";

/**
 * Exercise 09.1 — dot-product attention for one decoder step (Luong et al. 2015, "dot" score).
 *
 * For every example n of the batch and every source position s:
 *   scores[n, s]  = hDec[n] · hEnc[n, s]                      (a dot product over H)
 *   weights[n, :] = softmax(scores[n, :])                      (over the S source positions)
 *   context[n]    = Σ_s weights[n, s] · hEnc[n, s]            (a vector of size H)
 *
 * @param hDec the decoder's state at this step [N, H]
 * @param hEnc the encoder's states [N, S, H]
 * @returns `{ scores, weights, context }` with shapes [N, S], [N, S] and [N, H]
 *
 * Hint: three nested loops (n, s, k) are fine. Subtract each row's largest score before exp, so
 * scores near 1000 do not overflow (the weights are unchanged). Each row of weights sums to 1:
 * softmax runs over s, separately for each example n.
 * Reading: Olah & Carter (2016), "Attention and Augmented Recurrent Neural Networks", §Attentional
 * Interfaces; Luong, Pham & Manning (2015), §3.1.
 */
export function attentionStep(
  hDec: Matrix,
  hEnc: Tensor3,
): { scores: Matrix; weights: Matrix; context: Matrix } {
  // YOUR CODE HERE
  throw new NotImplementedError("09.1-attention-step");
}
