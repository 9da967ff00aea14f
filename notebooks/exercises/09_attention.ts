// deno-lint-ignore-file no-unused-vars -- stubs: the parameters and helpers are for you to use
/**
 * Exercises of notebook 09 (attention as an augmented RNN): dot-product attention for one decoder
 * step, forward (09.1, the warm-up) and backward (09.2, the derivation). Pure float64 code on the
 * course's `Matrix` ({ data: Float64Array, shape: [rows, cols] }, row-major) and `Tensor3`
 * ([N, S, H], entry (n, s, k) at data[(n·S + s)·H + k]) types. Fill in each body, save, and
 * re-run the check cell in the notebook; `deno task grade 09` grades this file.
 *
 * Letters: N batch (examples), S source positions (encoder steps), H hidden units.
 * @module
 */
import type { AttentionCache, Matrix, Tensor3 } from "../../lib/scratch/mod.ts";
// Helpers you may use:
import { matrix, tensor3 } from "../../lib/scratch/mod.ts";
import { NotImplementedError } from "../../lib/util/errors.ts";

/**
 * Exercise 09.1 — dot-product attention for one decoder step (Luong et al. 2015, the "dot"
 * score; the notebook's section "Attention" gives the equations).
 *
 * Contract:
 * - `hDec` [N, H]: the decoder's state at this step, one row per example.
 * - `hEnc` [N, S, H]: the encoder's states of the same examples.
 * - returns `{ scores, weights, context }`:
 *   - `scores` [N, S]: the dot score between example n's decoder state and each of its S encoder
 *     states;
 *   - `weights` [N, S]: the attention distribution of example n over its own S source positions
 *     (every row non-negative, summing to 1), finite even when scores are near 1000;
 *   - `context` [N, H]: example n's encoder states averaged with its weights.
 * Invariants: example n's outputs depend on example n's inputs only; the inputs are not modified.
 *
 * @param hDec the decoder's state at this step [N, H]
 * @param hEnc the encoder's states [N, S, H]
 * @returns `{ scores, weights, context }` with shapes [N, S], [N, S] and [N, H]
 * Reading: Olah & Carter (2016), "Attention and Augmented Recurrent Neural Networks",
 * §Attentional Interfaces; Luong, Pham & Manning (2015), §3.1.
 */
export function attentionStep(
  hDec: Matrix,
  hEnc: Tensor3,
): { scores: Matrix; weights: Matrix; context: Matrix } {
  // YOUR CODE HERE
  throw new NotImplementedError("09.1-attention-step");
}

/**
 * Exercise 09.2 — the backward pass of one attention step (derive it first: the notebook's
 * section "The backward pass of attention" sets it up; the softmax is the hard part).
 *
 * Contract:
 * - `dContext` [N, H]: ∂L/∂context, the upstream gradient of the forward pass of 09.1.
 * - `cache`: what the forward pass keeps, `{ hDec [N, H], hEnc [N, S, H], weights [N, S] }`
 *   (its two inputs and its softmax weights).
 * - returns `{ dScores, dhDec, dhEnc }`:
 *   - `dScores` [N, S]: ∂L/∂scores;
 *   - `dhDec` [N, H]: ∂L/∂hDec;
 *   - `dhEnc` [N, S, H]: ∂L/∂hEnc.
 * Invariants: example n's gradients depend on example n's data only; the cache is not modified;
 * dContext = 0 gives zeros. The checks compare with a float64 reference that is itself checked
 * against centred differences.
 *
 * @param dContext upstream gradient ∂L/∂context [N, H]
 * @param cache `{ hDec, hEnc, weights }` of the forward pass
 * @returns `{ dScores, dhDec, dhEnc }` with shapes [N, S], [N, H] and [N, S, H]
 * Reading: Bahdanau, Cho & Bengio (2015), §3.1 (the weights and the context); Olah & Carter
 * (2016), §Attentional Interfaces.
 */
export function attentionStepBackward(
  dContext: Matrix,
  cache: AttentionCache,
): { dScores: Matrix; dhDec: Matrix; dhEnc: Tensor3 } {
  // YOUR CODE HERE
  throw new NotImplementedError("09.2-attention-step-backward");
}
