/**
 * A planted mistake for 07.2-bits-per-char: averages over the wrong axis: divides the total by
 * the vocabulary size V (the length of a row of logits) instead of the number of positions T.
 * @module
 */
/** Divides the total by V, the row length, instead of T, the number of rows. */
export function bitsPerChar(logits: number[][], targets: number[]): number {
  let nats = 0;
  logits.forEach((z, t) => {
    const m = Math.max(...z);
    nats += m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0)) - z[targets[t]];
  });
  return nats / logits[0].length / Math.LN2;
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "07.2-bits-per-char": /vocabulary size/,
};
