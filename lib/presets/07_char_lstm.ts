/**
 * The sizes notebook 07 (the character-level LSTM on Tiny Shakespeare) trains at, in one place, as
 * nanoGPT's `config/train_shakespeare_char.py` does for its run: a commented full preset that runs
 * the whole notebook in under three minutes on two CPU cores, and the overrides quick mode
 * (COURSE_QUICK=1, CI) applies through `quickOr`, so the notebook never branches on the mode. The
 * 10-minute run is the CLI's job: `deno task train --minutes 10`.
 * @module
 */
import { quickOr } from "../util/env.ts";

/** Notebook 07's sizes. */
export interface CharLstmPreset {
  /** size of each character's embedding vector */
  embedSize: number;
  /** H, the LSTM's hidden size */
  hiddenSize: number;
  /** L, stacked recurrent layers */
  layers: number;
  /** T, characters per training sequence (how far back BPTT reaches) */
  seqLen: number;
  /** N, sequences per batch */
  batchSize: number;
  /** Adam's learning rate */
  lr: number;
  /** clip gradients to this global norm */
  clipNorm: number;
  /** dropout between layers and before the output layer */
  dropout: number;
  /** Adam updates of the main run */
  steps: number;
  /** steps between validation losses, and fixed validation batches per evaluation */
  evalEvery: number;
  evalBatches: number;
  /** steps after which the main run writes a sample (0 = before training) */
  snapshotSteps: number[];
  /** characters per snapshot sample, and per sample in the sampling section */
  snapshotLength: number;
  sampleLength: number;
  /** steps of each run of the LSTM vs GRU vs vanilla RNN race and of the random-windows vs
   * carried-state comparison (a multiple of evalEvery) */
  compareSteps: number;
  /** seeds of those comparisons (one run per seed and variant) */
  compareSeeds: number[];
  /** validation batches read as streams with the state carried (at most; the text has more) */
  streamBatches: number;
  /** the visible min-char-rnn: hidden size, T, N (streams), Adagrad's learning rate, steps */
  scratchHidden: number;
  scratchSeqLen: number;
  scratchBatch: number;
  scratchLr: number;
  scratchSteps: number;
  /** steps of the same model trained with the student's own functions (≤ scratchSteps) */
  studentSteps: number;
  /** steps of the hyperparameter cell (a multiple of evalEvery) */
  trySteps: number;
  /** seconds per cell of the equal-time comparison */
  trySeconds: number;
  /** characters of validation text read to find interpretable units */
  traceLength: number;
  /** seed of the weights and the batches */
  seed: number;
}

/** Full mode: config (A) of the benchmark (1 LSTM layer of 128 over 32-dim embeddings, N 32, T 64). */
const FULL: CharLstmPreset = {
  embedSize: 32,
  hiddenSize: 128,
  layers: 1,
  seqLen: 64,
  batchSize: 32,
  lr: 0.01, // higher than the CLI's 0.002: best loss after 500 steps (0.004: 1.90, 0.02: 1.84)
  clipNorm: 5, // char-rnn's default
  dropout: 0, // a 1-layer model seeing each character < 1 time does not overfit
  steps: 500,
  evalEvery: 50,
  evalBatches: 8,
  snapshotSteps: [0, 25, 100, 250, 500],
  snapshotLength: 400,
  sampleLength: 400,
  compareSteps: 150,
  compareSeeds: [1, 2, 3],
  streamBatches: 20,
  scratchHidden: 64, // min-char-rnn: 100
  scratchSeqLen: 25, // min-char-rnn's T
  scratchBatch: 8, // min-char-rnn reads one stream
  scratchLr: 0.1, // min-char-rnn's Adagrad rate
  scratchSteps: 300,
  studentSteps: 150,
  trySteps: 100,
  trySeconds: 4,
  traceLength: 700,
  seed: 42,
};

/** Quick mode: a tiny model and a few steps, so CI runs the notebook in seconds. */
const QUICK: Partial<CharLstmPreset> = {
  embedSize: 16,
  hiddenSize: 32,
  seqLen: 32,
  batchSize: 16,
  steps: 20,
  evalEvery: 10,
  evalBatches: 2,
  snapshotSteps: [0, 5, 10, 20],
  snapshotLength: 60,
  sampleLength: 80,
  compareSteps: 10,
  streamBatches: 2,
  scratchHidden: 16,
  scratchSeqLen: 10,
  scratchBatch: 4,
  scratchSteps: 20,
  studentSteps: 10,
  trySteps: 10,
  trySeconds: 0.5,
  traceLength: 160,
};

/**
 * Notebook 07's sizes (smaller in quick mode).
 *
 * @returns the preset
 * @example
 * ```ts
 * import { charLstmPreset } from "./07_char_lstm.ts";
 * const p = charLstmPreset();
 * console.log(p.compareSteps % p.evalEvery); // 0
 * ```
 * @see notebooks/07_char_lstm.ipynb
 */
export function charLstmPreset(): CharLstmPreset {
  return { ...FULL, ...quickOr({}, QUICK) };
}
