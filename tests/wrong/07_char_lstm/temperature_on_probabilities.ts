/**
 * A planted mistake for 07.1-temperature-sampling: applies the temperature to the probabilities
 * instead of the logits: softmax(z), then p / τ, then normalised again, which undoes the division,
 * so every τ > 0 samples as τ = 1.
 * @module
 */
/** Divides the probabilities, not the logits, by τ: the temperature has no effect. */
export function sampleWithTemperature(logits: number[], temperature: number, u: number): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if (logits[i] > logits[best]) best = i;
  if (temperature === 0) return best;
  const m = logits[best];
  const e = logits.map((z) => Math.exp(z - m));
  const total = e.reduce((a, b) => a + b, 0);
  const scaled = e.map((v) => v / total / temperature); // p / τ
  const norm = scaled.reduce((a, b) => a + b, 0);
  let cum = 0;
  for (let i = 0; i < scaled.length; i++) {
    cum += scaled[i] / norm;
    if (u < cum) return i;
  }
  return scaled.length - 1;
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "07.1-temperature-sampling": /probabilities instead of the logits/,
};
