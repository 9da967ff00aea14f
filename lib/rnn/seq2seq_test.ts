import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { Rng } from "../util/rng.ts";
import { randomSeq2SeqBatch } from "../tasks/reverse_task.ts";
import { attentionPeakOffsets, Seq2Seq, seq2seqAccuracy } from "./seq2seq.ts";

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

Deno.test("Seq2Seq with a bidirectional encoder: [N, S, H] states whose backward half reads right to left", () => {
  const before = tf.memory().numTensors;
  const m = new Seq2Seq({
    attention: true,
    bidirectional: true,
    embedSize: 3,
    hiddenSize: 6,
    seed: 1,
  });
  assert.ok("encb_Wx" in m.params && m.encoder.hiddenSize === 3 && m.encoderBwd?.hiddenSize === 3);
  const src = Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8]); // N = 2, S = 4
  const changedLast = Int32Array.from([1, 2, 3, 9, 5, 6, 7, 8]); // only position 3 of row 0
  const [a, b] = [src, changedLast].map((s) =>
    tf.tidy(() => Array.from(m.encode(s, 2).dataSync()))
  );
  const at = (v: number[], pos: number, half: 0 | 1) =>
    v.slice(pos * 6 + half * 3, pos * 6 + half * 3 + 3);
  // position 0 of row 0: the forward half has read input 0 only; the backward half has read all
  assert.deepEqual(at(a, 0, 0), at(b, 0, 0));
  assert.notDeepEqual(at(a, 0, 1), at(b, 0, 1));
  assert.notDeepEqual(at(a, 3, 0), at(b, 3, 0));
  assert.deepEqual(a.slice(24), b.slice(24)); // row 1 untouched
  const shapes = tf.tidy(() => {
    const batch = randomSeq2SeqBatch("reverse", 2, 4, new Rng(0));
    const { features, weights } = m.teacherForced(batch);
    return [features.shape, weights?.shape, m.summary(m.encode(batch.src, 2)).shape];
  });
  assert.deepEqual(shapes, [[2, 5, 6], [2, 5, 4], [2, 6]]);
  assert.equal(m.greedy(src, 2).weights[0][0].length, 4);
  m.dispose();
  assert.equal(tf.memory().numTensors, before);
  assert.throws(
    () => new Seq2Seq({ attention: true, bidirectional: true, embedSize: 2, hiddenSize: 5 }),
    /even hiddenSize/,
  );
});

Deno.test("attentionPeakOffsets() counts each output digit's peak offset from S − 1 − t", () => {
  const m = new Seq2Seq({ attention: true, embedSize: 3, hiddenSize: 4, seed: 1 });
  const b = randomSeq2SeqBatch("reverse", 3, 4, new Rng(0));
  const rows = attentionPeakOffsets(m, b);
  const total = rows.reduce((s, r) => s + r.share, 0);
  assert.ok(Math.abs(total - 1) < 1e-12, `shares sum to ${total}`);
  assert.ok(rows.every((r) => Number.isInteger(r.offset) && Math.abs(r.offset) <= 3));
  // the peak weight of every digit, averaged per offset: at least 1/S (the row sums to 1), at most 1
  const S = b.srcLen, { weights } = m.greedy(b.src, b.n);
  const peaks = new Map<number, number[]>();
  for (const w of weights) {
    w.slice(0, S).forEach((row, t) => {
      const peak = Math.max(...row), offset = row.indexOf(peak) - (S - 1 - t);
      peaks.set(offset, [...(peaks.get(offset) ?? []), peak]);
    });
  }
  for (const r of rows) {
    const ps = peaks.get(r.offset)!;
    const want = ps.reduce((s, v) => s + v, 0) / ps.length;
    assert.ok(Math.abs(r.meanPeak - want) < 1e-12, `meanPeak ${r.meanPeak}, want ${want}`);
    assert.ok(r.meanPeak >= 1 / S - 1e-12 && r.meanPeak <= 1 + 1e-12, `meanPeak ${r.meanPeak}`);
  }
  m.dispose();
  const plain = new Seq2Seq({ attention: false, embedSize: 3, hiddenSize: 4 });
  assert.throws(() => attentionPeakOffsets(plain, b), /no attention/);
  plain.dispose();
});
