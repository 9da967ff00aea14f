import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { Rng } from "../util/rng.ts";
import { denseCrossEntropy } from "./dense_cross_entropy.ts";
import { randn, scaledDiff } from "./_tf_testing.ts";

await initBackend({ quiet: true });
const [R, H, V] = [6, 4, 5];
const y = [0, 4, 2, 2, 1, 3];

Deno.test("denseCrossEntropy() equals tf.losses.softmaxCrossEntropy in value and gradients", () => {
  const rng = new Rng(1);
  const a = [randn(rng, [R, H]), randn(rng, [H, V]), randn(rng, [V])];
  const labels = tf.oneHot(tf.tensor1d(y, "int32"), V);
  const ref = tf.valueAndGrads((h: tf.Tensor, W: tf.Tensor, b: tf.Tensor) =>
    tf.mul(tf.losses.softmaxCrossEntropy(labels, tf.add(tf.matMul(h, W), b)), 3) as tf.Scalar
  )(a);
  const got = tf.valueAndGrads((h: tf.Tensor, W: tf.Tensor, b: tf.Tensor) =>
    tf.mul(denseCrossEntropy(h, W, b, y), 3) as tf.Scalar
  )(a);
  assert.ok(Math.abs(ref.value.dataSync()[0] - got.value.dataSync()[0]) < 1e-5);
  got.grads.forEach((g, i) => assert.ok(scaledDiff(g.dataSync(), ref.grads[i].dataSync()) < 1e-5));
  tf.dispose([...a, labels, ref.value, got.value, ...ref.grads, ...got.grads]);
});

Deno.test("denseCrossEntropy() stays finite when a target's probability underflows", () => {
  const hs = tf.tensor2d([[200, 0]]), W = tf.tensor2d([[1, 0], [0, 1]]), b = tf.zeros([2]);
  const loss = denseCrossEntropy(hs, W, b, [1]).dataSync()[0];
  assert.ok(Math.abs(loss - 200) < 1e-3, `loss ${loss}`);
  tf.dispose([hs, W, b]);
});

Deno.test("denseCrossEntropy() rejects targets outside [0, V) and mismatched shapes", () => {
  const hs = tf.zeros([2, 3]), W = tf.zeros([3, 4]), b = tf.zeros([4]);
  assert.throws(() => denseCrossEntropy(hs, W, b, [0, 4]), /targets\[1\] = 4/);
  assert.throws(() => denseCrossEntropy(hs, W, b, [0]), RangeError);
  assert.throws(() => denseCrossEntropy(hs, tf.zeros([2, 4]), b, [0, 1]), RangeError);
  tf.dispose([hs, W, b]);
});
