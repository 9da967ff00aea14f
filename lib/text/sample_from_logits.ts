/**
 * Turning a model's logits into the next character: softmax with a temperature (logits / τ; τ → 0
 * is greedy argmax, τ > 1 flattens the distribution), optionally restricted to the k most likely
 * characters (top-k, as in nanoGPT's `sample.py`). Model-agnostic: it takes one row of logits as a
 * typed array, so scratch, tfjs and PyTorch-fixture models all share it.
 * @module
 */
import type { Rng } from "../util/rng.ts";

/** How to sample: temperature τ ≥ 0 (default 1), optional top-k. */
export interface SamplingOptions {
  /** τ: logits are divided by it; 0 means argmax (default 1). */
  temperature?: number;
  /** Keep only the k largest logits (ties broken by lower index); default: all. */
  topK?: number;
}

/**
 * The sampling distribution for one row of logits: softmax(logits / τ) over the top k, zero elsewhere.
 *
 * @param logits unnormalised scores // [V]
 * @param opts temperature and top-k
 * @returns probabilities summing to 1 (one-hot at the argmax when τ = 0) // [V]
 * @throws {RangeError} if τ < 0 or not finite, topK is not an integer ≥ 1, logits are empty,
 *   contain NaN, or are all −Infinity
 * @example Temperature sharpens or flattens
 * ```ts
 * import { probsFromLogits } from "./sample_from_logits.ts";
 * const logits = Float32Array.of(2, 1, 0);
 * console.log(probsFromLogits(logits, { temperature: 0.5 })[0] > probsFromLogits(logits)[0]); // true
 * ```
 */
export function probsFromLogits(
  logits: Float32Array | Float64Array,
  opts: SamplingOptions = {},
): Float64Array {
  const { temperature = 1, topK } = opts;
  const V = logits.length;
  if (!(temperature >= 0 && Number.isFinite(temperature))) {
    throw new RangeError(
      `sampleFromLogits: temperature must be ≥ 0 and finite, got ${temperature}`,
    );
  }
  if (topK !== undefined && !(Number.isInteger(topK) && topK >= 1)) {
    throw new RangeError(`sampleFromLogits: topK must be an integer ≥ 1, got ${topK}`);
  }
  if (V === 0) throw new RangeError("sampleFromLogits: logits are empty");
  const nan = logits.findIndex(Number.isNaN);
  if (nan >= 0) throw new RangeError(`sampleFromLogits: logits[${nan}] is NaN (V = ${V})`);
  // Indices of the candidates: all, or the k largest (stable: ties go to the lower index).
  let keep = Array.from({ length: V }, (_, i) => i);
  if (topK !== undefined && topK < V) {
    keep = keep.sort((a, b) => logits[b] - logits[a] || a - b).slice(0, topK);
  }
  let best = keep[0];
  for (const i of keep) if (logits[i] > logits[best]) best = i;
  const max = logits[best];
  if (max === -Infinity) throw new RangeError("sampleFromLogits: every logit is -Infinity");
  const probs = new Float64Array(V); // [V]
  if (temperature === 0 || max === Infinity) {
    probs[best] = 1;
    return probs;
  }
  let sum = 0;
  for (const i of keep) sum += probs[i] = Math.exp((logits[i] - max) / temperature);
  for (const i of keep) probs[i] /= sum;
  return probs;
}

/**
 * Draw one index from softmax(logits / τ), optionally among the top k only.
 *
 * @param logits unnormalised scores for the next character // [V]
 * @param opts temperature (0 = argmax), topK, and the caller's `rng`
 * @returns an index in [0, V)
 * @throws {RangeError} as {@link probsFromLogits}
 * @example Greedy and random choices
 * ```ts
 * import { sampleFromLogits } from "./sample_from_logits.ts";
 * import { Rng } from "../util/rng.ts";
 * const logits = Float32Array.of(0.1, 3, 0.2);
 * console.log(sampleFromLogits(logits, { temperature: 0, rng: new Rng(1) })); // 1
 * console.log(sampleFromLogits(logits, { temperature: 1, topK: 2, rng: new Rng(1) }) !== 0); // true
 * ```
 * @see notebooks/07_char_lstm.ipynb, "Sampling with a temperature"
 */
export function sampleFromLogits(
  logits: Float32Array | Float64Array,
  opts: SamplingOptions & { rng: Rng },
): number {
  const probs = probsFromLogits(logits, opts);
  const u = opts.rng.uniform();
  let cum = 0, last = 0;
  for (let i = 0; i < probs.length; i++) {
    if (probs[i] === 0) continue;
    cum += probs[i];
    last = i;
    if (u < cum) return i;
  }
  return last; // u landed past the rounding error in the total; take the last candidate
}
