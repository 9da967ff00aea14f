/**
 * Training and evaluating the scratch sequence classifier of seq_classifier.ts on a task of
 * seq_tasks.ts: mini-batches of one-hot sequences, SGD or Adam (Kingma & Ba 2015) on float64
 * arrays, optional clipping by global norm or by value (clip.ts), optional truncated BPTT, and a
 * record of every update's loss, pre-clip gradient norm and, if asked, ‖∂L/∂h_t‖ for each step t
 * (the heatmaps of notebook 05), all without tfjs. It is the float64 reference of the fused loop
 * lib/train/train_tf_seq_classifier.ts, which notebooks 04–05 train with (same options, same
 * history); the prediction and accuracy helpers here take either model.
 * @module
 */
import { argmaxRows } from "../scratch/losses.ts";
import { clipByGlobalNorm, clipByValue, globalNorm } from "./clip.ts";
import { accuracyByDistance, oneHotSequence } from "./seq_features.ts";
import type { SequenceClassificationData } from "./seq_tasks.ts";
import {
  type SeqClassifier,
  seqClassifierForward,
  seqClassifierLossAndGrads,
  seqClassifierParams,
} from "./seq_classifier.ts";
import { Rng } from "../util/rng.ts";
import { TfSeqModel } from "./tf_seq_model.ts";

/** Options of {@link trainSeqClassifier}. */
export interface TrainSeqOptions {
  /** number of updates */
  steps: number;
  /** learning rate */
  lr: number;
  /** sequences per update (default 32) */
  batchSize?: number;
  /** "adam" (default) or "sgd" */
  optimizer?: "adam" | "sgd";
  /** rescale the gradients to this global norm when larger */
  clipNorm?: number;
  /** clamp every gradient entry to [−clipValue, clipValue] */
  clipValue?: number;
  /** backpropagate through the last k steps only */
  truncate?: number;
  /** record ‖∂L/∂h_t‖ for every step t every this many updates (default 0: never) */
  recordDhEvery?: number;
  /** seed of the batch draws (default 0) */
  seed?: number;
  /** called after each update (awaited), e.g. for a progress line */
  onStep?: (info: { step: number; loss: number; gradNorm: number }) => void | Promise<void>;
}

/** What a training run recorded. */
export interface TrainSeqHistory {
  /** the batch loss of every update */
  loss: number[];
  /** the global gradient norm of every update, before clipping */
  gradNorm: number[];
  /** the update index of each row of dhNorms */
  dhSteps: number[];
  /** ‖∂L/∂h_t‖ (batch Frobenius norm) for t = 0..T−1, one row per recorded update // [R, T] */
  dhNorms: number[][];
  /** the update at which the gradient became NaN or infinite (training stopped), or -1 */
  divergedAt: number;
  /** milliseconds spent training */
  wallMs: number;
}

function batchOf(data: SequenceClassificationData, rows: ArrayLike<number>) {
  const T = data.shape[1], B = rows.length, ids = new Int32Array(B * T), y = new Int32Array(B);
  for (let i = 0; i < B; i++) {
    ids.set(data.ids.subarray(rows[i] * T, (rows[i] + 1) * T), i * T);
    y[i] = data.y[rows[i]];
  }
  return { x: oneHotSequence(ids, [B, T], data.vocab.length), y }; // x [B, T, V]
}

/**
 * Check the sizes of a training run's options (shared with lib/train's fused twin).
 *
 * @param fn the caller's name, for the message
 * @param opts the options
 * @throws {RangeError} for non-integer or non-positive steps or batchSize, or lr ≤ 0
 */
export function checkTrainSeqOptions(fn: string, opts: TrainSeqOptions): void {
  const { steps, lr, batchSize = 32 } = opts;
  const ok = Number.isInteger(steps) && steps > 0 && lr > 0 && Number.isInteger(batchSize) &&
    batchSize > 0;
  if (!ok) {
    throw new RangeError(
      `${fn}: need integer steps, batchSize ≥ 1 and lr > 0; got ${steps}, ${batchSize}, ${lr}`,
    );
  }
}

/**
 * Train the classifier in place on random mini-batches of `data`.
 *
 * @param model the scratch classifier (its arrays are updated)
 * @param data the training set
 * @param opts steps, lr, optimizer, clipping, truncation, recording, seed, callback
 * @returns the history
 * @throws {RangeError} for non-positive steps, lr or batchSize
 * @example
 * ```ts
 * import { createSeqClassifier } from "./seq_classifier.ts";
 * import { longDependencyTask } from "./seq_tasks.ts";
 * import { trainSeqClassifier } from "./train_seq_classifier.ts";
 * const data = longDependencyTask({ n: 64, maxDistance: 3 });
 * const model = createSeqClassifier({ D: data.vocab.length, H: 8, C: 2 });
 * const h = await trainSeqClassifier(model, data, { steps: 5, lr: 0.01 });
 * console.log(h.loss.length); // 5
 * ```
 * @see lib/train/train_tf_seq_classifier.ts, the fused twin that notebooks 04–05 train with
 */
export async function trainSeqClassifier(
  model: SeqClassifier,
  data: SequenceClassificationData,
  opts: TrainSeqOptions,
): Promise<TrainSeqHistory> {
  checkTrainSeqOptions("trainSeqClassifier", opts);
  const { steps, lr, batchSize = 32, optimizer = "adam", recordDhEvery = 0, seed = 0 } = opts;
  const params = seqClassifierParams(model), rng = new Rng(seed), N = data.shape[0];
  const m: Record<string, Float64Array> = {}, v: Record<string, Float64Array> = {};
  for (const [k, p] of Object.entries(params)) {
    [m[k], v[k]] = [new Float64Array(p.length), new Float64Array(p.length)];
  }
  const h: TrainSeqHistory = {
    loss: [],
    gradNorm: [],
    dhSteps: [],
    dhNorms: [],
    divergedAt: -1,
    wallMs: 0,
  };
  const t0 = performance.now();
  for (let step = 1; step <= steps; step++) {
    const { x, y } = batchOf(data, Array.from({ length: batchSize }, () => rng.int(N)));
    const record = recordDhEvery > 0 && (step - 1) % recordDhEvery === 0;
    const dhRow = new Array<number>(x.shape[1]).fill(0);
    const { loss, grads } = seqClassifierLossAndGrads(model, x, y, {
      truncate: opts.truncate,
      onStep: record ? (t, d) => (dhRow[t] = Math.hypot(...d.data)) : undefined,
    });
    if (record) [h.dhSteps.push(step), h.dhNorms.push(dhRow)];
    const gradNorm = opts.clipNorm
      ? clipByGlobalNorm(grads, opts.clipNorm)
      : opts.clipValue
      ? clipByValue(grads, opts.clipValue)
      : globalNorm(grads);
    h.loss.push(loss);
    h.gradNorm.push(gradNorm);
    if (!Number.isFinite(gradNorm) || !Number.isFinite(loss)) {
      h.divergedAt = step;
      break;
    }
    for (const [k, p] of Object.entries(params)) {
      const g = grads[`d${k}`], mk = m[k], vk = v[k];
      for (let i = 0; i < p.length; i++) {
        if (optimizer === "sgd") {
          p[i] -= lr * g[i];
          continue;
        }
        mk[i] = 0.9 * mk[i] + 0.1 * g[i];
        vk[i] = 0.999 * vk[i] + 0.001 * g[i] * g[i];
        p[i] -= (lr * mk[i] / (1 - 0.9 ** step)) / (Math.sqrt(vk[i] / (1 - 0.999 ** step)) + 1e-8);
      }
    }
    await opts.onStep?.({ step, loss, gradNorm });
  }
  h.wallMs = performance.now() - t0;
  return h;
}

/**
 * The predicted class of every sequence of a data set (in chunks of 500).
 *
 * @param model the scratch classifier, or its tfjs twin (a TfSeqModel with output "last")
 * @param data the sequences
 * @returns predicted classes // [N]
 * @throws {RangeError} for a TfSeqModel that labels every token
 */
export function predictSeqClassifier(
  model: SeqClassifier | TfSeqModel,
  data: SequenceClassificationData,
): Int32Array {
  if (model instanceof TfSeqModel) {
    if (model.output !== "last") {
      throw new RangeError(`predictSeqClassifier: the TfSeqModel must have output "last"`);
    }
    return model.predict(data);
  }
  const N = data.shape[0], out = new Int32Array(N);
  for (let start = 0; start < N; start += 500) {
    const rows = Array.from({ length: Math.min(500, N - start) }, (_, i) => start + i);
    out.set(argmaxRows(seqClassifierForward(model, batchOf(data, rows).x).logits), start);
  }
  return out;
}

/**
 * Accuracy of the classifier for each dependency distance of a data set.
 *
 * @param model the scratch classifier, or a TfSeqModel with output "last"
 * @param data a long-dependency data set
 * @returns `{ distance, accuracy, count }` (see accuracyByDistance)
 * @throws {RangeError} for a TfSeqModel that labels every token
 * @example An untrained tfjs model guesses
 * ```ts
 * import { longDependencyTask } from "./seq_tasks.ts";
 * import { TfSeqModel } from "./tf_seq_model.ts";
 * import { seqAccuracyByDistance } from "./train_seq_classifier.ts";
 * const data = longDependencyTask({ n: 50, maxDistance: 3 });
 * const m = new TfSeqModel({ kind: "rnn", vocabSize: 6, hiddenSize: 4, numClasses: 2, output: "last" });
 * console.log(seqAccuracyByDistance(m, data).distance); // [0, 1, 2, 3]
 * m.dispose();
 * ```
 */
export function seqAccuracyByDistance(
  model: SeqClassifier | TfSeqModel,
  data: SequenceClassificationData,
) {
  return accuracyByDistance(predictSeqClassifier(model, data), data.y, data.distance);
}
