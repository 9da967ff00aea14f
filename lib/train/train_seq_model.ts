/**
 * Notebook 06's training helpers, on the course's one loop ({@link Trainer}: Adam, gradients
 * clipped to global norm 5): `fitBatchModel` trains anything with `params` and
 * `batchLoss(data, rng, B)` (a TfSeqModel, a RecurrentTagger, a WindowTagger) for a number of
 * updates and times it; `trainSeqModel` makes a fresh TfSeqModel of a given cell kind and trains
 * it, for the RNN/LSTM/GRU race. Progress goes to an optional `onStep` (lib/plot's progressLine).
 * @module
 */
import type { CellKind } from "../rnn/recurrent_layer.ts";
import { TfSeqModel, type TfSeqModelOptions } from "../rnn/tf_seq_model.ts";
import type { BatchModel } from "../rnn/tagger.ts";
import type { SequenceClassificationData, SequenceLabellingData } from "../tasks/seq_tasks.ts";
import { type StepInfo, Trainer } from "./trainer.ts";

/** Options of {@link fitBatchModel}. */
export interface FitBatchOptions {
  /** Adam updates */
  steps: number;
  /** learning rate */
  lr: number;
  /** rows per batch */
  batchSize: number;
  /** seed of the batches (default 1) */
  seed?: number;
  /** gradient clipping by global norm (default 5; 0 turns it off) */
  clipNorm?: number;
  /** called after each update (e.g. a progress line) */
  onStep?: (info: StepInfo) => void | Promise<void>;
}

/** What a training run returns. */
export interface FitResult {
  /** training wall time, seconds */
  seconds: number;
  /** the loss of every update */
  loss: number[];
}

/**
 * Train a model on random batches of `data` with Adam.
 *
 * @param model its variables and batch loss (trained in place)
 * @param data the training set, passed to `model.batchLoss`
 * @param opts updates, learning rate, batch size, seed, clipping, progress callback
 * @returns seconds and per-update losses
 * @throws {RangeError} for a non-positive number of steps or batch size
 * @example
 * ```ts
 * import { RecurrentTagger } from "../rnn/tagger.ts";
 * import { spaceRestorationTask } from "../tasks/char_tagging.ts";
 * import { fitBatchModel } from "./train_seq_model.ts";
 * const data = spaceRestorationTask("to be or not to be that is the question", { n: 8, T: 10 });
 * const tagger = new RecurrentTagger({ kind: "gru", vocabSize: data.vocab.length, hiddenSize: 4 });
 * const { loss } = await fitBatchModel(tagger, data, { steps: 3, lr: 0.01, batchSize: 4 });
 * console.log(loss.length); // 3
 * tagger.dispose();
 * ```
 */
export async function fitBatchModel<D>(
  model: BatchModel<D>,
  data: D,
  opts: FitBatchOptions,
): Promise<FitResult> {
  const { steps, lr, batchSize, seed = 1, clipNorm = 5, onStep } = opts;
  if (!(Number.isInteger(steps) && steps > 0 && Number.isInteger(batchSize) && batchSize > 0)) {
    throw new RangeError(
      `fitBatchModel: steps and batchSize must be positive integers, got ${steps} and ${batchSize}`,
    );
  }
  const trainer = new Trainer({
    params: model.params,
    lr,
    clipNorm,
    seed,
    loss: ({ rng }) => model.batchLoss(data, rng, batchSize),
    onStep,
  });
  const t0 = performance.now();
  try {
    const history = await trainer.train(steps);
    return { seconds: (performance.now() - t0) / 1000, loss: history.loss.slice() };
  } finally {
    trainer.dispose();
  }
}

/** Options of {@link trainSeqModel}. */
export interface TrainSeqModelOptions extends FitBatchOptions {
  /** hidden size H */
  hidden: number;
  /** seed of the initial weights (default 1) */
  modelSeed?: number;
  /**
   * initial weights: "uniform" (tfjs's default, the default here) or a scratch-style init such as
   * "xavier" (notebook 04's RNN), see {@link TfSeqModel}
   */
  init?: TfSeqModelOptions["init"];
  /** the LSTM's forget-gate bias, with a scratch-style `init` only (default 1), see TfSeqModel */
  forgetBias?: number;
}

/**
 * Make a TfSeqModel of one cell kind for a made task and train it (notebook 06's race).
 *
 * @param kind "rnn", "lstm" or "gru"
 * @param data a long-dependency set ("last") or a labelling set ("every")
 * @param output "last": one class per sequence; "every": one label per token
 * @param opts hidden size, updates, learning rate, batch, seeds, progress
 * @returns the trained model (`dispose()` it), seconds and per-update losses
 * @example
 * ```ts
 * import { longDependencyTask } from "../tasks/seq_tasks.ts";
 * import { trainSeqModel } from "./train_seq_model.ts";
 * const data = longDependencyTask({ n: 32, maxDistance: 4 });
 * const run = await trainSeqModel("lstm", data, "last", { hidden: 4, steps: 2, lr: 0.01, batchSize: 8 });
 * console.log(run.loss.length); // 2
 * run.model.dispose();
 * ```
 * @see notebook 06, "RNN vs LSTM vs GRU on a long dependency"
 */
export async function trainSeqModel(
  kind: CellKind,
  data: SequenceClassificationData | SequenceLabellingData,
  output: "last" | "every",
  opts: TrainSeqModelOptions,
): Promise<FitResult & { model: TfSeqModel }> {
  const numClasses = data.numClasses;
  const model = new TfSeqModel({
    kind,
    vocabSize: data.vocab.length,
    hiddenSize: opts.hidden,
    numClasses,
    output,
    seed: opts.modelSeed ?? 1,
    init: opts.init,
    forgetBias: opts.forgetBias,
  });
  try {
    const run = await fitBatchModel(model, data, opts);
    return { ...run, model };
  } catch (err) {
    model.dispose();
    throw err;
  }
}
