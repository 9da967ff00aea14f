/**
 * A planted mistake for 07.1-temperature-sampling: exp(z / τ) without subtracting max(z) first:
 * right for small logits, Infinity / Infinity = NaN for logits like 1000.
 * @module
 */
/** exp(z / τ) straight away: the probabilities are NaN once a logit / τ passes ~709. */
export function sampleWithTemperature(logits: number[], temperature: number, u: number): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if (logits[i] > logits[best]) best = i;
  if (temperature === 0) return best;
  const e = logits.map((z) => Math.exp(z / temperature));
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
  "07.1-temperature-sampling": /overflows.*subtract max\(z\)/,
};
