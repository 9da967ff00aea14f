import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { CharLM, type CharLMConfig } from "../rnn/char_lm.ts";
import { Trainer } from "./trainer.ts";
import { CheckpointError } from "./checkpoint.ts";
import { loadCharLM, saveCharLM } from "./char_lm_checkpoint.ts";

await initBackend({ quiet: true });
const CHARS = ["\n", " ", "a", "b", "c", "d"];
const VOCAB = { kind: "char", chars: CHARS };
const CONFIG: Partial<CharLMConfig> & { vocabSize: number } = {
  vocabSize: CHARS.length,
  hiddenSize: 8,
  embedSize: 4,
  layers: 2,
  dropout: 0.2,
};
const DATA = Int32Array.from({ length: 300 }, (_, i) => (i * i + 3 * i) % CHARS.length);

function trainerFor(model: CharLM): Trainer {
  const [N, T] = [3, 5];
  return new Trainer({
    params: model.params(),
    lr: 5e-3,
    seed: 9,
    loss: ({ rng, seed }) => {
      const x = new Int32Array(N * T), y = new Int32Array(N * T);
      for (let n = 0; n < N; n++) {
        const s = rng.int(DATA.length - T - 1);
        x.set(DATA.subarray(s, s + T), n * T);
        y.set(DATA.subarray(s + 1, s + T + 1), n * T);
      }
      return model.loss({ x, y, batchSize: N, seqLen: T }, { training: true, seed });
    },
  });
}

Deno.test("a run resumed from a checkpoint gives exactly the loss curve of an uninterrupted run", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const a = new CharLM(CONFIG), ta = trainerFor(a);
    await ta.train(20);
    const straight = ta.history.loss;

    const b = new CharLM(CONFIG), tb = trainerFor(b);
    await tb.train(10);
    await saveCharLM(`${dir}/lm.ckpt`, {
      model: b,
      vocab: VOCAB,
      trainer: tb,
      extra: { seqLen: 5 },
    });
    tb.dispose();
    b.dispose();

    const loaded = await loadCharLM(`${dir}/lm.ckpt`, { vocab: VOCAB });
    assert.equal(loaded.step, 10);
    assert.deepEqual(loaded.extra, { seqLen: 5 });
    const tc = trainerFor(loaded.model);
    tc.setState(loaded.trainerState!);
    await tc.train(10);
    assert.deepEqual(tc.history.loss, straight);
    for (const x of [ta, tc]) x.dispose();
    for (const m of [a, loaded.model]) m.dispose();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadCharLM() alone gives a sampler equal to the saved model's", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const m = new CharLM({ ...CONFIG, cell: "gru", seed: 4 });
    await saveCharLM(`${dir}/lm.ckpt`, { model: m, vocab: VOCAB });
    const { model, vocab, trainerState } = await loadCharLM(`${dir}/lm.ckpt`);
    assert.deepEqual(vocab, VOCAB);
    assert.equal(trainerState, undefined);
    assert.deepEqual(model.sampler().step(2), m.sampler().step(2));
    m.dispose();
    model.dispose();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadCharLM() refuses a checkpoint from another vocabulary, naming the first difference", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const m = new CharLM(CONFIG);
    await saveCharLM(`${dir}/lm.ckpt`, { model: m, vocab: VOCAB });
    const other = { kind: "char", chars: ["\n", " ", "a", "b", "c", "e"] };
    await assert.rejects(
      () => loadCharLM(`${dir}/lm.ckpt`, { vocab: other }),
      (e: unknown) =>
        e instanceof CheckpointError && e.kind === "mismatch" &&
        /first difference at id 5: "d"/.test(e.message),
    );
    await assert.rejects(
      () => loadCharLM(`${dir}/lm.ckpt`, { vocab: { kind: "char", chars: CHARS.slice(0, 4) } }),
      /6 characters, this text 4/,
    );
    m.dispose();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  assert.equal(tf.getBackend(), "wasm");
});
