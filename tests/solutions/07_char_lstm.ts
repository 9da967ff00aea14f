/**
 * Reference solutions of notebook 07's exercises (instructors: delete tests/solutions/ before
 * handing the course out; see README "Exercises").
 * @module
 */

/** Reference temperature sampling by the inverse CDF of softmax(z / τ). */
export function sampleWithTemperature(logits: number[], temperature: number, u: number): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if (logits[i] > logits[best]) best = i;
  if (temperature === 0) return best;
  const m = logits[best];
  const e = logits.map((z) => Math.exp((z - m) / temperature));
  const total = e.reduce((a, b) => a + b, 0);
  let cum = 0, last = best;
  for (let i = 0; i < e.length; i++) {
    if (e[i] === 0) continue;
    cum += e[i] / total;
    last = i;
    if (u < cum) return i;
  }
  return last;
}

/** Reference mean cross-entropy in bits, through log-sum-exp. */
export function bitsPerChar(logits: number[][], targets: number[]): number {
  let nats = 0;
  logits.forEach((z, t) => {
    const m = Math.max(...z);
    const lse = m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
    nats += lse - z[targets[t]];
  });
  return nats / logits.length / Math.LN2;
}
