import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { Rng } from "../util/rng.ts";
import { RecurrentStack } from "./recurrent_stack.ts";
import { bracketTask, longDependencyTask } from "../tasks/seq_tasks.ts";

await initBackend({ quiet: true });

Deno.test("RecurrentStack maps [N, T] ids to L hidden states [N, T, H] and frees everything", () => {
  const before = tf.memory().numTensors;
  const data = bracketTask({ n: 6, T: 5, seed: 1 });
  const stack = new RecurrentStack({
    kind: "rnn",
    vocabSize: data.vocab.length,
    hiddenSize: 4,
    numLayers: 3,
    numClasses: 2,
    output: "every",
  });
  const shapes = tf.tidy(() => stack.hidden(data.ids.subarray(0, 10), [2, 5]).map((h) => h.shape));
  assert.deepEqual(shapes, [[2, 5, 4], [2, 5, 4], [2, 5, 4]]);
  assert.equal(Object.keys(stack.params).length, 3 * 3 + 2);
  stack.dispose();
  assert.equal(tf.memory().numTensors, before);
  assert.throws(
    () =>
      new RecurrentStack({
        kind: "rnn",
        vocabSize: 3,
        hiddenSize: 4,
        numLayers: 0,
        numClasses: 2,
        output: "last",
      }),
    /numLayers/,
  );
});

Deno.test("RecurrentStack with shortcuts adds each layer's input to its output", () => {
  const data = longDependencyTask({ n: 4, maxDistance: 3, seed: 2 });
  const opts = {
    kind: "gru" as const,
    vocabSize: data.vocab.length,
    hiddenSize: 5,
    numLayers: 2,
    numClasses: 2,
    output: "last" as const,
    seed: 3,
  };
  const res = new RecurrentStack(opts), plain = new RecurrentStack({ ...opts, shortcut: false });
  const diff = tf.tidy(() => {
    const [h1, h2] = res.hidden(data.ids, data.shape);
    const [, p2] = plain.hidden(data.ids, data.shape);
    return tf.max(tf.abs(tf.sub(tf.sub(h2, h1), p2))).dataSync()[0];
  });
  assert.ok(diff < 1e-6, `h² − h¹ differs from the plain layer 2 by ${diff}`);
  res.dispose();
  plain.dispose();
});

Deno.test("RecurrentStack.gradNormsPerLayer() probes every layer; training lowers the loss with a flat tensor count", () => {
  const data = longDependencyTask({ n: 64, maxDistance: 4, seed: 4 });
  const stack = new RecurrentStack({
    kind: "rnn",
    vocabSize: data.vocab.length,
    hiddenSize: 8,
    numLayers: 3,
    numClasses: 2,
    output: "last",
    shortcut: false,
  });
  const rows = Array.from({ length: 16 }, (_, i) => i);
  const g = stack.gradNormsPerLayer(data, rows);
  assert.equal(g.dh.length, 3);
  assert.equal(g.dWx.length, 3);
  assert.ok([...g.dh, ...g.dWx].every((v) => v > 0 && Number.isFinite(v)));
  const opt = tf.train.adam(0.02), rng = new Rng(0), vars = Object.values(stack.params);
  const step = () =>
    tf.tidy(() => opt.minimize(() => stack.batchLoss(data, rng, 16), true, vars)!.dataSync()[0]);
  step();
  const before = tf.memory().numTensors;
  for (let i = 0; i < 40; i++) step();
  assert.equal(tf.memory().numTensors, before);
  const loss = tf.tidy(() => stack.rowsLoss(data, rows).dataSync()[0]);
  assert.ok(loss < g.loss, `loss ${g.loss} → ${loss}`);
  opt.dispose();
  stack.dispose();
});
