/**
 * Stateful truncated BPTT for the char LM (notebook 07, "Carrying the state: truncated BPTT"):
 * training on lib/text's sequential batches, where row n of batch k + 1 continues row n of batch k,
 * with each layer's final state carried into the next batch as a plain array — detached, so the
 * gradient still stops at the batch boundary while the forward pass sees all the text before it
 * (min-char-rnn's `hprev`, d2l's sequential partitioning). Also the matching evaluation: the loss
 * of a text read as N long streams with the state carried, rather than as windows from zeros.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { CharLM, CharLMState } from "../rnn/char_lm.ts";
import { sequentialBatch, sequentialBatchCount } from "../text/sequential_batches.ts";
import type { StepContext } from "./trainer.ts";

/**
 * A Trainer `loss` that trains on sequential batch `step mod count` and carries the state: each
 * step starts from the state the previous batch ended with, and from zeros at the start of a pass.
 *
 * @param model the char LM
 * @param train training ids
 * @param batchSize N, streams
 * @param seqLen T, characters per row per step (how far back BPTT reaches)
 * @returns the loss function, and `reset()` to start from zeros at the next step
 * @throws {RangeError} if the data holds no full batch of N streams of T + 1 ids
 * @example
 * ```ts
 * import { CharLM } from "../rnn/char_lm.ts";
 * import { Trainer } from "./trainer.ts";
 * import { sequentialLoss } from "./char_lm_stateful.ts";
 * const ids = Int32Array.from({ length: 400 }, (_, i) => i % 4);
 * const model = new CharLM({ vocabSize: 4, hiddenSize: 8 });
 * const trainer = new Trainer({ params: model.params(), loss: sequentialLoss(model, ids, 4, 8).loss });
 * await trainer.train(3);
 * console.log(trainer.history.loss.length); // 3
 * ```
 */
export function sequentialLoss(
  model: CharLM,
  train: Int32Array,
  batchSize: number,
  seqLen: number,
): { loss: (ctx: StepContext) => tf.Scalar; reset: () => void } {
  const count = sequentialBatchCount(train.length, batchSize, seqLen);
  if (count < 1) {
    throw new RangeError(
      `sequentialLoss: ${train.length} ids hold no batch of ${batchSize} streams of ${seqLen + 1}`,
    );
  }
  let carried: CharLMState | undefined; // the state the last batch ended with: a plain copy
  const loss = ({ step, seed }: StepContext) => {
    const k = step % count;
    if (k === 0) carried = undefined; // a new pass over the text starts from zeros
    const batch = sequentialBatch(train, batchSize, seqLen, k);
    return model.loss(batch, {
      training: true,
      seed,
      initialState: carried,
      onFinalState: (s) => (carried = s),
    });
  };
  return { loss, reset: () => (carried = undefined) };
}

/**
 * Mean loss of a text read as N streams with the state carried from batch to batch (no dropout):
 * every character after the first batch is predicted with all the text of its stream before it.
 *
 * @param model the char LM
 * @param ids the text (e.g. the validation ids)
 * @param batchSize N, streams
 * @param seqLen T, characters per forward call
 * @param maxBatches read at most this many batches (default: all)
 * @returns nats per character
 * @throws {RangeError} if the text holds no batch
 */
export function streamLoss(
  model: CharLM,
  ids: Int32Array,
  batchSize: number,
  seqLen: number,
  maxBatches = Infinity,
): number {
  const count = Math.min(sequentialBatchCount(ids.length, batchSize, seqLen), maxBatches);
  if (count < 1) {
    throw new RangeError(
      `streamLoss: ${ids.length} ids hold no batch of ${batchSize} streams of ${seqLen + 1}`,
    );
  }
  let state: CharLMState | undefined, sum = 0;
  for (let k = 0; k < count; k++) {
    const batch = sequentialBatch(ids, batchSize, seqLen, k);
    sum += tf.tidy(() =>
      model.loss(batch, { initialState: state, onFinalState: (s) => (state = s) }).dataSync()[0]
    );
  }
  return sum / count;
}
