/**
 * The sizes notebook 03 (backpropagation and its pitfalls) trains at, in one place. The notebook calls its preset function
 * once in the setup cell; quick mode (`COURSE_QUICK=1`, CI) shrinks the sizes here and nowhere else
 * (through `quickOr`), so the notebook never branches on the mode. Full-mode values are what
 * students get.
 * @module
 */
import { quickOr } from "../util/env.ts";

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
 * Notebook 03's sizes (shrunk in quick mode).
 *
 * @returns the preset
 * @example
 * ```ts
 * import { pitfallsPreset } from "./mod.ts";
 * console.log(pitfallsPreset().depth); // 6
 * ```
 */
export function pitfallsPreset(): PitfallsPreset {
  const quick: Partial<PitfallsPreset> = { width: 40, n: 100, inputDim: 40, maxSamples: 500 };
  return { ...PITFALLS, ...quickOr({}, { ...quick, stepsAfter: 5 }) };
}
