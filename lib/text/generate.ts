/**
 * Generating text from any character-level model, as the sampling loop of min-char-rnn: feed a
 * priming string one character at a time through the model's `step`, then repeatedly sample a
 * character from the last logits and feed it back. The model hides behind two callbacks (`step`,
 * `reset`), and each new character goes to `onChar` as it is made, so a notebook can stream it to
 * the cell and the CLI to stdout.
 * @module
 */
import type { Rng } from "../util/rng.ts";
import type { CharVocab } from "./char_vocab.ts";
import { sampleFromLogits, type SamplingOptions } from "./sample_from_logits.ts";

/** One row of next-character logits. */
export type Logits = Float32Array | Float64Array;

/** What {@link generate} needs: the model as callbacks, the prompt, and how to sample. */
export interface GenerateOptions extends SamplingOptions {
  /** Feed one character id, advance the model's state, return the logits for the next one // [V] */
  step: (charIndex: number) => Logits | Promise<Logits>;
  /** Clear the model's state (hidden and cell states) before priming; optional. */
  reset?: () => void | Promise<void>;
  /** Text fed through the model before sampling; at least one character (default "\n"). */
  prime?: string;
  /** Number of characters to sample. */
  length: number;
  /** Maps characters to ids and back; must match the model's V. */
  vocab: CharVocab;
  /** The caller's generator; the same seed (and model) gives the same text. */
  rng: Rng;
  /** Receives each generated character as soon as it is sampled (awaited). */
  onChar?: (ch: string) => void | Promise<void>;
}

/**
 * Prime a model with `prime`, then sample `length` characters from it.
 *
 * @param opts model callbacks, prompt, length, vocabulary, temperature, topK, rng, onChar
 * @returns the generated characters (without the prime)
 * @throws {RangeError} if `length` is not an integer ≥ 0, `prime` is empty, `step` returns logits
 *   whose length is not V, or sampling options are invalid; encode errors for unknown prime characters
 * @example A "model" that always prefers the character after the last one
 * ```ts
 * import { generate } from "./generate.ts";
 * import { CharVocab } from "./char_vocab.ts";
 * import { Rng } from "../util/rng.ts";
 * const vocab = CharVocab.fromText("abcd");
 * const step = (i: number) => Float32Array.from({ length: 4 }, (_, j) => (j === (i + 1) % 4 ? 5 : 0));
 * const text = await generate({ step, prime: "a", length: 6, vocab, temperature: 0, rng: new Rng(1) });
 * console.log(text); // bcdabc
 * ```
 * @see notebooks/07_char_lstm.ipynb, "Sampling with a temperature"
 */
export async function generate(opts: GenerateOptions): Promise<string> {
  const { step, reset, prime = "\n", length, vocab, rng, onChar } = opts;
  if (!Number.isInteger(length) || length < 0) {
    throw new RangeError(`generate: length must be an integer ≥ 0, got ${length}`);
  }
  if (prime.length === 0) {
    throw new RangeError(`generate: prime must have at least one character (e.g. "\\n")`);
  }
  const primeIds = vocab.encode(prime);
  await reset?.();
  let logits: Logits = new Float32Array(0);
  for (const id of primeIds) logits = await step(id);
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    if (logits.length !== vocab.size) {
      throw new RangeError(
        `generate: step returned ${logits.length} logits, expected V = ${vocab.size}`,
      );
    }
    const id = sampleFromLogits(logits, { temperature: opts.temperature, topK: opts.topK, rng });
    const ch = vocab.chars[id];
    out.push(ch);
    await onChar?.(ch);
    if (i < length - 1) logits = await step(id);
  }
  return out.join("");
}

/**
 * An `onChar` callback that writes each character to stdout as it comes (for the CLI).
 *
 * @returns an async callback for {@link generate}'s `onChar`
 * @example Stream a sample to the terminal
 * ```ts ignore
 * import { generate, stdoutWriter } from "./generate.ts";
 * await generate({ ...model, length: 500, vocab, rng, onChar: stdoutWriter() });
 * ```
 */
export function stdoutWriter(): (ch: string) => Promise<void> {
  const enc = new TextEncoder();
  return async (ch: string) => {
    const bytes = enc.encode(ch);
    let done = 0;
    while (done < bytes.length) done += await Deno.stdout.write(bytes.subarray(done));
  };
}
