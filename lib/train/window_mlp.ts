/**
 * The feedforward baseline of notebooks 04 and 06: an MLP (lib/nn's TfMlp) that sees only the
 * one-hot codes of the last W tokens of a sequence (seq_features.ts's windowFeatures), trained with
 * Adam by lib/nn's trainDescent. Whatever lies further back than W steps is invisible to it, which
 * is the point: on the long-dependency task its accuracy drops to chance beyond distance W − 1.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { TfMlp } from "../nn/tf_mlp.ts";
import { matrixToTensor } from "../nn/to_tensors.ts";
import { trainDescent } from "./train_descent.ts";
import { windowFeatures } from "../tasks/seq_features.ts";
import type { SequenceClassificationData } from "../tasks/seq_tasks.ts";

/** Options of {@link fitWindowMlp}. */
export interface WindowMlpOptions {
  /** W, how many of the last tokens the MLP sees */
  window: number;
  /** hidden width (default 64) */
  hidden?: number;
  /** passes over the training set (default 5) */
  epochs?: number;
  /** Adam's learning rate (default 0.01) */
  lr?: number;
  /** mini-batch size (default 64) */
  batchSize?: number;
  /** seed of the weights and shuffling (default 0) */
  seed?: number;
}

/** A trained window MLP; `dispose()` it when done. */
export interface WindowMlp {
  /** W */
  window: number;
  /** number of trainable scalars */
  paramCount: number;
  /** the full-training-set loss after each epoch */
  epochLoss: number[];
  /** predicted class of every sequence // [N] */
  predict(data: SequenceClassificationData): Int32Array;
  /** free the weights */
  dispose(): void;
}

/**
 * Train a one-hidden-layer ReLU MLP on the last W tokens of each sequence.
 *
 * @param train the training sequences
 * @param opts window and training settings
 * @returns the trained model
 * @throws {RangeError} if the window is longer than the sequences
 * @example
 * ```ts
 * import { longDependencyTask } from "../tasks/seq_tasks.ts";
 * import { fitWindowMlp } from "./window_mlp.ts";
 * const data = longDependencyTask({ n: 64, maxDistance: 6 });
 * const mlp = fitWindowMlp(data, { window: 3, epochs: 1 });
 * console.log(mlp.predict(data).length); // 64
 * mlp.dispose();
 * ```
 * @see notebook 04, "A fixed window cannot see far"
 */
export function fitWindowMlp(train: SequenceClassificationData, opts: WindowMlpOptions): WindowMlp {
  const { window: W, hidden = 64, epochs = 5, lr = 0.01, batchSize = 64, seed = 0 } = opts;
  const V = train.vocab.length, C = train.numClasses;
  const x = windowFeatures(train.ids, train.shape, V, W); // [N, W·V]
  const model = TfMlp.create({ sizes: [W * V, hidden, C], activation: "relu", init: "he", seed });
  const optimizer = tf.train.adam(lr);
  const run = trainDescent({
    model,
    data: { x, y: train.y, numClasses: C },
    mode: "minibatch",
    batchSize,
    epochs,
    lr,
    seed,
    optimizer,
    evalEvery: 0,
  });
  optimizer.dispose();
  return {
    window: W,
    paramCount: model.variables.reduce((n, v) => n + v.size, 0),
    epochLoss: run.epochLoss,
    predict: (data) => {
      const feats = windowFeatures(data.ids, data.shape, V, W); // [N, W·V]
      const pred = tf.tidy(() => tf.argMax(model.forward(matrixToTensor(feats)), 1));
      const out = Int32Array.from(pred.dataSync());
      pred.dispose();
      return out;
    },
    dispose: () => model.dispose(),
  };
}
