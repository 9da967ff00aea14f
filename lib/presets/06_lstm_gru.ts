/**
 * The sizes notebook 06 (LSTM and GRU) trains at, in one place. The notebook calls its preset function
 * once in the setup cell; quick mode (`COURSE_QUICK=1`, CI) shrinks the sizes here and nowhere else
 * (through `quickOr`), so the notebook never branches on the mode. Full-mode values are what
 * students get.
 * @module
 */
import { quickOr } from "../util/env.ts";

/** Sizes of notebook 06 (the RNN/LSTM/GRU race, the space-restoring taggers, the teaser). */
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
  /** seeds of every comparison (weights and batches) */
  seeds: number[];
  /** restoring spaces: characters per window, train and test windows */
  tagLength: number;
  tagTrainSize: number;
  tagTestSize: number;
  /** the taggers: hidden size per direction, updates, learning rate, window MLP's k and width */
  tagHidden: number;
  tagSteps: number;
  tagLr: number;
  tagHalfWidth: number;
  tagMlpHidden: number;
  /** the language-model teaser: bracket lines of text, char-LSTM size, updates, window, sample */
  lmLines: number;
  lmHidden: number;
  lmSteps: number;
  lmSeqLen: number;
  sampleLength: number;
}

/**
 * Notebook 06's sizes. The race uses distances up to 40 and 400 updates: at that budget the
 * vanilla RNN stays near chance while the LSTM and GRU solve the cued task (measured over seeds
 * 1–3 by the notebook).
 *
 * @returns the preset (smaller in quick mode)
 */
export function lstmGruPreset(): LstmGruPreset {
  return {
    maxDistance: 40,
    trainSize: quickOr(4000, 400),
    testSize: quickOr(1000, 200),
    window: 5,
    mlpEpochs: quickOr(5, 1),
    hidden: 32,
    steps: quickOr(400, 10),
    lr: 0.01,
    batchSize: 32,
    seeds: [1, 2, 3],
    tagLength: 48,
    tagTrainSize: quickOr(4000, 200),
    tagTestSize: quickOr(400, 50),
    tagHidden: 32,
    tagSteps: quickOr(250, 10),
    tagLr: 0.01,
    tagHalfWidth: 3,
    tagMlpHidden: 64,
    lmLines: quickOr(300, 40),
    lmHidden: 64,
    lmSteps: quickOr(300, 10),
    lmSeqLen: 40,
    sampleLength: quickOr(400, 80),
  };
}
