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
  /**
   * the cued-recall task of notebook 04 (`cuedRecallSplit`: distances up to 60, four classes):
   * training and test sequences
   */
  recallTrainSize: number;
  recallTestSize: number;
  /** tokens the window MLP sees */
  window: number;
  mlpEpochs: number;
  /**
   * the race's three cells: hidden size, initial weights, Adam updates, learning rate, batch and
   * clipping norm (notebook 04's RNN settings, so its RNN runs are repeated exactly)
   */
  hidden: number;
  init: "xavier";
  steps: number;
  lr: number;
  batchSize: number;
  clipNorm: number;
  /** seeds of every comparison (weights and batches); notebook 04's seeds 0, 1, 2 */
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
 * Notebook 06's sizes. The race repeats notebook 04's cued-recall runs (3000 training and 1220
 * test sequences, distances up to 60, H = 32, xavier init, 500 Adam updates at lr 0.01, batch 32,
 * clipping at 5, seeds 0–2) for the RNN, the LSTM and the GRU: at that budget the RNN's accuracy
 * falls with the distance while the gated cells solve every distance (printed by the notebook).
 *
 * @returns the preset (smaller in quick mode)
 */
export function lstmGruPreset(): LstmGruPreset {
  return {
    recallTrainSize: quickOr(3000, 300),
    recallTestSize: quickOr(1220, 244),
    window: 5,
    mlpEpochs: quickOr(5, 1),
    hidden: 32,
    init: "xavier",
    steps: quickOr(500, 10),
    lr: 0.01,
    batchSize: 32,
    clipNorm: 5,
    seeds: [0, 1, 2],
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
