/**
 * The sizes notebook 09 (attention as an augmented RNN) trains at, in one place: `quickOr`
 * (lib/util/env.ts) shrinks them for CI's quick mode, and the notebook never branches on the mode.
 * Full sizes are chosen so the notebook, which trains both models from three weight seeds, runs in
 * under two minutes on two idle CPU cores, and were checked to show the effect (attention near
 * 100% at every length, the plain model falling with length, the anti-diagonal attention map).
 * @module
 */
import { quickOr } from "../util/env.ts";
import type { Seq2SeqTaskKind } from "../tasks/reverse_task.ts";

/** Sizes of notebook 09. */
export interface Seq2SeqPreset {
  /** the task: "reverse" (default) or "sort" */
  kind: Seq2SeqTaskKind;
  /** source lengths drawn uniformly from [minLen, maxLen] for training and tested one by one */
  minLen: number;
  maxLen: number;
  /** embedding size E and hidden size H of encoder and decoder */
  embedSize: number;
  hidden: number;
  /** a bidirectional encoder (two GRUs of H/2 units, Bahdanau et al. 2015) for both models */
  bidirectional: boolean;
  /** Adam updates, learning rate, batch size and clipping, the same for both models */
  steps: number;
  lr: number;
  batchSize: number;
  clipNorm: number;
  /** test strings per length */
  testPerLength: number;
  /** weight seed of both models (also the batches' seed) in the main run */
  seed: number;
  /** every weight seed the comparison is run with (the first is `seed`) */
  seeds: number[];
}

/**
 * Notebook 09's sizes.
 *
 * @returns the preset (smaller in quick mode)
 * @example
 * ```ts
 * import { seq2seqPreset } from "./09_attention.ts";
 * console.log(seq2seqPreset().kind); // "reverse"
 * ```
 */
export function seq2seqPreset(): Seq2SeqPreset {
  return {
    kind: "reverse",
    minLen: 2,
    maxLen: quickOr(14, 6),
    embedSize: 16,
    hidden: 64,
    bidirectional: true,
    steps: quickOr(1000, 30),
    lr: 0.005,
    batchSize: 64,
    clipNorm: 5,
    testPerLength: quickOr(100, 20),
    seed: 1,
    seeds: quickOr([1, 2, 3], [1, 2]),
  };
}
