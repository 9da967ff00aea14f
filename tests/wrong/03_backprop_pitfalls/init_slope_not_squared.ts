/**
 * A planted mistake for 03.3: the initialisation scale weights the negative half by the slope α instead of α², as if E[f(z)²] were (1 + α)·q/2.
 * @module
 */

/** The initialisation scale with the mistake above. */
export function preservingStd(fanIn: number, negativeSlope: number): number {
  return Math.sqrt(2 / ((1 + negativeSlope) * fanIn));
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "03.3-preserving-std": /squared/,
};
