/**
 * The sizes notebook 05 (vanishing and exploding gradients) trains at, in one place. The notebook calls its preset function
 * once in the setup cell; quick mode (`COURSE_QUICK=1`, CI) shrinks the sizes here and nowhere else
 * (through `quickOr`), so the notebook never branches on the mode. Full-mode values are what
 * students get.
 * @module
 */
import { quickOr } from "../util/env.ts";

/** Sizes of notebook 05 (gradient probes, the heatmaps, the exploding run and the remedies). */
export interface VanishingPreset {
  /** the gradient probes at initialisation: hidden size, sequence length, batch, input size */
  probeHidden: number;
  probeSteps: number;
  probeBatch: number;
  probeInput: number;
  /**
   * the heatmaps (RNN, LSTM, GRU): notebook 04's cued-recall data (`cuedRecallSplit`), training
   * and test sequences; hidden size, Adam updates, learning rate and batch (notebook 04's
   * settings, so the RNN runs repeat notebook 04's); how often ‖∂L/∂h_t‖ is recorded; how many
   * seeds (0, 1, …) the heatmap and truncation comparisons run
   */
  recallTrainSize: number;
  recallTestSize: number;
  hidden: number;
  heatmapSteps: number;
  lr: number;
  batchSize: number;
  recordEvery: number;
  numSeeds: number;
  /** the first `leftSteps` time steps (the longest distances): where the heatmap tables look */
  leftSteps: number;
  /**
   * the exploding runs (plain SGD in a hand-written loop, on the cued-recall task of
   * lib/tasks/cued_recall.ts): training and test sequences, hidden size, spectral radius of the
   * initial orthogonal Wh, learning rate, updates, batch, how many seeds, and the percentile of the
   * unclipped runs' gradient norms used as the clipping threshold
   */
  explodeTrainSize: number;
  explodeTestSize: number;
  explodeHidden: number;
  explodeRho: number;
  sgdLr: number;
  sgdSteps: number;
  sgdBatch: number;
  explodeSeeds: number;
  clipPercentile: number;
  /**
   * truncated BPTT: how many steps back the gradient may go, the plain long-dependency task's
   * training and test sizes and distance range, and the Adam updates and learning rate of the full
   * and the truncated runs
   */
  truncate: number;
  truncTrainSize: number;
  truncTestSize: number;
  truncMinDistance: number;
  truncMaxDistance: number;
  truncSteps: number;
  truncLr: number;
}

/**
 * Notebook 05's sizes.
 *
 * @returns the preset (smaller in quick mode)
 */
export function vanishingPreset(): VanishingPreset {
  return {
    probeHidden: 32,
    probeSteps: 40,
    probeBatch: 16,
    probeInput: 8,
    recallTrainSize: quickOr(3000, 300),
    recallTestSize: quickOr(1220, 244),
    hidden: 32,
    heatmapSteps: quickOr(500, 20),
    lr: 0.01,
    batchSize: 32,
    recordEvery: quickOr(10, 2),
    numSeeds: quickOr(3, 2),
    leftSteps: 10,
    explodeTrainSize: quickOr(2000, 200),
    explodeTestSize: quickOr(610, 122),
    explodeHidden: 32,
    explodeRho: 1.2,
    sgdLr: 0.3,
    sgdSteps: quickOr(300, 20),
    sgdBatch: 32,
    explodeSeeds: quickOr(5, 2),
    clipPercentile: 90,
    truncate: 3,
    truncTrainSize: quickOr(2000, 200),
    truncTestSize: quickOr(600, 100),
    truncMinDistance: 4,
    truncMaxDistance: quickOr(15, 8),
    truncSteps: quickOr(300, 20),
    truncLr: 0.01,
  };
}
