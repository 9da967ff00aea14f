/**
 * The sizes notebook 06 (LSTM and GRU) trains at, in one place. The notebook calls its preset function
 * once in the setup cell; quick mode (`COURSE_QUICK=1`, CI) shrinks the sizes here and nowhere else
 * (through `quickOr`), so the notebook never branches on the mode. Full-mode values are what
 * students get.
 * @module
 */
import { quickOr } from "../util/env.ts";

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
