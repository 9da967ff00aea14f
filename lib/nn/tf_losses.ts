/**
 * The scratch losses (lib/scratch/losses.ts) in tfjs, with the same reductions so the two agree
 * on the same inputs: softmax cross-entropy is the mean over N of −log softmax(logits)[n, yₙ];
 * MSE is the mean over every entry. Call them inside `tf.tidy` (or a gradient function).
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/**
 * Mean softmax cross-entropy over integer labels.
 *
 * @param logits [N, C]
 * @param labels int32 [N]
 * @returns a scalar
 * @throws {RangeError} if the shapes disagree
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { tfSoftmaxCrossEntropy } from "./tf_losses.ts";
 * const loss = tf.tidy(() => tfSoftmaxCrossEntropy(tf.zeros([2, 4]), tf.tensor1d([0, 3], "int32")));
 * console.log(loss.dataSync()[0].toFixed(4)); // "1.3863"
 * loss.dispose();
 * ```
 */
export function tfSoftmaxCrossEntropy(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  if (logits.rank !== 2 || labels.rank !== 1 || labels.shape[0] !== logits.shape[0]) {
    throw new RangeError(
      `tfSoftmaxCrossEntropy: logits are [${logits.shape}] and labels [${labels.shape}]; expected [N, C] and [N]`,
    );
  }
  return tf.tidy(() => {
    const logProbs = tf.logSoftmax(logits as tf.Tensor2D); // [N, C]
    const onehot = tf.oneHot(labels.toInt() as tf.Tensor1D, logits.shape[1]!); // [N, C]
    return tf.neg(tf.mean(tf.sum(tf.mul(onehot, logProbs), 1))) as tf.Scalar;
  });
}

/**
 * Mean squared error over every entry.
 *
 * @param pred [N, K]
 * @param target [N, K]
 * @returns a scalar
 * @throws {RangeError} if the shapes differ
 */
export function tfMse(pred: tf.Tensor, target: tf.Tensor): tf.Scalar {
  if (!tf.util.arraysEqual(pred.shape, target.shape)) {
    throw new RangeError(`tfMse: pred is [${pred.shape}] but target is [${target.shape}]`);
  }
  return tf.tidy(() => tf.mean(tf.square(tf.sub(pred, target))) as tf.Scalar);
}
