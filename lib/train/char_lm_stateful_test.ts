import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { CharLM, type CharLMState } from "../rnn/char_lm.ts";
import { sequentialBatch } from "../text/sequential_batches.ts";
import { sequentialLoss, streamLoss } from "./char_lm_stateful.ts";
import { trainCharLM } from "./char_lm_run.ts";
import { Trainer } from "./trainer.ts";

const ids = Int32Array.from({ length: 401 }, (_, i) => (i * 7 + (i >> 3)) % 5);

for (const cell of ["lstm", "gru", "rnn"] as const) {
  Deno.test(`CharLM (${cell}): two chunks with the state carried equal one long sequence`, () => {
    const model = new CharLM({ vocabSize: 5, hiddenSize: 6, embedSize: 3, layers: 2, cell });
    const N = 2, T = 10;
    const long = sequentialBatch(ids, N, 2 * T, 0); // [N, 2T]
    const half = (a: Int32Array, h: number) =>
      Int32Array.from({ length: N * T }, (_, i) => a[Math.floor(i / T) * 2 * T + h * T + (i % T)]);
    const whole = tf.tidy(() => model.loss(long).dataSync()[0]);
    let state: CharLMState | undefined;
    const first = tf.tidy(() =>
      model.loss({ x: half(long.x, 0), y: half(long.y, 0), batchSize: N, seqLen: T }, {
        onFinalState: (s) => (state = s),
      }).dataSync()[0]
    );
    const second = tf.tidy(() =>
      model.loss({ x: half(long.x, 1), y: half(long.y, 1), batchSize: N, seqLen: T }, {
        initialState: state,
      }).dataSync()[0]
    );
    assert.ok(Math.abs((first + second) / 2 - whole) < 1e-5, `${first} ${second} ${whole}`);
    const zero = tf.tidy(() =>
      model.loss({ x: half(long.x, 1), y: half(long.y, 1), batchSize: N, seqLen: T }).dataSync()[0]
    );
    assert.notEqual(zero, second);
    assert.throws(
      () => model.loss(long, { initialState: [{ h: new Float32Array(3) }] }),
      /initialState needs 2 layer\(s\) of h \[N·H = 12\]/,
    );
    model.dispose();
  });
}

Deno.test("streamLoss() over one batch equals the plain loss; sequentialLoss trains", async () => {
  const model = new CharLM({ vocabSize: 5, hiddenSize: 8 });
  const one = tf.tidy(() => model.loss(sequentialBatch(ids, 4, 100, 0)).dataSync()[0]);
  assert.ok(Math.abs(streamLoss(model, ids, 4, 100) - one) < 1e-6);
  const before = tf.memory().numTensors;
  const trainer = new Trainer({
    params: model.params(),
    lr: 0.02,
    ...sequentialLoss(model, ids, 4, 10),
  });
  await trainer.train(30);
  trainer.dispose();
  assert.equal(tf.memory().numTensors, before);
  assert.ok(trainer.history.loss.at(-1)! < trainer.history.loss[0]);
  assert.throws(() => sequentialLoss(model, ids.subarray(0, 10), 4, 10), /hold no batch/);
  model.dispose();
});

Deno.test("trainCharLM() frees its model unless kept, and reports to a progress sink", async () => {
  const before = tf.memory().numTensors;
  const seen: number[] = [];
  const progress = { update: (s: { step: number }) => seen.push(s.step), flush: () => {} };
  const base = { model: { vocabSize: 5, hiddenSize: 8 }, train: ids, val: ids, batchSize: 4 };
  const run = await trainCharLM({ ...base, seqLen: 8, steps: 4, progress });
  assert.equal(tf.memory().numTensors, before);
  assert.deepEqual(seen, [1, 2, 3, 4]);
  assert.ok(Number.isFinite(run.val) && run.seconds > 0 && run.model === undefined);
  const kept = await trainCharLM({
    ...base,
    seqLen: 8,
    steps: 2,
    keep: true,
    batches: "sequential",
  });
  assert.ok(kept.model && kept.trainer);
  kept.dispose();
  kept.dispose();
  assert.equal(tf.memory().numTensors, before);
  await assert.rejects(() => trainCharLM({ ...base, seqLen: 8, steps: 0 }), /steps must be/);
});

Deno.test("trainCharLM() stops at maxSeconds of training time", async () => {
  const run = await trainCharLM({
    model: { vocabSize: 5, hiddenSize: 8 },
    train: ids,
    batchSize: 4,
    seqLen: 8,
    steps: 100_000,
    maxSeconds: 0.2,
  });
  assert.ok(run.history.loss.length < 100_000 && run.seconds >= 0.2 && run.seconds < 5);
});
