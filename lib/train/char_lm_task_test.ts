import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { CharLM } from "../rnn/char_lm.ts";
import { charLMTrainer, meanLoss } from "./char_lm_task.ts";
import { TrainingDivergedError } from "./diverged.ts";

await initBackend({ quiet: true });
const V = 6;
const ids = Int32Array.from({ length: 400 }, (_, i) => (i * i + i) % V);

Deno.test({
  name: "charLMTrainer() refuses sizes that would give an empty batch or a NaN validation loss",
  fn: () => {
    const model = new CharLM({ vocabSize: V, hiddenSize: 4 });
    const opts = { model, train: ids, val: ids.subarray(0, 50), batchSize: 2, seqLen: 8 };
    for (
      const [bad, re] of [
        [{ batchSize: 0 }, /batchSize must be a positive integer, got 0/],
        [{ seqLen: 0 }, /seqLen must be a positive integer, got 0/],
        [{ evalBatches: 0 }, /evalBatches must be a positive integer, got 0/],
        [{ seqLen: 50 }, /seqLen 50 needs 51 consecutive ids, but the validation data has 50/],
        [{ seqLen: 400 }, /the training data has 400; use seqLen ≤ 399/],
      ] as const
    ) {
      assert.throws(() => charLMTrainer({ ...opts, ...bad }), re);
    }
    assert.throws(() => meanLoss(model, []), /meanLoss: no batches/);
    model.dispose();
  },
});

Deno.test({
  name: "charLMTrainer() stops a run whose loss explodes while staying finite (lr 1e6)",
  fn: async () => {
    const model = new CharLM({ vocabSize: V, hiddenSize: 8, embedSize: 4 });
    const trainer = charLMTrainer({
      model,
      train: ids,
      val: ids,
      batchSize: 4,
      seqLen: 8,
      evalBatches: 1,
      lr: 1e6,
    });
    const before = tf.memory().numTensors;
    const err = await trainer.train(30).catch((e) => e);
    assert.ok(err instanceof TrainingDivergedError, `no divergence reported: ${err}`);
    assert.ok(Number.isFinite(err.loss) && err.loss > 10 * Math.log(V), String(err.loss));
    assert.match(err.message, /above the limit of 17\.92/); // 10 · ln 6
    assert.equal(tf.memory().numTensors, before + 2 * 6, "only Adam's m and v slots were added");
    trainer.dispose();
    model.dispose();
  },
});
