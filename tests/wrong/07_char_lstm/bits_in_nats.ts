/**
 * A planted mistake for 07.2-bits-per-char: forgets the change of base: returns nats per
 * character, not bits.
 * @module
 */
/** Forgets the change of base: returns nats per character, not bits. */
export function bitsPerChar(logits: number[][], targets: number[]): number {
  let nats = 0;
  logits.forEach((z, t) => {
    const m = Math.max(...z);
    nats += m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0)) - z[targets[t]];
  });
  return nats / logits.length;
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "07.2-bits-per-char": /nats|ln 2/,
};
