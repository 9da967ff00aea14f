/**
 * The character language model's training task, wired once for notebook 07, the CLI and the
 * benchmark: random contiguous training batches from lib/text's getBatch (drawn from the step's
 * seeded generator, so resumed runs replay them), dropout seeded per step, and a validation loss
 * over a fixed set of windows (the same windows at every evaluation, so the numbers compare).
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { Rng } from "../util/rng.ts";
import { getBatch, sampleWindows, splitWindows } from "../text/get_batch.ts";
import type { CharLM, TokenBatch } from "../rnn/char_lm.ts";
import { Trainer, type TrainerOptions } from "./trainer.ts";

/** Options of {@link charLMTrainer}. */
export interface CharLMTaskOptions
  extends Omit<TrainerOptions, "params" | "loss" | "evaluate" | "itemsPerStep"> {
  /** The model to train. */
  model: CharLM;
  /** Training ids (e.g. the first 90% of Tiny Shakespeare). */
  train: Int32Array;
  /** Validation ids; without them `evaluate` is not set. */
  val?: Int32Array;
  /** N, sequences per batch. */
  batchSize: number;
  /** T, characters per sequence. */
  seqLen: number;
  /** Validation batches per evaluation (default 10), drawn once from `seed`. */
  evalBatches?: number;
}

/**
 * Fixed validation batches: `count` batches of N windows of T + 1 ids from `val`.
 *
 * @param val validation ids
 * @param batchSize N
 * @param seqLen T
 * @param count number of batches
 * @param seed seed of the window positions
 * @returns the batches, reusable at every evaluation
 */
export function fixedBatches(
  val: Int32Array,
  batchSize: number,
  seqLen: number,
  count: number,
  seed: number,
): TokenBatch[] {
  const rng = new Rng(seed);
  return Array.from(
    { length: count },
    () => splitWindows(sampleWindows(val, batchSize, seqLen + 1, rng), batchSize),
  );
}

/**
 * Mean loss of a model over batches (no dropout, no gradients).
 *
 * @param model the char LM
 * @param batches e.g. from {@link fixedBatches}
 * @returns the mean loss in nats per character
 */
export function meanLoss(model: CharLM, batches: TokenBatch[]): number {
  let sum = 0;
  for (const b of batches) sum += tf.tidy(() => model.loss(b).dataSync()[0]);
  return sum / batches.length;
}

/**
 * A {@link Trainer} for a char LM: loss on a random training batch per step, validation loss on
 * fixed windows.
 *
 * @param opts model, data, batch shape, plus any Trainer option (lr, clipNorm, evalEvery, seed, …)
 * @returns the trainer (`await trainer.train(steps)`; `trainer.dispose()` when done)
 * @example A few steps on a toy corpus
 * ```ts
 * import { CharLM } from "../rnn/char_lm.ts";
 * import { charLMTrainer } from "./char_lm_task.ts";
 * const ids = Int32Array.from({ length: 500 }, (_, i) => i % 4);
 * const model = new CharLM({ vocabSize: 4, hiddenSize: 8 });
 * const trainer = charLMTrainer({ model, train: ids, val: ids, batchSize: 4, seqLen: 8 });
 * await trainer.train(5);
 * console.log(trainer.history.val.length); // 1
 * ```
 * @see notebooks/07_char_lstm.ipynb, "Training"
 */
export function charLMTrainer(opts: CharLMTaskOptions): Trainer {
  const { model, train, val, batchSize: N, seqLen: T, evalBatches = 10, ...rest } = opts;
  const valBatches = val ? fixedBatches(val, N, T, evalBatches, (rest.seed ?? 42) + 1) : undefined;
  return new Trainer({
    ...rest,
    params: model.params(),
    itemsPerStep: N * T,
    loss: ({ rng, seed }) => model.loss(getBatch(train, N, T, rng), { training: true, seed }),
    evaluate: valBatches ? () => meanLoss(model, valBatches) : undefined,
  });
}
