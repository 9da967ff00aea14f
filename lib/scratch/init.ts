/**
 * Weight initialisation schemes for notebook 03's "bad init vs Xavier/He" story: a fixed small or
 * large standard deviation (CS231n's 0.01·randn and 1·randn), Xavier/Glorot (Glorot & Bengio 2010,
 * std √(2/(fan_in + fan_out)), for tanh/sigmoid) and He (He et al. 2015, std √(2/fan_in), for ReLU).
 * All draws come from a caller-owned seeded `Rng`.
 * @module
 */
import type { Rng } from "../util/rng.ts";
import { type Matrix, matrix } from "./matrix.ts";

/** How to draw initial weights. */
export type InitKind = "small" | "large" | "xavier" | "he";

/** The schemes, in the order notebook 03 compares them. */
export const INIT_KINDS: readonly InitKind[] = ["small", "large", "xavier", "he"];

/**
 * The standard deviation each scheme uses for a [fanIn, fanOut] weight matrix.
 *
 * @param kind the scheme
 * @param fanIn inputs per unit (D)
 * @param fanOut units (H)
 * @returns the standard deviation of the normal draws
 * @throws {TypeError} for an unknown scheme
 * @example He init for 50 inputs
 * ```ts
 * import { initStd } from "./init.ts";
 * console.log(initStd("he", 50, 10)); // 0.2
 * ```
 */
export function initStd(kind: InitKind, fanIn: number, fanOut: number): number {
  switch (kind) {
    case "small":
      return 0.01;
    case "large":
      return 1;
    case "xavier":
      return Math.sqrt(2 / (fanIn + fanOut));
    case "he":
      return Math.sqrt(2 / fanIn);
    default:
      throw new TypeError(`initStd: unknown init "${kind}", expected one of ${INIT_KINDS}`);
  }
}

/**
 * A weight matrix W [fanIn, fanOut] of zero-mean normal draws with the scheme's std.
 *
 * @param kind the scheme
 * @param fanIn inputs per unit (D)
 * @param fanOut units (H)
 * @param rng the seeded generator to draw from
 * @returns W [fanIn, fanOut]
 * @throws {RangeError} if a size is not a positive integer
 * @example
 * ```ts
 * import { initWeights } from "./init.ts";
 * import { Rng } from "../util/rng.ts";
 * console.log(initWeights("xavier", 4, 5, new Rng(0)).shape); // [4, 5]
 * ```
 */
export function initWeights(kind: InitKind, fanIn: number, fanOut: number, rng: Rng): Matrix {
  if (!Number.isInteger(fanIn) || !Number.isInteger(fanOut) || fanIn < 1 || fanOut < 1) {
    throw new RangeError(`initWeights: sizes must be positive integers, got [${fanIn}, ${fanOut}]`);
  }
  const std = initStd(kind, fanIn, fanOut);
  return matrix(fanIn, fanOut, rng.normalArray(fanIn * fanOut, std)); // [D, H]
}
