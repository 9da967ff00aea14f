/**
 * Results over several seeds: the mean and the min–max range of one number (`spread`), or of a
 * curve point by point (`spread` of one row per seed, in the form `meanRangeChart` draws), and as
 * a table cell, e.g. `0.229 (0.228–0.231)` (`formatSpread`), so a comparison printed with
 * `printTable` shows its noise next to it.
 * @module
 */

/** Mean, smallest and largest of one quantity over seeds. */
export interface Spread {
  mean: number;
  min: number;
  max: number;
}

/** Mean, smallest and largest of a curve over seeds, point by point (what `meanRangeChart` draws). */
export interface SpreadCurve {
  mean: number[];
  min: number[];
  max: number[];
}

/**
 * Mean, smallest and largest over several seeds: of one number per seed, or, given one curve per
 * seed (e.g. accuracy at every distance), of every point of the curve.
 *
 * @param values one value per seed, or one row per seed with one value per point (all rows the
 *   same length); NaN and ±Infinity are kept: a diverged run shows as such
 * @returns `{ mean, min, max }`: numbers for values, arrays (one entry per point) for rows
 * @throws {RangeError} if there are no values, or rows of different lengths
 * @example
 * ```ts
 * import { spread } from "./spread.ts";
 * console.log(spread([1, 2, 6])); // { mean: 3, min: 1, max: 6 }
 * console.log(spread([[1, 0.5], [0, 0.7]])); // { mean: [0.5, 0.6], min: [0, 0.5], max: [1, 0.7] }
 * ```
 */
export function spread(values: readonly number[]): Spread;
export function spread(runs: readonly ArrayLike<number>[]): SpreadCurve;
export function spread(
  values: readonly number[] | readonly ArrayLike<number>[],
): Spread | SpreadCurve {
  if (values.length === 0) throw new RangeError("spread: need at least one value");
  if (typeof values[0] === "number") {
    const v = values as readonly number[];
    return {
      mean: v.reduce((a, b) => a + b, 0) / v.length,
      min: Math.min(...v),
      max: Math.max(...v),
    };
  }
  const runs = values as readonly ArrayLike<number>[], P = runs[0].length;
  if (runs.some((r) => typeof r === "number" || r.length !== P)) {
    throw new RangeError(
      `spread: every run needs ${P} values, got ${runs.map((r) => r.length).join(", ")}`,
    );
  }
  const at = [...Array(P).keys()].map((j) => spread(runs.map((r) => r[j])));
  return { mean: at.map((s) => s.mean), min: at.map((s) => s.min), max: at.map((s) => s.max) };
}

/**
 * "mean (min–max)" of values over seeds, for a table cell.
 *
 * @param values one value per seed
 * @param digits digits after the point (fixed notation), or significant digits with `exp`
 * @param exp exponential notation (for values spanning orders of magnitude)
 * @returns e.g. `0.229 (0.228–0.231)`; a single value prints alone
 * @throws {RangeError} if there are no values or digits is not an integer in 0..20
 * @example
 * ```ts
 * import { formatSpread } from "./spread.ts";
 * console.log(formatSpread([0.2285, 0.2298, 0.2291], 4)); // 0.2291 (0.2285–0.2298)
 * console.log(formatSpread([1e-6, 3e-5], 1, true)); // 1.6e-5 (1.0e-6–3.0e-5)
 * ```
 */
export function formatSpread(values: readonly number[], digits = 3, exp = false): string {
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new RangeError(`formatSpread: digits must be an integer in 0..20, got ${digits}`);
  }
  const { mean, min, max } = spread(values);
  const f = (v: number) =>
    Number.isFinite(v) ? (exp ? v.toExponential(digits) : v.toFixed(digits)) : String(v);
  return values.length === 1 ? f(mean) : `${f(mean)} (${f(min)}–${f(max)})`;
}
