/**
 * Gradient descent three ways, for notebook 02: batch (every update sees all N examples),
 * mini-batch (B examples) and stochastic (one example). One function runs any of them on any
 * model with tfjs variables and a loss, and records what the notebook plots: the full-data loss
 * against updates and against examples seen, the noisy per-batch loss, the wall time of the
 * updates and, for small models, the path of the parameters. The update is plain SGD,
 * θ ← θ − lr·∇θL, unless a tfjs optimizer is passed. Each update is one step of lib's one training
 * loop, the {@link Trainer} (trainer.ts); this file adds the epochs, the batching and the records.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { Rng } from "../util/rng.ts";
import type { ClassificationData, RegressionData } from "../tasks/toy_data.ts";
import { toTensors } from "../nn/to_tensors.ts";
import { Trainer } from "./trainer.ts";
import { fromTfOptimizer } from "./optimizers.ts";

/** Anything trainDescent can train: its variables and a scalar loss on a batch. */
export interface DescentModel {
  /** the parameters to update */
  readonly variables: tf.Variable[];
  /** the mean loss on a batch (x [B, D], y [B] or [B, K]) */
  loss(x: tf.Tensor2D, y: tf.Tensor): tf.Scalar;
}

/** Batch: B = N; mini-batch: B = batchSize; stochastic: B = 1. */
export type DescentMode = "batch" | "minibatch" | "stochastic";

/** Options of trainDescent. */
export interface DescentOptions {
  /** the model (its variables are updated in place) */
  model: DescentModel;
  /** the training set */
  data: ClassificationData | RegressionData;
  /** which variant */
  mode: DescentMode;
  /** learning rate */
  lr: number;
  /** passes over the data */
  epochs: number;
  /** B for "minibatch" (default 32; ignored otherwise) */
  batchSize?: number;
  /** reshuffle the examples every epoch (default true) */
  shuffle?: boolean;
  /** seed of the shuffling (default 0) */
  seed?: number;
  /** a tfjs optimizer (tf.train.momentum, adam, …) instead of plain SGD; lr is then unused */
  optimizer?: tf.Optimizer;
  /** full-data loss every this many updates and at each epoch's end (default 1; 0: epoch ends only) */
  evalEvery?: number;
  /** record the parameters after every update when the model has at most this many (default 16) */
  maxTrajectoryParams?: number;
  /** called after each update with the batch loss (e.g. for a live plot) */
  onUpdate?: (info: { update: number; examplesSeen: number; batchLoss: number }) => void;
}

/** What trainDescent recorded. */
export interface DescentResult {
  /** the variant that ran */
  mode: DescentMode;
  /** B actually used */
  batchSize: number;
  /** total parameter updates */
  updates: number;
  /** checkpoints of the full-data loss: the update count (0 = before training) … */
  updateIndex: number[];
  /** … the examples seen by then (updates · B, capped at each epoch's end) … */
  examplesSeen: number[];
  /** … and the loss on all N examples */
  loss: number[];
  /** the loss on each update's own batch (noisy for small B) [updates] */
  batchLoss: number[];
  /** the full-data loss after each epoch [epochs] */
  epochLoss: number[];
  /** the flattened parameters before training and after every update, or [] for big models */
  trajectory: number[][];
  /** milliseconds spent in updates (excluding the full-data evaluations and recording) */
  wallMs: number;
}

/**
 * Train with batch, mini-batch or stochastic gradient descent and record the run.
 *
 * @param opts model, data, mode, lr, epochs, batchSize, shuffle, seed, optimizer, evalEvery
 * @returns the loss histories, the wall time and the parameter trajectory
 * @throws {RangeError} for a non-positive lr, epochs or batchSize
 * @example Stochastic descent on a line
 * ```ts
 * import { LinearRegression } from "../nn/linear_regression.ts";
 * import { makeLine } from "../tasks/toy_data.ts";
 * import { trainDescent } from "./train_descent.ts";
 * const model = new LinearRegression();
 * const run = trainDescent({ model, data: makeLine({ n: 50 }), mode: "stochastic", lr: 0.02, epochs: 2 });
 * console.log(run.updates, run.trajectory.length); // 100 101
 * model.dispose();
 * ```
 */
export function trainDescent(opts: DescentOptions): DescentResult {
  const { model, data, mode, lr, epochs, shuffle = true, seed = 0, optimizer } = opts;
  const { evalEvery = 1, maxTrajectoryParams = 16, onUpdate } = opts;
  const n = data.y instanceof Int32Array ? data.y.length : data.y.shape[0];
  const batchSize = mode === "batch"
    ? n
    : mode === "stochastic"
    ? 1
    : Math.min(opts.batchSize ?? 32, n);
  if (
    !(lr > 0) || !Number.isInteger(epochs) || epochs < 1 || !Number.isInteger(batchSize) ||
    batchSize < 1
  ) {
    throw new RangeError(
      `trainDescent: need lr > 0 and integer epochs, batchSize ≥ 1; got ${lr}, ${epochs}, ${batchSize}`,
    );
  }
  const vars = model.variables;
  const recordPath = vars.reduce((s, v) => s + v.size, 0) <= maxTrajectoryParams;
  const snapshot = () => vars.flatMap((v) => Array.from(v.dataSync()));
  const rng = new Rng(seed);
  const { x, y } = toTensors(data);
  const fullLoss = () => tf.tidy(() => model.loss(x, y).dataSync()[0]);
  let batch: Int32Array = new Int32Array(0); // the rows of the current update
  // The one training loop of lib: plain SGD θ ← θ − lr·∇θL (or the tfjs optimizer), no clipping,
  // and no stop on divergence, so a too-large learning rate shows what it does.
  const trainer = new Trainer({
    params: Object.fromEntries(vars.map((v) => [v.name, v])),
    loss: () => {
      const idx = tf.tensor1d(batch, "int32"); // [B]
      return model.loss(tf.gather(x, idx) as tf.Tensor2D, tf.gather(y, idx)); // [B, D], [B(, K)]
    },
    kind: "sgd",
    lr,
    optimizer: optimizer ? fromTfOptimizer(optimizer) : undefined,
    clipNorm: 0,
    stopOnDivergence: false,
  });
  const result: DescentResult = {
    mode,
    batchSize,
    updates: 0,
    updateIndex: [0],
    examplesSeen: [0],
    loss: [fullLoss()],
    batchLoss: [],
    epochLoss: [],
    trajectory: recordPath ? [snapshot()] : [],
    wallMs: 0,
  };
  let seen = 0;
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      const order = shuffle ? rng.permutation(n) : Int32Array.from({ length: n }, (_, i) => i);
      for (let start = 0; start < n; start += batchSize) {
        const t0 = performance.now();
        batch = order.subarray(start, start + batchSize);
        const batchLoss = trainer.trainStep().loss;
        result.wallMs += performance.now() - t0;
        seen += batch.length;
        result.updates++;
        result.batchLoss.push(batchLoss);
        if (recordPath) result.trajectory.push(snapshot());
        const epochEnd = start + batchSize >= n;
        if ((evalEvery > 0 && result.updates % evalEvery === 0) || epochEnd) {
          result.updateIndex.push(result.updates);
          result.examplesSeen.push(seen);
          result.loss.push(fullLoss());
        }
        if (epochEnd) result.epochLoss.push(result.loss.at(-1)!);
        onUpdate?.({ update: result.updates, examplesSeen: seen, batchLoss });
      }
    }
  } finally {
    trainer.dispose();
    tf.dispose([x, y]);
  }
  return result;
}
