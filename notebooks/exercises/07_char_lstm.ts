// deno-lint-ignore-file no-unused-vars -- stubs: the parameters are for you to use
/**
 * Exercises of notebook 07 (a character-level LSTM on Tiny Shakespeare): sampling the next
 * character at a temperature, and measuring a language model in bits per character. Pure number
 * code, no tfjs. Fill in each body, save, and re-run the check cell in the notebook;
 * `deno task grade 07` grades this file.
 * @module
 */
import { NotImplementedError } from "../../lib/util/errors.ts";

/**
 * Exercise 07.1 — draw the next character's id from logits at temperature τ, deterministically
 * given a uniform number u (the caller draws u, so the same u always gives the same id).
 *
 * Inputs:
 * - logits: unnormalised scores z of the V characters [V]
 * - temperature: τ ≥ 0; τ = 0 means "always the most likely character" (argmax; on a tie, the
 *   lowest index)
 * - u: a uniform draw in [0, 1)
 *
 * Returns the id i in [0, V): with probs p_i = exp(z_i / τ) / Σ_j exp(z_j / τ), the first i whose
 * cumulative probability p_0 + … + p_i exceeds u (inverse-CDF sampling). If rounding leaves u
 * at or above the total, return the last id with p_i > 0.
 *
 * Hint: subtract max(z) before exponentiating (as in notebook 00's softmax); the result is the
 * same and exp(1000 / 0.5) never overflows. τ < 1 sharpens the distribution, τ > 1 flattens it.
 * Reading: Karpathy (2015), "The Unreasonable Effectiveness of RNNs", section "Temperature";
 * min-char-rnn's `sample` (np.random.choice with p = softmax).
 */
export function sampleWithTemperature(logits: number[], temperature: number, u: number): number {
  // YOUR CODE HERE
  throw new NotImplementedError("07.1-temperature-sampling");
}

/**
 * Exercise 07.2 — a language model's loss in bits per character: the mean over positions t of
 * −log₂ softmax(logits[t])[targets[t]].
 *
 * Inputs:
 * - logits: one row of V scores per position [T][V]
 * - targets: the character that actually came next at each position, ids in [0, V) [T]
 *
 * Returns one number, bits per character (≥ 0). Uniform logits over V characters give log₂ V
 * (6.02 bits for Tiny Shakespeare's 65).
 *
 * Hint: work in log space: log softmax(z)[y] = z_y − (m + ln Σ_j exp(z_j − m)) with m = max(z)
 * (log-sum-exp), so a confident wrong logit like 1000 gives a large number, not Infinity or NaN.
 * Natural logs give nats; divide by ln 2 for bits.
 * Reading: Graves (2013), "Generating Sequences With Recurrent Neural Networks", §2 (the loss
 * as the number of bits needed to compress the data).
 */
export function bitsPerChar(logits: number[][], targets: number[]): number {
  // YOUR CODE HERE
  throw new NotImplementedError("07.2-bits-per-char");
}
