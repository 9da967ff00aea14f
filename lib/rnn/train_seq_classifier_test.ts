import assert from "node:assert/strict";
import { createSeqClassifier } from "./seq_classifier.ts";
import { longDependencyTask } from "./seq_tasks.ts";
import { seqAccuracyByDistance, trainSeqClassifier } from "./train_seq_classifier.ts";

Deno.test("trainSeqClassifier() learns a short long-dependency task", async () => {
  const train = longDependencyTask({ n: 500, maxDistance: 4, seed: 1 });
  const test = longDependencyTask({ n: 200, maxDistance: 4, seed: 2 });
  const m = createSeqClassifier({ D: train.vocab.length, H: 8, C: 2, seed: 0 });
  const h = await trainSeqClassifier(m, train, { steps: 150, lr: 0.02, recordDhEvery: 50 });
  assert.equal(h.loss.length, 150);
  assert.ok(h.loss.slice(-10).reduce((a, b) => a + b) / 10 < 0.2, `loss ${h.loss.at(-1)}`);
  assert.deepEqual(h.dhSteps, [1, 51, 101]);
  assert.equal(h.dhNorms[0].length, 5);
  const acc = seqAccuracyByDistance(m, test);
  assert.ok(Math.min(...acc.accuracy) > 0.9, `accuracy ${acc.accuracy}`);
});

Deno.test("trainSeqClassifier() reports pre-clip norms and clips", async () => {
  const data = longDependencyTask({ n: 64, maxDistance: 5, seed: 3 });
  const m = createSeqClassifier({ D: data.vocab.length, H: 6, C: 2, init: "orthogonal", scale: 3 });
  const before = Float64Array.from(m.cell.Wh.data);
  const h = await trainSeqClassifier(m, data, {
    steps: 1,
    lr: 1,
    optimizer: "sgd",
    clipNorm: 1e-3,
  });
  let moved = 0;
  for (let i = 0; i < before.length; i++) moved += (m.cell.Wh.data[i] - before[i]) ** 2;
  assert.ok(h.gradNorm[0] > 1e-3 && Math.sqrt(moved) <= 1e-3 + 1e-12, `${h.gradNorm[0]} ${moved}`);
  await assert.rejects(() => trainSeqClassifier(m, data, { steps: 0, lr: 1 }), RangeError);
});
