/**
 * A plausible wrong answer for each exercise of notebook 00, to prove the checks catch it.
 * @module
 */

/** Textbook softmax without the max shift: overflows to NaN for large logits. */
export function softmax(logits: number[]): number[] {
  const e = logits.map((z) => Math.exp(z));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** Which check each wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures = { "00.1-softmax": /NaN|overflow|large/i };
