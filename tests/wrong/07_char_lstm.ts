/**
 * A plausible wrong answer for each exercise of notebook 07, to prove the checks catch it.
 * @module
 */

/** Multiplies the logits by τ instead of dividing: τ < 1 flattens instead of sharpening. */
export function sampleWithTemperature(logits: number[], temperature: number, u: number): number {
  const m = Math.max(...logits);
  const e = logits.map((z) => Math.exp((z - m) * temperature));
  const total = e.reduce((a, b) => a + b, 0);
  let cum = 0;
  for (let i = 0; i < e.length; i++) {
    cum += e[i] / total;
    if (u < cum) return i;
  }
  return e.length - 1;
}

/** Forgets the change of base: returns nats per character, not bits. */
export function bitsPerChar(logits: number[][], targets: number[]): number {
  let nats = 0;
  logits.forEach((z, t) => {
    const m = Math.max(...z);
    nats += m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0)) - z[targets[t]];
  });
  return nats / logits.length;
}

/** Which check each wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures = {
  "07.1-temperature-sampling": /divide the logits by τ/,
  "07.2-bits-per-char": /nats|ln 2/,
};
