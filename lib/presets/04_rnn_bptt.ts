/**
 * The sizes notebook 04 (a vanilla RNN and BPTT) trains at, in one place. The notebook calls its preset function
 * once in the setup cell; quick mode (`COURSE_QUICK=1`, CI) shrinks the sizes here and nowhere else
 * (through `quickOr`), so the notebook never branches on the mode. Full-mode values are what
 * students get.
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
  /** how many seeds (0, 1, …) every comparison runs; results show the mean and min–max */
  numSeeds: number;
  /**
   * the cued-recall task (lib/tasks/cued_recall.ts, `cuedRecallSplit`): training and test
   * sequences, and the width of the distance bins the accuracy is averaged over
   */
  recallTrainSize: number;
  recallTestSize: number;
  recallBin: number;
}

/**
 * Notebook 04's sizes.
 *
 * @returns the preset (smaller in quick mode)
 * @example
 * ```ts
 * import { rnnBpttPreset } from "./mod.ts";
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
    numSeeds: quickOr(3, 2),
    recallTrainSize: quickOr(3000, 300),
    recallTestSize: quickOr(1220, 244),
    recallBin: 5,
  };
}
