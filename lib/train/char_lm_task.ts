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
import { sequentialLoss } from "./char_lm_stateful.ts";

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
  /**
   * "random" (default): windows at random places, each from a zero state. "sequential": each row
   * continues where it stopped and starts from the state it ended with, detached (stateful
   * truncated BPTT; lib/train/char_lm_stateful.ts).
   */
  batches?: "random" | "sequential";
  /**
   * Divergence limit on a step's loss (default 10 · max(1, ln V): ten times the loss of a uniform
   * guess); see the Trainer option of the same name.
   */
  maxLoss?: number;
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
 * @throws {RangeError} if `batches` is empty (an average over nothing would be NaN)
 */
export function meanLoss(model: CharLM, batches: TokenBatch[]): number {
  if (batches.length === 0) throw new RangeError("meanLoss: no batches to average over");
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
 * @throws {RangeError} if batchSize, seqLen or evalBatches is not a positive integer, or a data
 *   set is shorter than seqLen + 1
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
  const { model, train, val, batchSize: N, seqLen: T, evalBatches = 10, batches, ...rest } = opts;
  for (
    const [name, v] of [["batchSize", N], ["seqLen", T], ["evalBatches", evalBatches]] as const
  ) {
    if (!Number.isInteger(v) || v < 1) {
      throw new RangeError(`charLMTrainer: ${name} must be a positive integer, got ${v}`);
    }
  }
  for (const [name, ids] of [["training", train], ["validation", val]] as const) {
    if (ids && ids.length < T + 1) {
      throw new RangeError(
        `charLMTrainer: seqLen ${T} needs ${T + 1} consecutive ids, but the ${name} data has ` +
          `${ids.length}; use seqLen ≤ ${ids.length - 1}`,
      );
    }
  }
  rest.maxLoss ??= 10 * Math.max(1, Math.log(model.config.vocabSize));
  const valBatches = val ? fixedBatches(val, N, T, evalBatches, (rest.seed ?? 42) + 1) : undefined;
  return new Trainer({
    ...rest,
    params: model.params(),
    itemsPerStep: N * T,
    loss: batches === "sequential"
      ? sequentialLoss(model, train, N, T).loss
      : ({ rng, seed }) => model.loss(getBatch(train, N, T, rng), { training: true, seed }),
    evaluate: valBatches ? () => meanLoss(model, valBatches) : undefined,
  });
}
