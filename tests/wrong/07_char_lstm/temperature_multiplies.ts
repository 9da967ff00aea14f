/**
 * A planted mistake for 07.1-temperature-sampling: multiplies the logits by τ instead of dividing:
 * τ < 1 flattens instead of sharpening.
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

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "07.1-temperature-sampling": /logits were multiplied by τ/,
};
