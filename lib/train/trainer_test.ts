import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { CharLM } from "../rnn/char_lm.ts";
import { type StepInfo, Trainer } from "./trainer.ts";
import { stepSeed, TrainingDivergedError } from "./diverged.ts";

await initBackend({ quiet: true });

/** A tiny char LM on a repeating pattern, drawing each batch from the step's rng. */
function tinyTask(steps = 1) {
  const V = 5, N = 2, T = 6;
  const data = Int32Array.from({ length: 200 }, (_, i) => (i * 3) % V);
  const model = new CharLM({ vocabSize: V, hiddenSize: 8, embedSize: 4 });
  const batchAt = (rng: { int(n: number): number }) => {
    const x = new Int32Array(N * T), y = new Int32Array(N * T);
    for (let n = 0; n < N; n++) {
      const s = rng.int(data.length - T - 1);
      x.set(data.subarray(s, s + T), n * T);
      y.set(data.subarray(s + 1, s + T + 1), n * T);
    }
    return { x, y, batchSize: N, seqLen: T };
  };
  const trainer = new Trainer({
    params: model.params(),
    lr: 1e-2,
    itemsPerStep: N * T * steps,
    loss: ({ rng }) => model.loss(batchAt(rng)),
  });
  return { model, trainer };
}

Deno.test("Trainer.train() lowers the loss and continues the step count across calls", async () => {
  const { model, trainer } = tinyTask();
  const infos: StepInfo[] = [];
  await trainer.train(60, { onStep: (i) => void infos.push(i) });
  await trainer.train(60);
  assert.equal(trainer.step, 120);
  assert.equal(infos.length, 60);
  assert.equal(infos[59].step, 60);
  const h = trainer.history.loss;
  assert.ok(h[119] < h[0] - 0.5, `loss ${h[0]} → ${h[119]}`);
  assert.ok(infos[10].itemsPerSec > 0 && infos[10].etaMs >= 0);
  trainer.dispose();
  model.dispose();
});

Deno.test("Trainer keeps the tensor count flat across 1,000 steps", async () => {
  const { model, trainer } = tinyTask();
  await trainer.train(5);
  const before = tf.memory().numTensors;
  await trainer.train(1000);
  assert.equal(tf.memory().numTensors, before);
  trainer.dispose();
  model.dispose();
});

Deno.test("Trainer evaluates every evalEvery steps and at the end, reporting through onEval", async () => {
  const w = tf.variable(tf.scalar(0));
  const evals: number[] = [];
  const trainer = new Trainer({
    params: { w },
    lr: 0.1,
    evalEvery: 4,
    loss: () => tf.square(tf.sub(w, 3)) as tf.Scalar,
    evaluate: () => Math.abs(w.dataSync()[0] - 3),
    onEval: (e) => void evals.push(e.step),
  });
  await trainer.train(10);
  assert.deepEqual(evals, [4, 8, 10]);
  assert.equal(trainer.history.val.length, 3);
  trainer.dispose();
  w.dispose();
});

Deno.test("Trainer stops with a hint when the loss becomes NaN and leaves the weights untouched", async () => {
  const w = tf.variable(tf.scalar(1));
  let blowUp = false;
  const trainer = new Trainer({
    params: { w },
    lr: 0.1,
    loss: () => (blowUp ? tf.mul(w, NaN) : tf.square(w)) as tf.Scalar,
  });
  await trainer.train(3);
  const before = w.dataSync()[0];
  blowUp = true;
  await assert.rejects(
    () => trainer.train(5),
    (e: unknown) =>
      e instanceof TrainingDivergedError && e.step === 3 &&
      /loss became NaN/.test(e.message) && /lower learning rate/.test(e.message),
  );
  assert.equal(w.dataSync()[0], before);
  assert.equal(trainer.step, 3);
  trainer.dispose();
  w.dispose();
});

Deno.test("Trainer trains without clipping (clipNorm 0) and ignores parameters the loss does not use", async () => {
  const w = tf.variable(tf.scalar(0)), unused = tf.variable(tf.scalar(7));
  const trainer = new Trainer({
    params: { w, unused },
    lr: 0.1,
    clipNorm: 0,
    loss: () => tf.square(tf.sub(w, 3)) as tf.Scalar,
  });
  await trainer.train(100);
  assert.ok(Math.abs(w.dataSync()[0] - 3) < 0.05);
  assert.equal(unused.dataSync()[0], 7);
  trainer.dispose();
  tf.dispose([w, unused]);
});

Deno.test("Trainer with clipValue clamps every gradient entry and reports the pre-clip norm", async () => {
  const w = tf.variable(tf.tensor1d([0, 0]));
  const trainer = new Trainer({
    params: { w },
    kind: "sgd",
    lr: 1,
    clipValue: 0.5,
    loss: () => tf.sum(tf.mul(w, tf.tensor1d([-3, 0.25]))) as tf.Scalar, // gradient [-3, 0.25]
  });
  const { gradNorm } = trainer.trainStep();
  assert.ok(Math.abs(gradNorm - Math.hypot(3, 0.25)) < 1e-6, `${gradNorm}`);
  assert.deepEqual(Array.from(w.dataSync()), [0.5, -0.25]);
  const before = tf.memory().numTensors;
  await trainer.train(10);
  assert.equal(tf.memory().numTensors, before);
  trainer.dispose();
  w.dispose();
});

Deno.test("stepSeed() depends on the seed and the step, deterministically", () => {
  assert.equal(stepSeed(42, 7), stepSeed(42, 7));
  assert.notEqual(stepSeed(42, 7), stepSeed(42, 8));
  assert.notEqual(stepSeed(42, 7), stepSeed(43, 7));
});

Deno.test("Trainer rejects invalid settings", () => {
  const w = tf.variable(tf.scalar(0));
  const loss = () => tf.square(w) as tf.Scalar;
  assert.throws(() => new Trainer({ params: { w }, loss, clipNorm: -1 }), /clipNorm/);
  assert.throws(() => new Trainer({ params: { w }, loss, evalEvery: 1.5 }), /evalEvery/);
  assert.throws(() => new Trainer({ params: { w }, loss, clipValue: 0 }), /clipValue/);
  assert.throws(() => new Trainer({ params: { w }, loss, clipNorm: 1, clipValue: 1 }), /not both/);
  w.dispose();
});

Deno.test("Trainer.setState() replaces the optimizer's slots without leaking tensors", async () => {
  const { model, trainer } = tinyTask();
  await trainer.train(3);
  const state = trainer.getState();
  assert.ok(Object.keys(state.optimizer.slots).length >= 12, "Adam has m and v per parameter");
  const before = tf.memory().numTensors;
  for (let i = 0; i < 3; i++) trainer.setState(state);
  assert.equal(tf.memory().numTensors, before, "setState leaked tensors");
  assert.deepEqual(trainer.getState().optimizer, state.optimizer);
  trainer.dispose();
  model.dispose();
});

Deno.test("Trainer stops when the loss passes maxLoss, though it stays finite", async () => {
  const w = tf.variable(tf.scalar(1));
  const trainer = new Trainer({
    params: { w },
    loss: () => tf.square(w) as tf.Scalar,
    kind: "sgd",
    lr: 10, // w ← w − 20 w: the loss w² goes 1, 361, 130321, 19⁶ = 4.7e7
    clipNorm: 0,
    maxLoss: 1e6,
  });
  const err = await trainer.train(50).catch((e) => e);
  assert.ok(err instanceof TrainingDivergedError, String(err));
  assert.match(err.message, /step 4: the loss became 4\.705e\+7, above the limit of 1\.000e\+6/);
  assert.match(err.message, /lower learning rate \(lr 10 → 3\.33\)/);
  assert.ok(Number.isFinite(err.loss));
  assert.equal(trainer.step, 3, "steps with a loss ≤ maxLoss went through");
  assert.equal(w.dataSync()[0], (-19) ** 3, "the failing step did not update the weights");
  assert.throws(
    () => new Trainer({ params: { w }, loss: () => tf.scalar(0), maxLoss: 0 }),
    /maxLoss/,
  );
  trainer.dispose();
  w.dispose();
});
