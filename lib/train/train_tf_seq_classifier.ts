/**
 * Training the tfjs sequence classifier (lib/rnn/tf_seq_model.ts, output "last") on a task of
 * lib/tasks/seq_tasks.ts through the fused ops, with the options and the history of
 * train_seq_options.ts: SGD or Adam, clipping by global norm or by
 * value, truncated BPTT, and a record of every update's loss, pre-clip gradient norm and, if asked,
 * ‖∂L/∂h_t‖ for each step t, read off the fused BPTT by its `onBackwardStep` hook. The loop itself
 * is the {@link Trainer}. Notebooks 04 and 05 train with it: the scratch code is what you write and
 * check, this is what trains.
 * @module
 */
import type { TfSeqModel } from "../rnn/tf_seq_model.ts";
import type { SequenceClassificationData } from "../tasks/seq_tasks.ts";
import {
  checkTrainSeqOptions,
  type TrainSeqHistory,
  type TrainSeqOptions,
} from "./train_seq_options.ts";
import { TrainingDivergedError } from "./diverged.ts";
import { Trainer } from "./trainer.ts";

/** √(Σ v²) of one step's ∂L/∂h_t over the batch (the Frobenius norm). */
function norm(v: Float32Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/**
 * Train a TfSeqModel (output "last") in place on random mini-batches of `data`, as
 * trainSeqClassifier trains the scratch classifier. Update s draws its batch from an Rng seeded by
 * (seed, s), so runs are reproducible; a non-finite loss or gradient stops training, recorded in
 * `divergedAt`, with the weights of the last finite update.
 *
 * @param model the tfjs classifier (its variables are updated)
 * @param data the training set
 * @param opts steps, lr, batchSize, optimizer, clipNorm or clipValue, truncate, recordDhEvery, seed,
 *   onStep: the options of trainSeqClassifier
 * @returns the history: loss, gradNorm, dhSteps, dhNorms [R, T], divergedAt, wallMs
 * @throws {RangeError} for non-positive steps, lr or batchSize, a model that labels every token,
 *   both clipNorm and clipValue, or a truncate outside [1, T]
 * @example A few Adam steps, recording ‖∂L/∂h_t‖ on the first
 * ```ts
 * import { longDependencyTask } from "../tasks/mod.ts";
 * import { TfSeqModel } from "../rnn/mod.ts";
 * import { trainTfSeqClassifier } from "./train_tf_seq_classifier.ts";
 * const data = longDependencyTask({ n: 64, maxDistance: 3 });
 * const model = new TfSeqModel({ kind: "rnn", vocabSize: 6, hiddenSize: 8, numClasses: 2, output: "last" });
 * const h = await trainTfSeqClassifier(model, data, { steps: 5, lr: 0.01, recordDhEvery: 5 });
 * console.log(h.loss.length, h.dhNorms[0].length); // 5 4
 * model.dispose();
 * ```
 * @see notebook 04, "Training the RNN on the task"; notebook 05, "Gradients during training"
 */
export async function trainTfSeqClassifier(
  model: TfSeqModel,
  data: SequenceClassificationData,
  opts: TrainSeqOptions,
): Promise<TrainSeqHistory> {
  checkTrainSeqOptions("trainTfSeqClassifier", opts);
  const { steps, lr, batchSize = 32, optimizer = "adam", recordDhEvery = 0, seed = 0 } = opts;
  if (model.output !== "last") {
    throw new RangeError(`trainTfSeqClassifier: the model must have output "last", not "every"`);
  }
  const T = data.shape[1];
  let dhRow: number[] | undefined; // filled by the BPTT hook on recorded updates
  const trainer = new Trainer({
    params: model.params,
    kind: optimizer,
    lr,
    clipNorm: opts.clipNorm ?? 0,
    clipValue: opts.clipValue,
    seed,
    loss: ({ step, rng }) => {
      dhRow = recordDhEvery > 0 && step % recordDhEvery === 0 ? new Array(T).fill(0) : undefined;
      const row = dhRow;
      return model.batchLoss(data, rng, batchSize, {
        truncate: opts.truncate,
        onBackwardStep: row ? (t, dh) => (row[t] = norm(dh)) : undefined,
      });
    },
  });
  const h: TrainSeqHistory = {
    loss: [],
    gradNorm: [],
    dhSteps: [],
    dhNorms: [],
    divergedAt: -1,
    wallMs: 0,
  };
  const t0 = performance.now();
  try {
    for (let step = 1; step <= steps; step++) {
      let info: { loss: number; gradNorm: number };
      try {
        info = trainer.trainStep();
      } catch (e) {
        if (!(e instanceof TrainingDivergedError)) throw e;
        info = { loss: e.loss, gradNorm: e.gradNorm };
        h.divergedAt = step;
      }
      if (dhRow) {
        h.dhSteps.push(step);
        h.dhNorms.push(dhRow);
      }
      h.loss.push(info.loss);
      h.gradNorm.push(info.gradNorm);
      if (h.divergedAt > 0) break;
      await opts.onStep?.({ step, ...info });
    }
  } finally {
    trainer.dispose();
  }
  h.wallMs = performance.now() - t0;
  return h;
}
