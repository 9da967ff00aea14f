/**
 * Sequential batches for stateful truncated BPTT (d2l's sequential partitioning, min-char-rnn's
 * pointer `p` and `hprev`): the corpus is cut into N streams of equal length, row n of every batch
 * reads stream n, and batch k + 1 continues each row exactly where batch k stopped. So the hidden
 * state a row ends a batch with is the right state to start its next batch from: carry it over
 * (detached, so BPTT still stops at the batch boundary) instead of starting from zeros.
 * @module
 */
import type { Batch } from "./get_batch.ts";

/**
 * How many sequential batches fit in `length` ids: each of the N streams holds
 * L = ⌊(length − 1) / N⌋ ids of input (one more for the last target), i.e. ⌊L / T⌋ batches.
 *
 * @param length ids in the corpus
 * @param batchSize N, streams (rows per batch)
 * @param seqLen T, ids per row per batch
 * @returns the number of batches of one pass (≥ 0)
 * @throws {RangeError} if N or T is not a positive integer
 * @example
 * ```ts
 * import { sequentialBatchCount } from "./sequential_batches.ts";
 * console.log(sequentialBatchCount(101, 2, 10)); // 5
 * ```
 */
export function sequentialBatchCount(length: number, batchSize: number, seqLen: number): number {
  for (const [name, v] of [["batchSize", batchSize], ["seqLen", seqLen]] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new RangeError(`sequentialBatchCount: ${name} must be a positive integer, got ${v}`);
    }
  }
  return Math.max(0, Math.floor(Math.floor((length - 1) / batchSize) / seqLen));
}

/**
 * Batch k of the sequential partition: row n holds ids n·L + k·T … n·L + k·T + T − 1 of `data`
 * (L = ⌊(length − 1) / N⌋, the stream length) and its targets are the same positions plus one.
 *
 * @param data the corpus as ids // [length]
 * @param batchSize N, streams
 * @param seqLen T
 * @param k which batch, 0 ≤ k < {@link sequentialBatchCount}
 * @returns `{ x, y, batchSize, seqLen }` // [N * T] each, row-major, y[n, t] = x[n, t + 1]
 * @throws {RangeError} if a size is not a positive integer or k is outside [0, count)
 * @example Row 0 of batch 1 continues row 0 of batch 0
 * ```ts
 * import { sequentialBatch } from "./sequential_batches.ts";
 * const data = Int32Array.from({ length: 21 }, (_, i) => i);
 * console.log(sequentialBatch(data, 2, 3, 0).x); // Int32Array(6) [ 0, 1, 2, 10, 11, 12 ]
 * console.log(sequentialBatch(data, 2, 3, 1).x); // Int32Array(6) [ 3, 4, 5, 13, 14, 15 ]
 * ```
 * @see notebooks/07_char_lstm.ipynb, "Carrying the state: truncated BPTT"
 */
export function sequentialBatch(
  data: ArrayLike<number>,
  batchSize: number,
  seqLen: number,
  k: number,
): Batch {
  const count = sequentialBatchCount(data.length, batchSize, seqLen);
  if (!Number.isInteger(k) || k < 0 || k >= count) {
    throw new RangeError(
      `sequentialBatch: batch ${k} is outside [0, ${count}) (${data.length} ids, N ${batchSize}, ` +
        `T ${seqLen})`,
    );
  }
  const N = batchSize, T = seqLen, L = Math.floor((data.length - 1) / N);
  const x = new Int32Array(N * T), y = new Int32Array(N * T); // [N, T] each
  for (let n = 0; n < N; n++) {
    const start = n * L + k * T; // stream n, continued
    for (let t = 0; t < T; t++) {
      x[n * T + t] = data[start + t];
      y[n * T + t] = data[start + t + 1];
    }
  }
  return { x, y, batchSize: N, seqLen: T };
}
