/**
 * The char-LSTM configurations the benchmarks time, and lib's training step for one of them (the
 * same CharLM + charLMTrainer path notebook 07 and `deno task train` use), on fixed pseudo-random
 * ids so no data set is needed. Shared by bench_charlm.ts and bench_pool.ts.
 */
import { CharLM } from "../lib/rnn/char_lm.ts";
import { charLMTrainer } from "../lib/train/char_lm_task.ts";

/** Model and batch shape of a benchmark configuration (V = 65, Adam lr 2e-3, clip 1). */
export interface CharLMConfig {
  embed: number;
  hidden: number;
  layers: number;
  seq: number;
  batch: number;
}

/** (A) and (B) of the issue, and a small one like the models of notebooks 04–06. */
export const CHARLM_CONFIGS: Record<"A" | "B" | "small", CharLMConfig> = {
  A: { embed: 32, hidden: 128, layers: 1, seq: 64, batch: 32 },
  B: { embed: 32, hidden: 256, layers: 2, seq: 100, batch: 64 },
  small: { embed: 16, hidden: 32, layers: 1, seq: 30, batch: 32 },
};

/** Vocabulary size of the benchmarks (Tiny Shakespeare's). */
export const BENCH_VOCAB = 65;

/**
 * lib's training step for configuration `c`, warmed up (JIT, buffer sizes).
 *
 * @param c the configuration
 * @returns `step()` runs one training step; `dispose()` frees model and optimizer
 */
export function charLMBenchStep(c: CharLMConfig): { step(): void; dispose(): void } {
  const V = BENCH_VOCAB;
  const ids = Int32Array.from({ length: 200_000 }, (_, i) => (i * 7919 + (i >> 3)) % V);
  const model = new CharLM({
    vocabSize: V,
    embedSize: c.embed,
    hiddenSize: c.hidden,
    layers: c.layers,
  });
  const trainer = charLMTrainer({
    model,
    train: ids,
    batchSize: c.batch,
    seqLen: c.seq,
    lr: 2e-3,
    clipNorm: 1,
  });
  for (let i = 0; i < 3; i++) trainer.trainStep();
  return {
    step: () => void trainer.trainStep(),
    dispose: () => {
      trainer.dispose();
      model.dispose();
    },
  };
}
