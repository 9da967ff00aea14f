import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { Rng } from "../util/rng.ts";
import { bracketTask, longDependencyTask } from "../tasks/seq_tasks.ts";
import { TfSeqModel } from "./tf_seq_model.ts";
import { oneHotSequence } from "../tasks/seq_features.ts";
import {
  createSeqClassifier,
  seqClassifierLossAndGrads,
  seqClassifierParams,
} from "./seq_classifier.ts";
import { scaledDiff } from "../kernels/_tf_testing.ts";
import { argmaxRows } from "../scratch/losses.ts";

await initBackend({ quiet: true });

Deno.test("TfSeqModel counts parameters and predicts one class per sequence or per token", () => {
  const cls = longDependencyTask({ n: 7, maxDistance: 4, seed: 1 });
  const m = new TfSeqModel({
    kind: "lstm",
    vocabSize: 6,
    hiddenSize: 5,
    numClasses: 2,
    output: "last",
  });
  assert.equal(m.paramCount(), 4 * 5 * (6 + 5) + 4 * 5 + 5 * 2 + 2);
  assert.equal(m.predict(cls).length, 7);
  const tags = bracketTask({ n: 3, T: 9, seed: 2 });
  const t = new TfSeqModel({
    kind: "gru",
    vocabSize: 6,
    hiddenSize: 4,
    numClasses: 2,
    output: "every",
  });
  assert.equal(t.predict(tags).length, 27);
  m.dispose();
  t.dispose();
});

Deno.test("TfSeqModel.batchLoss() trains the bracket tagger with flat memory", () => {
  const data = bracketTask({ n: 200, T: 12, seed: 3 });
  const m = new TfSeqModel({
    kind: "rnn",
    vocabSize: 6,
    hiddenSize: 8,
    numClasses: 2,
    output: "every",
  });
  const opt = tf.train.adam(0.02), rng = new Rng(0);
  const step = () => {
    const cost = opt.minimize(() => m.batchLoss(data, rng, 16), true)!;
    const v = cost.dataSync()[0];
    cost.dispose();
    return v;
  };
  const first = step();
  const before = tf.memory().numTensors;
  let last = first;
  for (let i = 0; i < 60; i++) last = step();
  assert.equal(tf.memory().numTensors, before);
  assert.ok(last < first, `loss ${first} → ${last}`);
  opt.dispose();
  m.dispose();
});

Deno.test("TfSeqModel.toScratch() gives the same loss and predictions in float64", () => {
  const data = longDependencyTask({ n: 5, maxDistance: 6, seed: 4, cue: true });
  const x = oneHotSequence(data.ids, data.shape, 7);
  for (const kind of ["rnn", "lstm", "gru"] as const) {
    const m = new TfSeqModel({
      kind,
      vocabSize: 7,
      hiddenSize: 6,
      numClasses: 2,
      output: "last",
      seed: 3,
    });
    const s = m.toScratch();
    const tfLoss = tf.tidy(() => m.loss(data.ids, data.shape, data.y).dataSync()[0]);
    const { loss, logits } = seqClassifierLossAndGrads(s, x, data.y);
    assert.ok(Math.abs(tfLoss - loss) < 1e-5, `${kind}: ${tfLoss} vs ${loss}`);
    assert.deepEqual(Array.from(m.predict(data)), Array.from(argmaxRows(logits)));
    m.dispose();
  }
});

Deno.test("TfSeqModel.lossAndGrads() equals the scratch classifier's loss, gradients and ∂L/∂h_t, full and truncated", () => {
  const data = longDependencyTask({ n: 6, maxDistance: 7, seed: 5 });
  const [N, T] = data.shape, x = oneHotSequence(data.ids, data.shape, 6);
  for (const kind of ["rnn", "lstm", "gru"] as const) {
    const scratch = createSeqClassifier({ kind, D: 6, H: 5, C: 2, seed: 2 });
    const m = TfSeqModel.fromScratch(scratch);
    for (const truncate of [undefined, 3]) {
      const want = new Array<number>(T).fill(0),
        got = new Array<number>(T).fill(0),
        seen: number[] = [];
      const s = seqClassifierLossAndGrads(scratch, x, data.y, {
        truncate,
        onStep: (t, d) => (want[t] = Math.hypot(...d.data)),
      });
      const f = m.lossAndGrads(data.ids, [N, T], data.y, {
        truncate,
        onBackwardStep: (t, d) => {
          got[t] = Math.hypot(...d);
          seen.push(t);
        },
      });
      const what = `${kind}, truncate ${truncate}`;
      assert.ok(Math.abs(f.loss - s.loss) < 1e-5, `${what}: loss ${f.loss} vs ${s.loss}`);
      assert.deepEqual(Object.keys(f.grads).sort(), Object.keys(s.grads).sort());
      for (const [name, g] of Object.entries(s.grads)) {
        const e = scaledDiff(f.grads[name], g);
        assert.ok(e < 1e-5, `${what}: ${name} differs by ${e}`);
      }
      assert.equal(seen.length, truncate ?? T);
      assert.ok(scaledDiff(got, want) < 1e-5, `${what}: ‖∂L/∂h_t‖ ${got} vs ${want}`);
    }
    m.dispose();
  }
});

Deno.test("TfSeqModel with a scratch-style init starts from createSeqClassifier's weights", () => {
  const opts = { kind: "lstm" as const, D: 6, H: 4, C: 3, seed: 7, init: "orthogonal" as const };
  const m = new TfSeqModel({
    kind: "lstm",
    vocabSize: 6,
    hiddenSize: 4,
    numClasses: 3,
    output: "last",
    seed: 7,
    init: "orthogonal",
    scale: 0.9,
  });
  const want = seqClassifierParams(createSeqClassifier({ ...opts, scale: 0.9 }));
  const got = seqClassifierParams(m.toScratch());
  for (const [name, v] of Object.entries(want)) {
    assert.ok(scaledDiff(got[name], v) < 1e-6, `${name} differs`);
  }
  assert.throws(
    () => m.loadScratch(createSeqClassifier({ kind: "gru", D: 6, H: 4, C: 3 })),
    /lstm model cannot take a gru cell/,
  );
  m.dispose();
});
