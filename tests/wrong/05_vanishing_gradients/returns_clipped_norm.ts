/**
 * A planted mistake for 05.2-clip-by-global-norm: clips right but returns the norm after
 * clipping, so a training loop would log maxNorm whenever clipping was active and never see the
 * spike.
 * @module
 */

/** Returns the post-clip norm. */
export function clipByGlobalNorm(
  grads: Record<string, Float64Array>,
  maxNorm: number,
): { grads: Record<string, Float64Array>; norm: number } {
  let s = 0;
  for (const g of Object.values(grads)) for (const v of g) s += v * v;
  const norm = Math.sqrt(s), scale = norm > maxNorm ? maxNorm / norm : 1;
  const out: Record<string, Float64Array> = {};
  for (const [k, g] of Object.entries(grads)) out[k] = g.map((v) => v * scale);
  return { grads: out, norm: norm * scale };
}

/** Which exercise this wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "05.2-clip-by-global-norm": /returning the norm after clipping/,
};
