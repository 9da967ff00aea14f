import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { Rng } from "../util/rng.ts";
import type { TaggingData } from "../tasks/char_tagging.ts";
import { RecurrentTagger, WindowTagger } from "./tagger.ts";

await initBackend({ quiet: true });

/** Label 1 where the NEXT token is 0: only visible with right-hand context. */
function nextIsZero(n: number, T: number, V: number, seed: number): TaggingData {
  const rng = new Rng(seed), ids = new Int32Array(n * T), labels = new Int32Array(n * T);
  for (let k = 0; k < n * T; k++) ids[k] = rng.int(V);
  for (let r = 0; r < n; r++) {
    for (let t = 0; t + 1 < T; t++) labels[r * T + t] = ids[r * T + t + 1] === 0 ? 1 : 0;
  }
  return { ids, shape: [n, T], labels, vocab: ["a", "b", "c"].slice(0, V), numClasses: 2 };
}

function fit(tagger: RecurrentTagger | WindowTagger, data: TaggingData, steps: number) {
  const opt = tf.train.adam(0.03);
  for (let s = 0; s < steps; s++) {
    const rng = new Rng(100 + s);
    tf.tidy(() => {
      opt.minimize(() => tagger.batchLoss(data, rng, 16), false, Object.values(tagger.params));
    });
  }
  opt.dispose();
  const pred = tagger.predict(data);
  return pred.reduce((c, p, k) => c + (p === data.labels[k] ? 1 : 0), 0) / pred.length;
}

Deno.test("RecurrentTagger: a bidirectional GRU learns a label that needs the next token; a one-directional one cannot", () => {
  const data = nextIsZero(64, 8, 3, 1);
  const bi = new RecurrentTagger({ kind: "gru", vocabSize: 3, hiddenSize: 8, bidirectional: true });
  const uni = new RecurrentTagger({ kind: "gru", vocabSize: 3, hiddenSize: 8 });
  const accBi = fit(bi, data, 150), accUni = fit(uni, data, 150);
  assert.ok(accBi > 0.95, `bidirectional accuracy ${accBi}`);
  assert.ok(accUni < 0.8, `one-directional accuracy ${accUni}`);
  bi.dispose();
  uni.dispose();
});

Deno.test("WindowTagger: sees one token to the right with halfWidth 1", () => {
  const data = nextIsZero(64, 8, 3, 2);
  const w = new WindowTagger({ vocabSize: 3, halfWidth: 1, hidden: 16 });
  assert.equal(w.paramCount(), 3 * 4 * 16 + 16 + 16 * 2 + 2);
  const acc = fit(w, data, 150);
  assert.ok(acc > 0.95, `window accuracy ${acc}`);
  w.dispose();
});

Deno.test("taggers: predict() gives N·T labels, and nothing leaks", () => {
  const data = nextIsZero(7, 5, 3, 3);
  const before = tf.memory().numTensors;
  for (
    const t of [
      new RecurrentTagger({ kind: "lstm", vocabSize: 3, hiddenSize: 4, bidirectional: true }),
      new WindowTagger({ vocabSize: 3 }),
    ]
  ) {
    assert.equal(t.predict(data).length, 35);
    tf.tidy(() => {
      t.batchLoss(data, new Rng(1), 4);
    });
    t.dispose();
  }
  assert.equal(tf.memory().numTensors, before);
});
