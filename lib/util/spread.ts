/**
 * One number over several seeds, as a table cell: the mean and the min–max range, e.g.
 * `0.229 (0.228–0.231)`, so a comparison printed with `printTable` shows its noise next to it.
 * @module
 */

/**
 * Mean, smallest and largest of one quantity measured over several seeds.
 *
 * @param values one value per seed (NaN and ±Infinity are kept: a diverged run shows as such)
 * @returns `{ mean, min, max }`
 * @throws {RangeError} if there are no values
 * @example
 * ```ts
 * import { spread } from "./spread.ts";
 * console.log(spread([1, 2, 6])); // { mean: 3, min: 1, max: 6 }
 * ```
 */
export function spread(values: readonly number[]): { mean: number; min: number; max: number } {
  if (values.length === 0) throw new RangeError("spread: need at least one value");
  return {
    mean: values.reduce((a, b) => a + b, 0) / values.length,
    min: Math.min(...values),
    max: Math.max(...values),
  };
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
