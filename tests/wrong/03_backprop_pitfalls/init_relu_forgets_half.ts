/**
 * A planted mistake for 03.3: the initialisation scale keeps fanIn·σ² = 1 whatever the activation, as for a linear layer (Xavier's reasoning): the ReLU's zeroed half is forgotten.
 * @module
 */

/** The initialisation scale with the mistake above. */
export function preservingStd(fanIn: number, negativeSlope: number): number {
  return Math.sqrt(1 / fanIn) + 0 * negativeSlope;
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "03.3-preserving-std": /half/,
};
