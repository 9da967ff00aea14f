/**
 * The training loop of notebook 09's encoder–decoders: a {@link Trainer} (Adam, clipping) whose
 * step draws a source length uniformly from [minLen, maxLen] and a batch of random strings of that
 * length (reverse_task.ts), so every batch needs no padding, and whose loss is the model's
 * teacher-forced cross-entropy, optionally evaluated every few steps on fixed validation batches
 * (a smooth curve, where the per-step losses jump with the drawn length). Both models of the
 * notebook (with and without attention) train through this one function with the same budget and
 * the same batches.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { Seq2Seq } from "../rnn/seq2seq.ts";
import {
  randomSeq2SeqBatch,
  type Seq2SeqBatch,
  type Seq2SeqTaskKind,
} from "../tasks/reverse_task.ts";
import { type StepInfo, Trainer } from "./trainer.ts";

/** Options of {@link trainSeq2Seq}. */
export interface TrainSeq2SeqOptions {
  /** "reverse" or "sort" */
  kind: Seq2SeqTaskKind;
  /** source lengths of the training batches, drawn uniformly from [minLen, maxLen] */
  minLen: number;
  maxLen: number;
  /** Adam updates */
  steps: number;
  /** strings per batch */
  batchSize: number;
  /** Adam's learning rate */
  lr: number;
  /** clip the gradients to this global norm (default 5) */
  clipNorm?: number;
  /** seed of the batches (default 42): the same seed gives both models the same data */
  seed?: number;
  /** fixed batches whose mean teacher-forced loss is recorded every `evalEvery` steps */
  val?: Seq2SeqBatch[];
  /** steps between validation losses (default 100; also once at the end) */
  evalEvery?: number;
  /** called after each step (awaited), e.g. for a progress line */
  onStep?: (info: StepInfo) => void | Promise<void>;
}

/** What {@link trainSeq2Seq} recorded. */
export interface Seq2SeqHistory {
  /** the training loss of every step */
  loss: number[];
  /** the steps at which the validation loss was measured */
  valSteps: number[];
  /** the mean validation loss at those steps (empty without `val`) */
  val: number[];
  /** wall time of the training steps alone, ms (validation losses excluded) */
  trainMs: number;
}

/**
 * Train an encoder–decoder on random batches of the digit task.
 *
 * @param model the model (its variables are updated in place)
 * @param opts task, lengths, budget, optimizer settings, callback
 * @returns the training loss of every step, the validation losses and the training time
 * @throws {RangeError} if the lengths are not integers with 1 ≤ minLen ≤ maxLen
 * @example A few steps on short strings
 * ```ts
 * import { Seq2Seq } from "../rnn/seq2seq.ts";
 * import { trainSeq2Seq } from "./train_seq2seq.ts";
 * const model = new Seq2Seq({ attention: true, embedSize: 4, hiddenSize: 8 });
 * const { loss } = await trainSeq2Seq(model, { kind: "reverse", minLen: 2, maxLen: 3, steps: 3, batchSize: 4, lr: 0.01 });
 * console.log(loss.length); // 3
 * model.dispose();
 * ```
 * @see notebook 09, "Training both models"
 */
export async function trainSeq2Seq(
  model: Seq2Seq,
  opts: TrainSeq2SeqOptions,
): Promise<Seq2SeqHistory> {
  const { kind, minLen, maxLen, steps, batchSize, lr, clipNorm = 5, seed = 42 } = opts;
  if (!(Number.isInteger(minLen) && Number.isInteger(maxLen) && minLen >= 1 && minLen <= maxLen)) {
    throw new RangeError(
      `trainSeq2Seq: need integers 1 ≤ minLen ≤ maxLen, got ${minLen}, ${maxLen}`,
    );
  }
  let evalMs = 0;
  const evaluate = opts.val
    ? () => {
      const t0 = performance.now(), v = meanLoss(model, opts.val!);
      evalMs += performance.now() - t0;
      return v;
    }
    : undefined;
  const trainer = new Trainer({
    params: model.params,
    lr,
    clipNorm,
    seed,
    loss: ({ rng }) => {
      const len = minLen + rng.int(maxLen - minLen + 1);
      return model.loss(randomSeq2SeqBatch(kind, batchSize, len, rng));
    },
    onStep: opts.onStep,
    evalEvery: opts.val ? opts.evalEvery ?? 100 : 0,
    evaluate,
  });
  try {
    const t0 = performance.now();
    await trainer.train(steps);
    const trainMs = performance.now() - t0 - evalMs;
    const { loss, val } = trainer.history;
    return {
      loss: [...loss],
      valSteps: val.map((v) => v.step),
      val: val.map((v) => v.loss),
      trainMs,
    };
  } finally {
    trainer.dispose();
  }
}

/** The mean teacher-forced loss over fixed batches. */
function meanLoss(model: Seq2Seq, batches: Seq2SeqBatch[]): number {
  const sum = batches.reduce((s, b) => s + tf.tidy(() => model.loss(b).dataSync()[0]), 0);
  return sum / batches.length;
}
