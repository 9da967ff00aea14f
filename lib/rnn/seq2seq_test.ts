import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { Rng } from "../util/rng.ts";
import { randomSeq2SeqBatch } from "../tasks/reverse_task.ts";
import { Seq2Seq, seq2seqAccuracy } from "./seq2seq.ts";

await initBackend({ quiet: true });

for (const attention of [false, true]) {
  Deno.test(`Seq2Seq (attention ${attention}) gives [N, S + 1, H] features and ${attention ? "[N, S + 1, S] weights" : "no weights"}`, () => {
    const before = tf.memory().numTensors;
    const m = new Seq2Seq({ attention, embedSize: 3, hiddenSize: 5, seed: 1 });
    const b = randomSeq2SeqBatch("reverse", 2, 4, new Rng(0));
    let shapes: unknown[] = [];
    tf.tidy(() => {
      const { features, weights } = m.teacherForced(b);
      shapes = [features.shape, weights?.shape ?? null];
    });
    assert.deepEqual(shapes, [[2, 5, 5], attention ? [2, 5, 4] : null]);
    const g = m.greedy(b.src, b.n);
    assert.equal(g.tokens.length, 2);
    assert.ok(g.tokens.every((t) => t.length <= 5));
    if (attention) assert.ok(g.weights[0].every((row) => row.length === 4));
    m.dispose();
    assert.equal(tf.memory().numTensors, before);
  });
}

Deno.test("Seq2Seq with attention overfits a few reversals, with a flat tensor count", () => {
  const m = new Seq2Seq({ attention: true, embedSize: 8, hiddenSize: 24, seed: 2 });
  const b = randomSeq2SeqBatch("reverse", 4, 4, new Rng(3));
  const opt = tf.train.adam(0.02), vars = Object.values(m.params);
  const step = () => tf.tidy(() => opt.minimize(() => m.loss(b), true, vars)!.dataSync()[0]);
  const first = step(), before = tf.memory().numTensors;
  let last = first;
  for (let i = 0; i < 150; i++) last = step();
  assert.equal(tf.memory().numTensors, before);
  assert.ok(last < 0.05, `loss ${first} → ${last}`);
  const acc = seq2seqAccuracy(m, b);
  assert.equal(acc.sequence, 1);
  assert.equal(tf.memory().numTensors, before);
  opt.dispose();
  m.dispose();
});
