import assert from "node:assert/strict";
import { CUED_RECALL, cuedRecallSplit, cuedRecallTask } from "./cued_recall.ts";
import { seqBatch } from "./seq_batch.ts";
import { Rng } from "../util/rng.ts";

Deno.test("cuedRecallTask() puts the cue then the labelled symbol distance steps before the end", () => {
  const d = cuedRecallTask({ n: 300, maxDistance: 20, seed: 3 });
  const [N, T] = d.shape, cue = d.vocab.indexOf("#");
  assert.deepEqual([T, cue], [22, 6]);
  assert.deepEqual(d.vocab, ["A", "B", "a", "b", "c", "d", "#"]);
  for (let i = 0; i < N; i++) {
    const row = Array.from(d.ids.subarray(i * T, (i + 1) * T));
    assert.deepEqual(row.flatMap((id, t) => (id === cue ? [t] : [])), [T - 2 - d.distance[i]]);
    assert.equal(row[T - 1 - d.distance[i]], d.y[i]);
  }
  const signalsElsewhere = d.ids.filter((id) => id < d.numClasses).length - N;
  assert.ok(signalsElsewhere > N, "A and B also appear as distractors");
});

Deno.test("cuedRecallTask() draws short distances more often when log-uniform", () => {
  const logu = cuedRecallTask({ n: 4000, maxDistance: 60, seed: 1 });
  const uni = cuedRecallTask({ n: 4000, maxDistance: 60, distances: "uniform", seed: 1 });
  const short = (d: Int32Array) => d.filter((v) => v < 10).length / d.length;
  assert.ok(short(logu.distance) > 0.45 && short(logu.distance) < 0.65, `${short(logu.distance)}`);
  assert.ok(Math.abs(short(uni.distance) - 10 / 61) < 0.03, `${short(uni.distance)}`);
  assert.ok(logu.distance.some((v) => v >= 50), "long distances still occur");
  assert.throws(() => cuedRecallTask({ n: 0, maxDistance: 3 }), /cuedRecallTask/);
});

Deno.test("cuedRecallSplit() uses CUED_RECALL's settings and is deterministic", () => {
  const a = cuedRecallSplit({ trainSize: 20, testSize: 10 });
  const b = cuedRecallSplit({ trainSize: 20, testSize: 10 });
  assert.deepEqual(a.train.shape, [20, CUED_RECALL.maxDistance + 2]);
  assert.deepEqual(a.train.ids, b.train.ids);
  assert.notDeepEqual(a.train.ids.subarray(0, 62), a.test.ids.subarray(0, 62));
});

Deno.test("seqBatch() copies whole rows with their labels", () => {
  const d = cuedRecallTask({ n: 5, maxDistance: 4, seed: 2 }), T = d.shape[1];
  const b = seqBatch(d, 7, new Rng(1));
  assert.deepEqual(b.shape, [7, T]);
  for (let i = 0; i < 7; i++) {
    const row = b.ids.subarray(i * T, (i + 1) * T);
    const src = [...Array(5).keys()].find((r) =>
      d.ids.subarray(r * T, (r + 1) * T).every((v, k) => v === row[k])
    );
    assert.ok(src !== undefined);
    assert.equal(b.y[i], d.y[src]);
  }
  assert.throws(() => seqBatch(d, 0, new Rng(1)), /seqBatch/);
});
