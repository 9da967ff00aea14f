/**
 * The sizes notebook 02 (gradient descent) trains at, in one place. The notebook calls its preset function
 * once in the setup cell; quick mode (`COURSE_QUICK=1`, CI) shrinks the sizes here and nowhere else
 * (through `quickOr`), so the notebook never branches on the mode. Full-mode values are what
 * students get.
 * @module
 */
import { quickOr } from "../util/env.ts";

/** Notebook 02 (gradient descent: batch, mini-batch, stochastic). */
export interface DescentPreset {
  /** N, points on the noisy line */
  n: number;
  /** passes over the data for the three-way comparison */
  epochs: number;
  /** B of mini-batch descent */
  batchSize: number;
  /** one learning rate for all three variants, so only B differs */
  lr: number;
  /** passes of batch descent in the learning-rate story */
  lrEpochs: number;
  /** passes with each tfjs optimizer */
  optimizerEpochs: number;
  /** N of the two-moons set for `model.fit` */
  fitN: number;
  /** passes of `model.fit` for each batch size */
  fitEpochs: number;
  /** grid points per axis of the loss-surface contour */
  gridSteps: number;
  /** passes of the scratch MLP trained with the student's mini-batch epoch */
  scratchEpochs: number;
}

const DESCENT: DescentPreset = {
  n: 200,
  epochs: 20,
  batchSize: 16,
  lr: 0.05,
  lrEpochs: 30,
  optimizerEpochs: 10,
  fitN: 200,
  fitEpochs: 15,
  gridSteps: 60,
  scratchEpochs: 30,
};

/**
 * Notebook 02's sizes (shrunk in quick mode).
 *
 * @returns the preset
 * @example
 * ```ts
 * import { descentPreset } from "./mod.ts";
 * const { n, batchSize } = descentPreset();
 * console.log(batchSize < n); // true
 * ```
 */
export function descentPreset(): DescentPreset {
  const quick: Partial<DescentPreset> = {
    n: 64,
    epochs: 4,
    lrEpochs: 10,
    optimizerEpochs: 3,
    fitN: 64,
    fitEpochs: 2,
    gridSteps: 30,
    scratchEpochs: 3,
  };
  return { ...DESCENT, ...quickOr({}, quick) };
}
