// deno-lint-ignore-file no-unused-vars -- stubs: the parameters are for you to use
/**
 * Exercises of notebook 07 (a character-level LSTM on Tiny Shakespeare): sampling the next
 * character at a temperature, measuring a language model in bits per character, the temporal
 * softmax loss with its gradient, and the sequential batches of stateful truncated BPTT. Pure
 * number code, no tfjs. Fill in each body, save, and re-run the check cell in the notebook;
 * `deno task grade 07` grades this file.
 * @module
 */
import type { Tensor3 } from "../../lib/scratch/mod.ts";
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

/**
 * Exercise 07.3 — the temporal softmax cross-entropy of a sequence model, and its gradient.
 *
 * Inputs:
 * - logits: scores at every position, a Tensor3 [N, T, V]; entry (n, t, v) is
 *   `logits.data[(n * T + t) * V + v]`
 * - y: the target id at every position, row-major [N * T]: `y[n * T + t]` in [0, V)
 * - mask (optional): a weight per position [N * T], 1 = counted, 0 = ignored (e.g. padding);
 *   without a mask every position counts
 *
 * Returns `{ loss, dLogits }`:
 * - loss: the MEAN over the counted positions of −ln softmax(logits[n, t])[y[n, t]], in nats per
 *   character (the course's convention, as tf.losses and PyTorch; CS231n's
 *   `temporal_softmax_loss` instead sums over time and averages over N)
 * - dLogits: ∂loss/∂logits, a Tensor3 [N, T, V], zero at ignored positions
 *
 * Invariants: uniform logits give ln V; loss and dLogits stay finite for logits like ±1000; the
 * inputs are left unchanged. Each position is one softmax classifier (notebook 01's
 * softmaxCrossEntropy); what changes is only which positions count and what the mean divides by.
 * Reading: CS231n assignment 3, `temporal_softmax_loss`; Karpathy's min-char-rnn `lossFun`.
 */
export function temporalSoftmaxLoss(
  logits: Tensor3,
  y: Int32Array,
  mask?: Float64Array,
): { loss: number; dLogits: Tensor3 } {
  // YOUR CODE HERE
  throw new NotImplementedError("07.3-temporal-softmax");
}

/** A batch of inputs and next-character targets, row-major [N, T]. */
export interface SeqBatch {
  /** input ids [N * T] */
  x: Int32Array;
  /** target ids [N * T] */
  y: Int32Array;
  /** N */
  batchSize: number;
  /** T */
  seqLen: number;
}

/**
 * Exercise 07.4 — batch k of the sequential partition, for stateful truncated BPTT.
 *
 * The text is cut into N streams of equal length L = ⌊(data.length − 1) / N⌋: stream n is
 * data[n·L], …, data[n·L + L − 1] (the one id after each stream is only ever a target). Row n of
 * every batch reads stream n, T characters at a time, and batch k + 1 continues every row exactly
 * where batch k stopped: batch 0 holds the first T characters of each stream, batch 1 the next T,
 * and so on, for ⌊L / T⌋ batches. That is what makes the hidden state a row ends batch k with the
 * right state to start the same row of batch k + 1 from.
 *
 * Inputs: data, the corpus as ids [length]; batchSize N; seqLen T; k, 0 ≤ k < ⌊L / T⌋.
 * Returns `{ x, y, batchSize: N, seqLen: T }`: x [N * T] row-major inputs (row n at n·T), and
 * y [N * T] the targets: for every input character, the character that follows it in the text.
 *
 * Reading: d2l.ai §9.3 "Language Models" (sequential partitioning) and §9.5 (the state carried
 * across minibatches, detached); Karpathy's min-char-rnn (the pointer p and `hprev`).
 */
export function sequentialBatch(
  data: Int32Array,
  batchSize: number,
  seqLen: number,
  k: number,
): SeqBatch {
  // YOUR CODE HERE
  throw new NotImplementedError("07.4-sequential-batches");
}
