/**
 * A planted mistake for 05.2-clip-by-global-norm: clips each array to maxNorm on its own instead
 * of all of them together (the direction of the update changes).
 * @module
 */

/** Clips each array to maxNorm on its own. */
export function clipByGlobalNorm(
  grads: Record<string, Float64Array>,
  maxNorm: number,
): { grads: Record<string, Float64Array>; norm: number } {
  let total = 0;
  const out: Record<string, Float64Array> = {};
  for (const [k, g] of Object.entries(grads)) {
    const n = Math.hypot(...g);
    total += n * n;
    out[k] = g.map((v) => (n > maxNorm ? (v * maxNorm) / n : v));
  }
  return { grads: out, norm: Math.sqrt(total) };
}

/** Which exercise this wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "05.2-clip-by-global-norm": /clipping each array to maxNorm separately/,
};
