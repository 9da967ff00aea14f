/**
 * The spread of a result over several seeds: at every point, the mean, the smallest and the
 * largest value, in the form `meanRangeChart` draws and `printTable` prints.
 * @module
 */

/**
 * Mean, min and max over seeds, point by point.
 *
 * @param runs one row per seed, each with one value per point (all rows the same length)
 * @returns `{ mean, min, max }`, one value per point
 * @throws {RangeError} if there are no rows or their lengths differ
 * @example
 * ```ts
 * import { seedRange } from "./seed_range.ts";
 * console.log(seedRange([[1, 0.5], [0, 0.7]])); // { mean: [0.5, 0.6], min: [0, 0.5], max: [1, 0.7] }
 * ```
 */
export function seedRange(runs: readonly ArrayLike<number>[]): {
  mean: number[];
  min: number[];
  max: number[];
} {
  if (runs.length === 0) throw new RangeError("seedRange: need at least one run");
  const P = runs[0].length;
  if (runs.some((r) => r.length !== P)) {
    throw new RangeError(
      `seedRange: every run needs ${P} values, got ${runs.map((r) => r.length).join(", ")}`,
    );
  }
  const col = (j: number) => runs.map((r) => r[j]);
  const idx = [...Array(P).keys()];
  return {
    mean: idx.map((j) => col(j).reduce((a, b) => a + b, 0) / runs.length),
    min: idx.map((j) => Math.min(...col(j))),
    max: idx.map((j) => Math.max(...col(j))),
  };
}
