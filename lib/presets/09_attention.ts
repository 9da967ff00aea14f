/**
 * The sizes notebook 09 (attention as an augmented RNN) trains at, in one place: `quickOr`
 * (lib/util/env.ts) shrinks them for CI's quick mode, and the notebook never branches on the mode.
 * Full sizes are chosen so the notebook runs in about a minute and a half on two CPU cores, and
 * were checked to show the effect (the measured table is quoted in the notebook's text).
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
  /** Adam updates, learning rate, batch size and clipping, the same for both models */
  steps: number;
  lr: number;
  batchSize: number;
  clipNorm: number;
  /** test strings per length */
  testPerLength: number;
  /** weight seed of both models */
  seed: number;
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
    steps: quickOr(1500, 30),
    lr: 0.005,
    batchSize: 64,
    clipNorm: 5,
    testPerLength: quickOr(200, 20),
    seed: 1,
  };
}
