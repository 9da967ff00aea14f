/**
 * Planted mistake for exercise 07.4: the right rows, but targets off by one (y = x).
 * @module
 */

/** Streams and rows as the contract says; the targets are the inputs themselves. */
export function sequentialBatch(
  data: Int32Array,
  batchSize: number,
  seqLen: number,
  k: number,
): { x: Int32Array; y: Int32Array; batchSize: number; seqLen: number } {
  const L = Math.floor((data.length - 1) / batchSize);
  const x = new Int32Array(batchSize * seqLen);
  for (let n = 0; n < batchSize; n++) {
    for (let t = 0; t < seqLen; t++) x[n * seqLen + t] = data[n * L + k * seqLen + t];
  }
  return { x, y: x.slice(), batchSize, seqLen };
}

/** The check's hint must name the missing shift. */
export const expectedFailures: Record<string, RegExp> = {
  "07.4-sequential-batches": /shifted by (exactly )?one/,
};
