import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { Rng } from "../util/rng.ts";
import { longDependencyTask } from "../tasks/seq_tasks.ts";
import { oneHotSequence } from "../tasks/seq_features.ts";
import {
  createSeqClassifier,
  seqClassifierLossAndGrads,
  seqClassifierParams,
} from "../rnn/seq_classifier.ts";
import { globalNorm } from "../rnn/clip.ts";
import { TfSeqModel } from "../rnn/tf_seq_model.ts";
import { seqAccuracyByDistance } from "../rnn/seq_classifier_eval.ts";
import { stepSeed } from "./diverged.ts";
import { trainTfSeqClassifier } from "./train_tf_seq_classifier.ts";

await initBackend({ quiet: true });

const model = (H: number, seed = 0) =>
  new TfSeqModel({
    kind: "rnn",
    vocabSize: 6,
    hiddenSize: H,
    numClasses: 2,
    output: "last",
    init: "xavier",
    seed,
  });

Deno.test("trainTfSeqClassifier() learns a short long-dependency task", async () => {
  const train = longDependencyTask({ n: 500, maxDistance: 4, seed: 1 });
  const test = longDependencyTask({ n: 200, maxDistance: 4, seed: 2 });
  const m = model(8);
  const h = await trainTfSeqClassifier(m, train, { steps: 150, lr: 0.02, recordDhEvery: 50 });
  assert.equal(h.loss.length, 150);
  assert.equal(h.divergedAt, -1);
  assert.ok(h.loss.slice(-10).reduce((a, b) => a + b) / 10 < 0.2, `loss ${h.loss.at(-1)}`);
  assert.deepEqual(h.dhSteps, [1, 51, 101]);
  assert.equal(h.dhNorms[0].length, 5);
  const acc = seqAccuracyByDistance(m, test);
  assert.ok(Math.min(...acc.accuracy) > 0.9, `accuracy ${acc.accuracy}`);
  m.dispose();
});

Deno.test("trainTfSeqClassifier()'s first update is the scratch classifier's SGD step on the same batch", async () => {
  const data = longDependencyTask({ n: 40, maxDistance: 6, seed: 3 });
  const [B, T, lr, seed, k] = [8, data.shape[1], 0.5, 4, 5];
  for (const kind of ["rnn", "lstm", "gru"] as const) {
    const scratch = createSeqClassifier({ kind, D: 6, H: 5, C: 2, seed: 1 });
    const m = TfSeqModel.fromScratch(scratch);
    const h = await trainTfSeqClassifier(m, data, {
      steps: 1,
      lr,
      batchSize: B,
      optimizer: "sgd",
      truncate: k,
      recordDhEvery: 1,
      seed,
    });
    // The batch the Trainer's first step draws: rows from the Rng of (seed, step 0).
    const rng = new Rng(stepSeed(seed, 0)), ids = new Int32Array(B * T), y = new Int32Array(B);
    for (let i = 0; i < B; i++) {
      const r = rng.int(data.shape[0]);
      ids.set(data.ids.subarray(r * T, (r + 1) * T), i * T);
      y[i] = data.y[r];
    }
    const dh = new Array<number>(T).fill(0);
    const { loss, grads } = seqClassifierLossAndGrads(scratch, oneHotSequence(ids, [B, T], 6), y, {
      truncate: k,
      onStep: (t, d) => (dh[t] = Math.hypot(...d.data)),
    });
    assert.ok(Math.abs(h.loss[0] - loss) < 1e-5, `${kind}: loss ${h.loss[0]} vs ${loss}`);
    const norm = globalNorm(grads);
    assert.ok(Math.abs(h.gradNorm[0] - norm) < 1e-5 * norm, `${kind}: ${h.gradNorm[0]} vs ${norm}`);
    h.dhNorms[0].forEach((v, t) => assert.ok(Math.abs(v - dh[t]) <= 1e-5 * dh[T - 1], `t = ${t}`));
    const after = seqClassifierParams(m.toScratch()), before = seqClassifierParams(scratch);
    for (const [name, p] of Object.entries(before)) {
      const g = grads[`d${name}`];
      const worst = Math.max(...p.map((v, i) => Math.abs(after[name][i] - (v - lr * g[i]))));
      assert.ok(worst < 1e-5, `${kind}: ${name} after one step is off by ${worst}`);
    }
    m.dispose();
  }
});

Deno.test("trainTfSeqClassifier() keeps the tensor count flat over many steps and frees its optimizer", async () => {
  const data = longDependencyTask({ n: 64, maxDistance: 5, seed: 5 });
  const m = model(6), counts: number[] = [];
  const start = tf.memory().numTensors;
  await trainTfSeqClassifier(m, data, {
    steps: 60,
    lr: 0.01,
    batchSize: 8,
    clipNorm: 1,
    truncate: 3,
    recordDhEvery: 7,
    onStep: () => void counts.push(tf.memory().numTensors),
  });
  assert.ok(counts.every((c) => c === counts[0]), `tensor counts ${[...new Set(counts)]}`);
  assert.equal(tf.memory().numTensors, start);
  m.dispose();
});

Deno.test("trainTfSeqClassifier() clips by value, stops on divergence and rejects bad settings", async () => {
  const data = longDependencyTask({ n: 64, maxDistance: 5, seed: 6 });
  const m = model(6, 1);
  const clipped = await trainTfSeqClassifier(m, data, {
    steps: 3,
    lr: 0.1,
    optimizer: "sgd",
    clipValue: 1e-3,
  });
  assert.equal(clipped.gradNorm.length, 3);
  m.Wy.assign(tf.fill(m.Wy.shape, NaN));
  const h = await trainTfSeqClassifier(m, data, { steps: 5, lr: 0.1 });
  assert.equal(h.divergedAt, 1);
  assert.equal(h.loss.length, 1);
  await assert.rejects(() => trainTfSeqClassifier(m, data, { steps: 0, lr: 1 }), RangeError);
  await assert.rejects(
    () => trainTfSeqClassifier(m, data, { steps: 1, lr: 1, clipNorm: 1, clipValue: 1 }),
    /not both/,
  );
  m.dispose();
  const tagger = new TfSeqModel({
    kind: "rnn",
    vocabSize: 6,
    hiddenSize: 4,
    numClasses: 2,
    output: "every",
  });
  await assert.rejects(() => trainTfSeqClassifier(tagger, data, { steps: 1, lr: 1 }), /"last"/);
  tagger.dispose();
});
