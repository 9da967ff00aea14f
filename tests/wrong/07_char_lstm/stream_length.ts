/**
 * Planted mistake for exercise 07.4: streams of ⌊length / N⌋ ids, leaving no id after the last
 * stream for its final target (and shifting every stream's start).
 * @module
 */

/** L = ⌊length / N⌋ instead of ⌊(length − 1) / N⌋. */
export function sequentialBatch(
  data: Int32Array,
  batchSize: number,
  seqLen: number,
  k: number,
): { x: Int32Array; y: Int32Array; batchSize: number; seqLen: number } {
  const L = Math.floor(data.length / batchSize);
  const x = new Int32Array(batchSize * seqLen), y = new Int32Array(batchSize * seqLen);
  for (let n = 0; n < batchSize; n++) {
    for (let t = 0; t < seqLen; t++) {
      x[n * seqLen + t] = data[n * L + k * seqLen + t];
      y[n * seqLen + t] = data[n * L + k * seqLen + t + 1];
    }
  }
  return { x, y, batchSize, seqLen };
}

/** The check's hint must name the stream length. */
export const expectedFailures: Record<string, RegExp> = {
  "07.4-sequential-batches": /streams have length/,
};
