/**
 * A planted mistake for 03.3: the initialisation scale returns the variance σ² instead of the standard deviation σ.
 * @module
 */

/** The initialisation scale with the mistake above. */
export function preservingStd(fanIn: number, negativeSlope: number): number {
  return 2 / ((1 + negativeSlope ** 2) * fanIn);
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "03.3-preserving-std": /variance/,
};
