/**
 * The train/validation split of notebook 07, as nanoGPT's `shakespeare_char/prepare.py`: the first
 * 90% of the text trains, the last 10% validates (n = floor(0.9 · length), so Tiny Shakespeare
 * gives 1,003,854 and 111,540 characters). A contiguous split, not a shuffled one, keeps whole
 * scenes out of training, which makes the validation loss an honest estimate.
 * @module
 */

/** Anything that can be cut in two: a string or an id array. */
type Splittable = string | Int32Array;

/**
 * Split a text (or its ids) into a leading training part and a trailing validation part.
 *
 * @param data the whole corpus, as text or ids // [L]
 * @param trainFraction share of the data for training, in (0, 1) (default 0.9)
 * @returns `{ train, val }` // [n], [L − n] with n = floor(trainFraction · L); arrays are views
 * @throws {RangeError} if `trainFraction` is outside (0, 1) or either part would be empty
 * @example Split ids 90/10
 * ```ts
 * import { trainValSplit } from "./train_val_split.ts";
 * const { train, val } = trainValSplit(new Int32Array(100));
 * console.log(train.length, val.length); // 90 10
 * ```
 */
export function trainValSplit<T extends Splittable>(
  data: T,
  trainFraction = 0.9,
): { train: T; val: T } {
  if (!(trainFraction > 0 && trainFraction < 1)) {
    throw new RangeError(`trainValSplit: trainFraction must be in (0, 1), got ${trainFraction}`);
  }
  const n = Math.floor(trainFraction * data.length);
  if (n === 0 || n === data.length) {
    throw new RangeError(
      `trainValSplit: ${data.length} items split at ${trainFraction} leave an empty part`,
    );
  }
  if (typeof data === "string") {
    return { train: data.slice(0, n) as T, val: data.slice(n) as T };
  }
  const ids = data as Int32Array;
  return { train: ids.subarray(0, n) as T, val: ids.subarray(n) as T };
}
