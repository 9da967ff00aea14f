/**
 * The sizes notebooks 04–06 train at, in one place: each preset applies `quickOr` (lib/util/env.ts)
 * so CI's quick mode (COURSE_QUICK=1) shrinks data and steps while students get the full run, and
 * the notebooks never branch on the mode themselves. Full sizes are chosen so each notebook runs in
 * about a minute on two CPU cores.
 * @module
 */
import { quickOr } from "../util/env.ts";

/** Sizes of notebook 04 (the long-dependency task, the window MLP and the RNN it trains). */
export interface RnnBpttPreset {
  /** longest dependency distance; sequences have maxDistance + 1 tokens */
  maxDistance: number;
  /** training and test sequences */
  trainSize: number;
  testSize: number;
  /** tokens the MLP sees */
  window: number;
  /** MLP passes over the data */
  mlpEpochs: number;
  /** hidden size of the RNN */
  hidden: number;
  /** Adam updates of the RNN, learning rate, batch and clipping */
  steps: number;
  lr: number;
  batchSize: number;
  clipNorm: number;
}

/**
 * Notebook 04's sizes.
 *
 * @returns the preset (smaller in quick mode)
 * @example
 * ```ts
 * import { rnnBpttPreset } from "./presets.ts";
 * console.log(rnnBpttPreset().window); // 5
 * ```
 */
export function rnnBpttPreset(): RnnBpttPreset {
  return {
    maxDistance: 20,
    trainSize: quickOr(3000, 300),
    testSize: quickOr(1000, 200),
    window: 5,
    mlpEpochs: quickOr(5, 1),
    hidden: 32,
    steps: quickOr(500, 30),
    lr: 0.01,
    batchSize: 32,
    clipNorm: 5,
  };
}

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
   * the exploding run: its task, hidden size, plain SGD steps, learning rate, model seed and
   * clipping limits
   */
  explodeMaxDistance: number;
  explodeHidden: number;
  sgdSteps: number;
  sgdLr: number;
  explodeSeed: number;
  clipNorm: number;
  clipValue: number;
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
    explodeMaxDistance: quickOr(20, 8),
    explodeHidden: 24,
    sgdSteps: quickOr(400, 20),
    sgdLr: 0.3,
    explodeSeed: 3,
    clipNorm: 1,
    clipValue: 0.05,
    truncate: 3,
    truncMinDistance: 4,
    truncMaxDistance: quickOr(15, 8),
    truncSteps: quickOr(300, 20),
    truncLr: 0.01,
  };
}

/** Sizes of notebook 06 (RNN vs LSTM vs GRU, sequence labelling, the gate plots). */
export interface LstmGruPreset {
  /** the cued long-dependency task: longest distance, train and test sizes */
  maxDistance: number;
  trainSize: number;
  testSize: number;
  /** tokens the window MLP sees */
  window: number;
  mlpEpochs: number;
  /** hidden size, Adam updates, learning rate and batch for the three cells */
  hidden: number;
  steps: number;
  lr: number;
  batchSize: number;
  /** the bracket task: tokens per sequence, sizes, hidden size and updates */
  tagLength: number;
  tagTrainSize: number;
  tagTestSize: number;
  tagHidden: number;
  tagSteps: number;
  /** the language-model teaser: bracket lines of text, char-LSTM size, updates, window, sample */
  lmLines: number;
  lmHidden: number;
  lmSteps: number;
  lmSeqLen: number;
  sampleLength: number;
}

/**
 * Notebook 06's sizes.
 *
 * @returns the preset (smaller in quick mode)
 */
export function lstmGruPreset(): LstmGruPreset {
  return {
    maxDistance: 30,
    trainSize: quickOr(4000, 400),
    testSize: quickOr(1000, 200),
    window: 5,
    mlpEpochs: quickOr(5, 1),
    hidden: 32,
    steps: quickOr(800, 30),
    lr: 0.005,
    batchSize: 32,
    tagLength: 40,
    tagTrainSize: quickOr(2000, 200),
    tagTestSize: quickOr(500, 100),
    tagHidden: 16,
    tagSteps: quickOr(300, 20),
    lmLines: quickOr(300, 40),
    lmHidden: 64,
    lmSteps: quickOr(300, 10),
    lmSeqLen: 40,
    sampleLength: quickOr(400, 80),
  };
}
