import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { maxAbsDiff } from "../util/all_close.ts";
import { Rng } from "../util/rng.ts";
import { mse, softmaxCrossEntropy } from "../scratch/losses.ts";
import { matrix } from "../scratch/matrix.ts";
import { matrixToTensor } from "./to_tensors.ts";
import { tfMse, tfSoftmaxCrossEntropy } from "./tf_losses.ts";

await initBackend({ quiet: true });

Deno.test("tfSoftmaxCrossEntropy() and its tf.grad match the scratch loss and dLogits (< 1e-5)", () => {
  const [n, c] = [5, 4];
  const rng = new Rng(1);
  const logits = matrix(n, c, rng.normalArray(n * c, 2));
  const labels = Int32Array.from({ length: n }, () => rng.int(c));
  const ref = softmaxCrossEntropy(logits, labels);
  const before = tf.memory().numTensors;
  const [loss, grad] = tf.tidy(() => {
    const y = tf.tensor1d(labels, "int32");
    const f = (z: tf.Tensor) => tfSoftmaxCrossEntropy(z, y);
    const z = matrixToTensor(logits);
    return [f(z).dataSync()[0], tf.grad(f)(z).dataSync()];
  });
  assert.equal(tf.memory().numTensors, before);
  assert.ok(Math.abs(loss - ref.loss) < 1e-5);
  assert.ok(maxAbsDiff(grad, ref.dLogits.data) < 1e-5);
  assert.throws(() => tfSoftmaxCrossEntropy(tf.zeros([2, 3]), tf.zeros([3], "int32")), RangeError);
});

Deno.test("tfMse() matches scratch mse and rejects different shapes", () => {
  const rng = new Rng(2);
  const a = matrix(3, 2, rng.normalArray(6)), b = matrix(3, 2, rng.normalArray(6));
  const loss = tf.tidy(() => tfMse(matrixToTensor(a), matrixToTensor(b)).dataSync()[0]);
  assert.ok(Math.abs(loss - mse(a, b).loss) < 1e-5);
  assert.throws(() => tf.tidy(() => tfMse(tf.zeros([2, 1]), tf.zeros([1, 2]))), /pred is \[2,1\]/);
});
