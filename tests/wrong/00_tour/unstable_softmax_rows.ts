/**
 * A planted mistake for 00.1: the textbook softmax without the max shift, so exp overflows to
 * Infinity for logits near 1000 and Infinity / Infinity is NaN.
 * @module
 */

/** Row softmax without subtracting the row's max. */
export function softmax(logits: number[][]): number[][] {
  return logits.map((row) => {
    const e = row.map((z) => Math.exp(z));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  });
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "00.1-softmax": /overflow/,
};
