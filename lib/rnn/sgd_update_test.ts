import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { sgdUpdate } from "./sgd_update.ts";

Deno.test("sgdUpdate() subtracts step·gradient from every parameter and frees its tensors", () => {
  const W = tf.variable(tf.tensor2d([[1, 2], [3, 4]])), b = tf.variable(tf.tensor1d([0]));
  const before = tf.memory().numTensors;
  sgdUpdate({ W, b }, { dW: Float32Array.of(1, 0, 0, -2), db: Float32Array.of(4) }, 0.5);
  assert.equal(tf.memory().numTensors, before);
  assert.deepEqual(Array.from(W.dataSync()), [0.5, 2, 3, 5]);
  assert.deepEqual(Array.from(b.dataSync()), [-2]);
  assert.throws(() => sgdUpdate({ W }, { dW: Float32Array.of(1) }, 0.1), /dW has 1 values/);
  assert.throws(() => sgdUpdate({ W }, {}, 0.1), /dW has no values/);
  assert.throws(() => sgdUpdate({ W }, { dW: new Float32Array(4) }, NaN), /finite/);
  tf.dispose([W, b]);
});
