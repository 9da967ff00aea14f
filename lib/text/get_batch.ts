/**
 * Random contiguous training batches for a character language model, as nanoGPT's `get_batch`: pick
 * N random start positions, cut a window of T + 1 ids at each, and use the first T as inputs and the
 * last T as targets, so the target at every position is the next character. Plain Int32Arrays keep
 * this independent of tfjs; the training loop turns them into tensors.
 * @module
 */
import type { Rng } from "../util/rng.ts";

/** A batch of inputs and next-character targets, row-major. */
export interface Batch {
  /** Input ids // [N * T] */
  x: Int32Array;
  /** Target ids, `x` shifted left by one // [N * T] */
  y: Int32Array;
  /** N */
  batchSize: number;
  /** T */
  seqLen: number;
}

/**
 * Cut `batchSize` windows of `windowLen` consecutive ids at random start positions.
 *
 * @param data the corpus as ids // [L]
 * @param batchSize number of windows N
 * @param windowLen ids per window (T + 1 for a language-model batch)
 * @param rng the caller's generator; the same seed gives the same windows
 * @returns the windows, row after row // [N * windowLen], i.e. [N, T + 1]
 * @throws {RangeError} if a size is not a positive integer or `data` is shorter than one window
 * @example Four windows of nine ids
 * ```ts
 * import { sampleWindows } from "./get_batch.ts";
 * import { Rng } from "../util/rng.ts";
 * const w = sampleWindows(Int32Array.from({ length: 100 }, (_, i) => i), 4, 9, new Rng(1));
 * console.log(w.length); // 36
 * ```
 */
export function sampleWindows(
  data: Int32Array,
  batchSize: number,
  windowLen: number,
  rng: Rng,
): Int32Array {
  for (const [name, v] of [["batchSize", batchSize], ["windowLen", windowLen]] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new RangeError(`sampleWindows: ${name} must be a positive integer, got ${v}`);
    }
  }
  if (data.length < windowLen) {
    throw new RangeError(
      `sampleWindows: data has ${data.length} ids, fewer than one window of ${windowLen}`,
    );
  }
  const out = new Int32Array(batchSize * windowLen); // [N, T + 1]
  for (let b = 0; b < batchSize; b++) {
    const start = rng.int(data.length - windowLen + 1);
    out.set(data.subarray(start, start + windowLen), b * windowLen);
  }
  return out;
}

/**
 * Split windows of T + 1 ids into inputs (the first T) and targets (the last T).
 *
 * @param windows as returned by {@link sampleWindows} // [N * (T + 1)]
 * @param batchSize number of windows N
 * @returns `{ x, y, batchSize, seqLen }` with `y[n, t] = x[n, t + 1]` // [N * T] each
 * @throws {RangeError} on an empty batch (no ids, or N not a positive integer), if
 *   `windows.length` is not a multiple of N, or if the windows are shorter than 2
 * @example Split one window
 * ```ts
 * import { splitWindows } from "./get_batch.ts";
 * const { x, y } = splitWindows(Int32Array.of(1, 2, 3, 4), 1);
 * console.log(x, y); // Int32Array [ 1, 2, 3 ] Int32Array [ 2, 3, 4 ]
 * ```
 */
export function splitWindows(windows: Int32Array, batchSize: number): Batch {
  if (!Number.isInteger(batchSize) || batchSize < 1 || windows.length === 0) {
    throw new RangeError(
      `splitWindows: an empty batch (${windows.length} ids, batchSize ${batchSize}); ` +
        `batchSize must be a positive integer and every window at least 2 ids long`,
    );
  }
  const L = windows.length / batchSize;
  if (!Number.isInteger(L) || L < 2) {
    throw new RangeError(
      `splitWindows: ${windows.length} ids do not split into ${batchSize} windows of at least 2`,
    );
  }
  const T = L - 1;
  const x = new Int32Array(batchSize * T); // [N, T]
  const y = new Int32Array(batchSize * T); // [N, T]
  for (let b = 0; b < batchSize; b++) {
    x.set(windows.subarray(b * L, b * L + T), b * T);
    y.set(windows.subarray(b * L + 1, (b + 1) * L), b * T);
  }
  return { x, y, batchSize, seqLen: T };
}

/**
 * A random language-model batch: inputs and next-character targets from random places in `data`.
 *
 * @param data the corpus (or its training part) as ids // [L]
 * @param batchSize N
 * @param seqLen T, characters per row
 * @param rng the caller's generator; the same seed gives the same batch
 * @returns `{ x, y, batchSize, seqLen }` // [N * T] each, row-major [N, T]
 * @throws {RangeError} if a size is not a positive integer or `data` has fewer than T + 1 ids
 * @example A batch of 2 rows of 8 characters
 * ```ts
 * import { getBatch } from "./get_batch.ts";
 * import { Rng } from "../util/rng.ts";
 * const { x, y } = getBatch(Int32Array.from({ length: 50 }, (_, i) => i), 2, 8, new Rng(0));
 * console.log(x[1] === y[0]); // true
 * ```
 * @see notebooks/07_char_lstm.ipynb, "A batch"
 */
export function getBatch(data: Int32Array, batchSize: number, seqLen: number, rng: Rng): Batch {
  if (!Number.isInteger(seqLen) || seqLen < 1) {
    throw new RangeError(`getBatch: seqLen must be a positive integer, got ${seqLen}`);
  }
  return splitWindows(sampleWindows(data, batchSize, seqLen + 1, rng), batchSize);
}
