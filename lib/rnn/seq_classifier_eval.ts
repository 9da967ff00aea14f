/**
 * Evaluating a sequence classifier of notebooks 04–06, the float64 scratch one (seq_classifier.ts)
 * or its tfjs twin (tf_seq_model.ts): the predicted class of every sequence, and the accuracy at
 * each dependency distance, the curve notebooks 04 and 06 plot.
 * @module
 */
import { argmaxRows } from "../scratch/losses.ts";
import { accuracyByDistance, oneHotSequence } from "../tasks/seq_features.ts";
import type { SequenceClassificationData } from "../tasks/seq_tasks.ts";
import { type SeqClassifier, seqClassifierForward } from "./seq_classifier.ts";
import { TfSeqModel } from "./tf_seq_model.ts";

function batchOf(data: SequenceClassificationData, rows: ArrayLike<number>) {
  const T = data.shape[1], B = rows.length, ids = new Int32Array(B * T), y = new Int32Array(B);
  for (let i = 0; i < B; i++) {
    ids.set(data.ids.subarray(rows[i] * T, (rows[i] + 1) * T), i * T);
    y[i] = data.y[rows[i]];
  }
  return { x: oneHotSequence(ids, [B, T], data.vocab.length), y }; // x [B, T, V]
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
 * import { longDependencyTask } from "../tasks/seq_tasks.ts";
 * import { TfSeqModel } from "./tf_seq_model.ts";
 * import { seqAccuracyByDistance } from "./seq_classifier_eval.ts";
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
