/**
 * Planted mistake for exercise 07.4: consecutive chunks of the text fill each batch, so row n of
 * batch k + 1 is not the continuation of row n of batch k (a carried state would be wrong).
 * @module
 */

/** Batch k = the next N·T ids of the text, cut into N rows. */
export function sequentialBatch(
  data: Int32Array,
  batchSize: number,
  seqLen: number,
  k: number,
): { x: Int32Array; y: Int32Array; batchSize: number; seqLen: number } {
  const start = k * batchSize * seqLen;
  const x = data.slice(start, start + batchSize * seqLen);
  const y = data.slice(start + 1, start + 1 + batchSize * seqLen);
  return { x, y, batchSize, seqLen };
}

/** The check's hint must say that the rows do not continue. */
export const expectedFailures: Record<string, RegExp> = {
  "07.4-sequential-batches": /rows do not continue/,
};
