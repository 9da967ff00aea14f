import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { leastSquares, LinearRegression } from "../nn/linear_regression.ts";
import { TfMlp } from "../nn/tf_mlp.ts";
import { makeBlobs, makeLine } from "../tasks/toy_data.ts";
import { type DescentMode, trainDescent } from "./train_descent.ts";

await initBackend({ quiet: true });

const MODES: DescentMode[] = ["batch", "minibatch", "stochastic"];

Deno.test("trainDescent() lowers the loss of the two-parameter model in all three modes", () => {
  const data = makeLine({ n: 64, seed: 1 });
  const best = leastSquares(data).loss;
  for (const mode of MODES) {
    const model = new LinearRegression();
    const run = trainDescent({ model, data, mode, batchSize: 8, lr: 0.05, epochs: 30 });
    const [first, last] = [run.loss[0], run.loss.at(-1)!];
    assert.ok(last < first / 5, `${mode}: ${first} → ${last} (best ${best})`);
    if (mode !== "batch") assert.ok(last < best * 1.5, `${mode}: ${last} vs best ${best}`);
    const expectedUpdates = { batch: 30, minibatch: 30 * 8, stochastic: 30 * 64 }[mode];
    assert.equal(run.updates, expectedUpdates);
    assert.equal(run.batchLoss.length, expectedUpdates);
    assert.equal(run.trajectory.length, expectedUpdates + 1);
    assert.deepEqual(run.trajectory[0], [-1, 3]);
    assert.deepEqual(run.trajectory.at(-1), model.params());
    assert.equal(run.examplesSeen.at(-1), 30 * 64);
    assert.equal(run.epochLoss.length, 30);
    assert.ok(run.wallMs > 0);
    model.dispose();
  }
});

Deno.test("trainDescent() lowers the loss of an MLP on blobs in all three modes", () => {
  const data = makeBlobs({ n: 60, classes: 3, seed: 2 });
  for (const mode of MODES) {
    const model = TfMlp.create({ sizes: [2, 8, 3], activation: "tanh", seed: 3 });
    const run = trainDescent({
      model,
      data,
      mode,
      batchSize: 10,
      lr: 0.1,
      epochs: 5,
      evalEvery: 0,
    });
    assert.ok(run.loss.at(-1)! < run.loss[0] * 0.8, `${mode}: ${run.loss[0]} → ${run.loss.at(-1)}`);
    assert.equal(run.loss.length, 6); // before training + one per epoch
    assert.equal(run.trajectory.length, 0); // 51 parameters: too many to record
    model.dispose();
  }
});

Deno.test("trainDescent() keeps tf.memory().numTensors flat, with plain SGD and a tfjs optimizer", () => {
  const data = makeLine({ n: 20 });
  const model = new LinearRegression();
  const before = tf.memory().numTensors;
  trainDescent({ model, data, mode: "minibatch", batchSize: 4, lr: 0.05, epochs: 3 });
  assert.equal(tf.memory().numTensors, before);
  const optimizer = tf.train.momentum(0.05, 0.9);
  trainDescent({ model, data, mode: "stochastic", lr: 0.05, epochs: 1, optimizer });
  const afterFirst = tf.memory().numTensors; // momentum keeps one accumulator per variable
  const run = trainDescent({ model, data, mode: "stochastic", lr: 0.05, epochs: 2, optimizer });
  assert.equal(tf.memory().numTensors, afterFirst);
  assert.ok(run.loss.at(-1)! < 1);
  optimizer.dispose();
  model.dispose();
});

Deno.test("trainDescent() records checkpoints every evalEvery updates and calls onUpdate", () => {
  const model = new LinearRegression();
  let calls = 0;
  const run = trainDescent({
    model,
    data: makeLine({ n: 10 }),
    mode: "minibatch",
    batchSize: 4, // 3 updates per epoch: 4 + 4 + 2 examples
    lr: 0.01,
    epochs: 2,
    evalEvery: 2,
    onUpdate: () => calls++,
  });
  assert.equal(calls, 6);
  assert.deepEqual(run.updateIndex, [0, 2, 3, 4, 6]);
  assert.deepEqual(run.examplesSeen, [0, 8, 10, 14, 20]);
  assert.throws(
    () => trainDescent({ model, data: makeLine({ n: 10 }), mode: "batch", lr: 0, epochs: 1 }),
    RangeError,
  );
  model.dispose();
});
