/**
 * Reference solutions of notebook 07's exercises (instructors: delete tests/solutions/ before
 * handing the course out; see README "Exercises").
 * @module
 */
import type { Tensor3 } from "../../lib/scratch/mod.ts";

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

/** Reference temporal softmax loss: a stable log-softmax per position, the mean over counted ones. */
export function temporalSoftmaxLoss(
  logits: Tensor3,
  y: Int32Array,
  mask?: Float64Array,
): { loss: number; dLogits: Tensor3 } {
  const [N, T, V] = logits.shape;
  let M = 0;
  for (let i = 0; i < N * T; i++) M += mask ? mask[i] : 1;
  const d = new Float64Array(N * T * V);
  let loss = 0;
  for (let i = 0; i < N * T; i++) {
    const w = mask ? mask[i] : 1;
    if (w === 0) continue;
    const z = logits.data.subarray(i * V, (i + 1) * V);
    const m = Math.max(...z);
    let sum = 0;
    for (let v = 0; v < V; v++) sum += d[i * V + v] = Math.exp(z[v] - m);
    loss += w * (m + Math.log(sum) - z[y[i]]);
    for (let v = 0; v < V; v++) d[i * V + v] *= w / (sum * M);
    d[i * V + y[i]] -= w / M;
  }
  return { loss: loss / M, dLogits: { data: d, shape: [N, T, V] } };
}

/** A batch of inputs and next-character targets, row-major [N, T]. */
export interface SeqBatch {
  /** input ids [N * T] */
  x: Int32Array;
  /** target ids [N * T] */
  y: Int32Array;
  /** N */
  batchSize: number;
  /** T */
  seqLen: number;
}

/** Reference sequential batch: row n reads stream n (length ⌊(len − 1) / N⌋) from k·T on. */
export function sequentialBatch(
  data: Int32Array,
  batchSize: number,
  seqLen: number,
  k: number,
): SeqBatch {
  const L = Math.floor((data.length - 1) / batchSize);
  const x = new Int32Array(batchSize * seqLen), y = new Int32Array(batchSize * seqLen);
  for (let n = 0; n < batchSize; n++) {
    for (let t = 0; t < seqLen; t++) {
      x[n * seqLen + t] = data[n * L + k * seqLen + t];
      y[n * seqLen + t] = data[n * L + k * seqLen + t + 1];
    }
  }
  return { x, y, batchSize, seqLen };
}
