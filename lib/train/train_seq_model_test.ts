import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { longDependencyTask } from "../tasks/seq_tasks.ts";
import { spaceRestorationTask } from "../tasks/char_tagging.ts";
import { WindowTagger } from "../rnn/tagger.ts";
import { fitBatchModel, trainSeqModel } from "./train_seq_model.ts";

await initBackend({ quiet: true });

Deno.test("trainSeqModel() trains a fresh model, lowers the loss and reports every step", async () => {
  const data = longDependencyTask({ n: 200, maxDistance: 3, seed: 1 });
  const before = tf.memory().numTensors;
  let calls = 0;
  const run = await trainSeqModel("gru", data, "last", {
    hidden: 8,
    steps: 60,
    lr: 0.02,
    batchSize: 32,
    onStep: () => void calls++,
  });
  assert.equal(run.loss.length, 60);
  assert.equal(calls, 60);
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  assert.ok(mean(run.loss.slice(-10)) < mean(run.loss.slice(0, 10)), "the loss should fall");
  assert.ok(run.seconds > 0);
  run.model.dispose();
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("trainSeqModel() passes forgetBias on to the LSTM's forget-gate bias", async () => {
  const data = longDependencyTask({ n: 16, maxDistance: 3, seed: 1 });
  const opts = { hidden: 3, steps: 1, lr: 1e-6, batchSize: 8, init: "xavier" as const };
  const forgetBlock = async (forgetBias?: number) => {
    const run = await trainSeqModel("lstm", data, "last", { ...opts, forgetBias });
    const cell = run.model.toScratch().cell;
    run.model.dispose();
    if (cell.kind === "gru") throw new TypeError("expected an LSTM");
    return [...cell.b.slice(3, 6)]; // blocks i | f | g | o, H = 3
  };
  for (const b of await forgetBlock(0)) assert.ok(Math.abs(b) < 1e-3, `b_f ${b}, want ~0`);
  for (const b of await forgetBlock()) assert.ok(Math.abs(b - 1) < 1e-3, `b_f ${b}, want ~1`);
});

Deno.test("fitBatchModel() is reproducible for a seed and rejects bad sizes", async () => {
  const data = spaceRestorationTask("to be or not to be that is the question", { n: 16, T: 8 });
  const losses = [];
  for (let i = 0; i < 2; i++) {
    const w = new WindowTagger({ vocabSize: data.vocab.length, halfWidth: 1, hidden: 4, seed: 2 });
    losses.push((await fitBatchModel(w, data, { steps: 5, lr: 0.01, batchSize: 4 })).loss);
    w.dispose();
  }
  assert.deepEqual(losses[0], losses[1]);
  const w = new WindowTagger({ vocabSize: data.vocab.length });
  await assert.rejects(
    () => fitBatchModel(w, data, { steps: 0, lr: 0.01, batchSize: 4 }),
    /fitBatchModel: steps and batchSize must be positive integers, got 0 and 4/,
  );
  w.dispose();
});
