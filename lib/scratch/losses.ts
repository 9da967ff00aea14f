/**
 * Losses with their gradients: softmax cross-entropy over integer labels (mean over the batch,
 * CS231n's `softmax_loss`) and mean squared error (mean over every entry, like PyTorch's `MSELoss`
 * and `tf.losses.meanSquaredError`). Each returns the loss and dLoss/dInput together, since the
 * gradient reuses the forward's values. Taught in notebook 01.
 * @module
 */
import { type Matrix, matrix } from "./matrix.ts";

/**
 * Row-wise softmax, shifted by each row's max so exp never overflows.
 *
 * @param logits [N, C]
 * @returns probabilities [N, C], each row summing to 1
 */
export function softmax(logits: Matrix): Matrix {
  const [n, c] = logits.shape;
  const probs = matrix(n, c);
  for (let i = 0; i < n; i++) {
    const row = logits.data.subarray(i * c, (i + 1) * c);
    const max = Math.max(...row);
    let sum = 0;
    for (let j = 0; j < c; j++) sum += probs.data[i * c + j] = Math.exp(row[j] - max);
    for (let j = 0; j < c; j++) probs.data[i * c + j] /= sum;
  }
  return probs;
}

/**
 * Softmax cross-entropy L = −(1/N) Σₙ log softmax(logits)[n, yₙ] and its gradient
 * dL/dlogits = (probs − onehot(y)) / N.
 *
 * @param logits unnormalised scores [N, C]
 * @param labels class indices [N], integers in [0, C)
 * @returns `{ loss, dLogits, probs }` with dLogits and probs [N, C]
 * @throws {RangeError} if labels has the wrong length or a label is out of range
 * @example Uniform scores over 4 classes give log 4
 * ```ts
 * import { softmaxCrossEntropy } from "./losses.ts";
 * import { matrix } from "./matrix.ts";
 * const { loss } = softmaxCrossEntropy(matrix(2, 4), [0, 3]);
 * console.log(loss.toFixed(4)); // "1.3863"
 * ```
 */
export function softmaxCrossEntropy(
  logits: Matrix,
  labels: ArrayLike<number>,
): { loss: number; dLogits: Matrix; probs: Matrix } {
  const [n, c] = logits.shape;
  if (labels.length !== n) {
    throw new RangeError(
      `softmaxCrossEntropy: logits are [${logits.shape}] but labels have length ${labels.length}`,
    );
  }
  const probs = softmax(logits); // [N, C]
  const dLogits = matrix(n, c, probs.data.slice()); // [N, C]
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= c) {
      throw new RangeError(
        `softmaxCrossEntropy: label ${i} is ${y}, expected an integer in [0, ${c})`,
      );
    }
    loss -= Math.log(probs.data[i * c + y]);
    dLogits.data[i * c + y] -= 1; // probs − onehot(y)
  }
  for (let k = 0; k < dLogits.data.length; k++) dLogits.data[k] /= n; // the mean's 1/N
  return { loss: loss / n, dLogits, probs };
}

/**
 * Mean squared error L = (1/(N·K)) Σ (pred − target)² and dL/dpred = 2(pred − target)/(N·K).
 *
 * @param pred predictions [N, K]
 * @param target targets [N, K]
 * @returns `{ loss, dPred }` with dPred [N, K]
 * @throws {RangeError} if the shapes differ
 * @example
 * ```ts
 * import { mse } from "./losses.ts";
 * import { fromRows } from "./matrix.ts";
 * console.log(mse(fromRows([[1], [3]]), fromRows([[0], [1]])).loss); // 2.5
 * ```
 */
export function mse(pred: Matrix, target: Matrix): { loss: number; dPred: Matrix } {
  if (pred.shape[0] !== target.shape[0] || pred.shape[1] !== target.shape[1]) {
    throw new RangeError(`mse: pred is [${pred.shape}] but target is [${target.shape}]`);
  }
  const count = pred.data.length;
  const dPred = matrix(pred.shape[0], pred.shape[1]);
  let loss = 0;
  for (let k = 0; k < count; k++) {
    const diff = pred.data[k] - target.data[k];
    loss += diff * diff;
    dPred.data[k] = (2 * diff) / count;
  }
  return { loss: loss / count, dPred };
}

/**
 * The index of the largest entry in each row (the predicted class).
 *
 * @param scores [N, C]
 * @returns class indices [N]
 */
export function argmaxRows(scores: Matrix): Int32Array {
  const [n, c] = scores.shape;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < c; j++) if (scores.data[i * c + j] > scores.data[i * c + best]) best = j;
    out[i] = best;
  }
  return out;
}

/**
 * The fraction of rows whose argmax equals the label.
 *
 * @param scores [N, C]
 * @param labels [N]
 * @returns accuracy in [0, 1]
 */
export function accuracy(scores: Matrix, labels: ArrayLike<number>): number {
  const pred = argmaxRows(scores);
  let hits = 0;
  for (let i = 0; i < pred.length; i++) if (pred[i] === labels[i]) hits++;
  return pred.length === 0 ? 0 : hits / pred.length;
}
