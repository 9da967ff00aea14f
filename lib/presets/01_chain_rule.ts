/**
 * The sizes notebook 01 (a vanilla network and the chain rule) trains at, in one place. The notebook calls its preset function
 * once in the setup cell; quick mode (`COURSE_QUICK=1`, CI) shrinks the sizes here and nowhere else
 * (through `quickOr`), so the notebook never branches on the mode. Full-mode values are what
 * students get.
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

/**
 * Notebook 01's sizes (shrunk in quick mode).
 *
 * @returns the preset
 * @example
 * ```ts
 * import { chainRulePreset } from "./mod.ts";
 * console.log(chainRulePreset().hidden > 0); // true
 * ```
 */
export function chainRulePreset(): ChainRulePreset {
  return { ...CHAIN_RULE, ...quickOr({}, { batchN: 30, sineN: 32, fitSteps: 300 }) };
}
