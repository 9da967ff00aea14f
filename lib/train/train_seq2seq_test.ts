import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { Seq2Seq } from "../rnn/seq2seq.ts";
import { seq2seqTestSets } from "../tasks/reverse_task.ts";
import { trainSeq2Seq } from "./train_seq2seq.ts";

await initBackend({ quiet: true });

Deno.test("trainSeq2Seq() lowers the validation loss, records it every evalEvery steps and frees its tensors", async () => {
  const model = new Seq2Seq({ attention: true, embedSize: 6, hiddenSize: 16, seed: 1 });
  const before = tf.memory().numTensors;
  const val = seq2seqTestSets("reverse", [2, 3], 16, 3);
  const hist = await trainSeq2Seq(model, {
    kind: "reverse",
    minLen: 2,
    maxLen: 3,
    steps: 60,
    batchSize: 16,
    lr: 0.02,
    val,
    evalEvery: 20,
  });
  assert.equal(hist.loss.length, 60);
  assert.ok(hist.trainMs > 0, `trainMs ${hist.trainMs}`);
  assert.deepEqual(hist.valSteps, [20, 40, 60]);
  assert.ok(hist.val[2] < hist.val[0], `validation loss ${hist.val}`);
  assert.equal(tf.memory().numTensors, before);
  await assert.rejects(
    () =>
      trainSeq2Seq(model, {
        kind: "reverse",
        minLen: 3,
        maxLen: 2,
        steps: 1,
        batchSize: 2,
        lr: 0.1,
      }),
    /1 ≤ minLen ≤ maxLen/,
  );
  model.dispose();
});
