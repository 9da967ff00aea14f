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
  /** the task the heatmaps and remedies train on (long-dependency, plain), and the hidden size */
  maxDistance: number;
  trainSize: number;
  testSize: number;
  hidden: number;
  /**
   * Adam updates for the heatmap runs (RNN, LSTM, GRU), their learning rate, and how often
   * ‖∂L/∂h_t‖ is recorded. The rate is high enough that the RNN saturates as it learns (its
   * heatmap darkens on the left), low enough that it still learns the task at the course's seed.
   */
  heatmapSteps: number;
  lr: number;
  recordEvery: number;
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
   * truncated BPTT: how many steps back the gradient may go, the task's distance range, and the
   * Adam updates and learning rate of the full and the truncated run
   */
  truncate: number;
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
    maxDistance: quickOr(30, 8),
    trainSize: quickOr(2000, 200),
    testSize: quickOr(600, 100),
    hidden: 32,
    heatmapSteps: quickOr(400, 20),
    lr: 0.02,
    recordEvery: quickOr(10, 2),
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
    truncMinDistance: 4,
    truncMaxDistance: quickOr(15, 8),
    truncSteps: quickOr(300, 20),
    truncLr: 0.01,
  };
}
