/**
 * Sizes of everything notebooks 01–03 train or probe, in one place. Each notebook calls its preset
 * function once in the setup cell; quick mode (`COURSE_QUICK=1`, CI) shrinks the sizes here and
 * nowhere else, so notebooks never branch on the mode. Full-mode values are what students get,
 * chosen so each notebook runs in about a minute on two CPU cores.
 * @module
 */
import { quickOr } from "../util/env.ts";

/** Notebook 01 (a vanilla network and the chain rule). */
export interface ChainRulePreset {
  /** points in the two-class blobs of the single unit */
  unitN: number;
  /** points in the three-class blobs of the batch in matrix form */
  batchN: number;
  /** H of the one-hidden-layer net on the batch */
  hidden: number;
  /** points of the noisy sine */
  sineN: number;
  /** full-batch gradient steps fitting the sine */
  fitSteps: number;
}

const CHAIN_RULE: ChainRulePreset = {
  unitN: 60,
  batchN: 90,
  hidden: 6,
  sineN: 64,
  fitSteps: 3000,
};

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

/** Notebook 03 (backpropagation through layers and its pitfalls). */
export interface PitfallsPreset {
  /** hidden layers of the deep MLP */
  depth: number;
  /** hidden layers for the ReLU init comparison (deeper, so the drift shows) */
  reluDepth: number;
  /** units per hidden layer */
  width: number;
  /** examples per probe */
  n: number;
  /** input features D */
  inputDim: number;
  /** activation values kept per layer for the histograms */
  maxSamples: number;
  /** ordinary training steps after the big step (dead units stay dead) */
  stepsAfter: number;
}

const PITFALLS: PitfallsPreset = {
  depth: 6,
  reluDepth: 10,
  width: 100,
  n: 500,
  inputDim: 100,
  maxSamples: 2000,
  stepsAfter: 50,
};

/**
 * Notebook 01's sizes (shrunk in quick mode).
 *
 * @returns the preset
 * @example
 * ```ts
 * import { chainRulePreset } from "./presets.ts";
 * console.log(chainRulePreset().hidden > 0); // true
 * ```
 */
export function chainRulePreset(): ChainRulePreset {
  return { ...CHAIN_RULE, ...quickOr({}, { batchN: 30, sineN: 32, fitSteps: 300 }) };
}

/**
 * Notebook 02's sizes (shrunk in quick mode).
 *
 * @returns the preset
 * @example
 * ```ts
 * import { descentPreset } from "./presets.ts";
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

/**
 * Notebook 03's sizes (shrunk in quick mode).
 *
 * @returns the preset
 * @example
 * ```ts
 * import { pitfallsPreset } from "./presets.ts";
 * console.log(pitfallsPreset().depth); // 6
 * ```
 */
export function pitfallsPreset(): PitfallsPreset {
  const quick: Partial<PitfallsPreset> = { width: 40, n: 100, inputDim: 40, maxSamples: 500 };
  return { ...PITFALLS, ...quickOr({}, { ...quick, stepsAfter: 5 }) };
}
