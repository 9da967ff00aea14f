/**
 * A planted mistake for 00.1: the normalisation runs down each column (over the N examples)
 * instead of along each row (over the V scores of one example), the wrong axis.
 * @module
 */

/** Softmax over the batch axis: each column sums to 1, not each row. */
export function softmax(logits: number[][]): number[][] {
  const n = logits.length, v = logits[0].length;
  const out = logits.map((row) => row.slice());
  for (let j = 0; j < v; j++) {
    let m = -Infinity;
    for (let i = 0; i < n; i++) m = Math.max(m, logits[i][j]);
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.exp(logits[i][j] - m);
    for (let i = 0; i < n; i++) out[i][j] = Math.exp(logits[i][j] - m) / s;
  }
  return out;
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "00.1-softmax": /wrong axis/,
};
