import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { Rng } from "../util/rng.ts";
import { CharLM } from "./char_lm.ts";
import type { CellKind } from "./recurrent_layer.ts";
import { scaledDiff } from "../kernels/_tf_testing.ts";

await initBackend({ quiet: true });
const V = 11;

function batch(seed: number, N = 3, T = 7) {
  const rng = new Rng(seed);
  const x = Int32Array.from({ length: N * T }, () => rng.int(V));
  const y = Int32Array.from({ length: N * T }, () => rng.int(V));
  return { x, y, batchSize: N, seqLen: T };
}

Deno.test("CharLM.loss() starts near ln V for every cell", () => {
  for (const cell of ["lstm", "gru", "rnn"] as CellKind[]) {
    const lm = new CharLM({ vocabSize: V, hiddenSize: 16, embedSize: 8, cell, layers: 2 });
    const loss = tf.tidy(() => lm.loss(batch(1)).dataSync()[0]);
    assert.ok(Math.abs(loss - Math.log(V)) < 0.5, `${cell}: ${loss} vs ln V = ${Math.log(V)}`);
    lm.dispose();
  }
});

Deno.test("CharLM.sampler() feeding one character at a time equals logits() of the whole sequence", () => {
  for (const cell of ["lstm", "gru", "rnn"] as CellKind[]) {
    const lm = new CharLM({ vocabSize: V, hiddenSize: 6, embedSize: 5, cell, layers: 2, seed: 3 });
    const ids = Int32Array.of(1, 4, 4, 0, 10, 7);
    const full = tf.tidy(() => lm.logits(ids, 1, ids.length).dataSync());
    const s = lm.sampler();
    const stepped = Float32Array.from([...ids].flatMap((id) => [...s.step(id)]));
    assert.ok(scaledDiff(stepped, full) < 1e-5, `${cell}: ${scaledDiff(stepped, full)}`);
    s.reset();
    assert.ok(scaledDiff(s.step(ids[0]), full.subarray(0, V)) < 1e-6, `${cell}: reset`);
    lm.dispose();
  }
});

Deno.test("CharLM.loss() with dropout is reproducible by seed and off in evaluation", () => {
  const lm = new CharLM({ vocabSize: V, hiddenSize: 16, layers: 2, dropout: 0.5 });
  const b = batch(2);
  const f = (o: { training?: boolean; seed?: number }) =>
    tf.tidy(() => lm.loss(b, o).dataSync()[0]);
  assert.equal(f({ training: true, seed: 5 }), f({ training: true, seed: 5 }));
  assert.notEqual(f({ training: true, seed: 5 }), f({ training: true, seed: 6 }));
  assert.equal(f({}), f({ training: false, seed: 5 }));
  lm.dispose();
});

Deno.test("CharLM.getWeights()/setWeights() round-trip and name a wrong shape", () => {
  const a = new CharLM({ vocabSize: V, hiddenSize: 8, layers: 2, cell: "gru", seed: 1 });
  const b = new CharLM({ vocabSize: V, hiddenSize: 8, layers: 2, cell: "gru", seed: 2 });
  const data = batch(3);
  b.setWeights(a.getWeights());
  const la = tf.tidy(() => a.loss(data).dataSync()[0]),
    lb = tf.tidy(() => b.loss(data).dataSync()[0]);
  assert.equal(la, lb);
  const w = a.getWeights();
  w.Wy = { shape: [3, 3], data: new Float32Array(9) };
  assert.throws(() => b.setWeights(w), /"Wy" has shape \[3,3\]/);
  assert.equal(a.paramCount(), Object.values(w).reduce((n, t) => n + t.data.length, 0) - 9 + 8 * V);
  a.dispose();
  b.dispose();
});

Deno.test("CharLM rejects bad sizes and batches", () => {
  assert.throws(() => new CharLM({ vocabSize: 0 }), /vocabSize/);
  assert.throws(() => new CharLM({ vocabSize: 3, dropout: 1 }), /dropout/);
  const lm = new CharLM({ vocabSize: 3, hiddenSize: 4 });
  assert.throws(
    () => lm.loss({ x: new Int32Array(5), y: new Int32Array(6), batchSize: 2, seqLen: 3 }),
    RangeError,
  );
  lm.dispose();
});

Deno.test("new CharLM(...).dispose() frees every tensor it made, for every cell", () => {
  for (const cell of ["lstm", "gru", "rnn"] as CellKind[]) {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      new CharLM({ vocabSize: V, hiddenSize: 4, cell, layers: 2 }).dispose();
    }
    assert.equal(tf.memory().numTensors, before, `${cell}: tensors left after dispose()`);
  }
});

Deno.test("CharLM.loss() and logits() refuse an empty batch by name", () => {
  const lm = new CharLM({ vocabSize: V, hiddenSize: 4 });
  const before = tf.memory().numTensors;
  const empty = new Int32Array(0);
  for (const [N, T] of [[0, 5], [3, 0], [0, 0]]) {
    assert.throws(
      () => lm.loss({ x: empty, y: empty, batchSize: N, seqLen: T }),
      (e: unknown) =>
        e instanceof RangeError &&
        /CharLM\.loss: the batch is empty or malformed \(batchSize \d, seqLen \d\)/.test(e.message),
    );
    assert.throws(() => lm.logits(empty, N, T), /CharLM\.logits: the batch is empty/);
  }
  assert.throws(() => lm.logits(new Int32Array(5), 2, 3), /x must hold N·T = 2·3 ids, got 5/);
  assert.equal(tf.memory().numTensors, before, "a refused batch allocates nothing");
  lm.dispose();
});
