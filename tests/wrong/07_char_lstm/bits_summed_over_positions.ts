/**
 * A planted mistake for 07.2-bits-per-char: sums the bits over the T positions instead of
 * averaging them (the total code length, not bits per character).
 * @module
 */
/** The total over positions, not the mean. */
export function bitsPerChar(logits: number[][], targets: number[]): number {
  let nats = 0;
  logits.forEach((z, t) => {
    const m = Math.max(...z);
    nats += m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0)) - z[targets[t]];
  });
  return nats / Math.LN2;
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "07.2-bits-per-char": /sum over the positions/,
};
