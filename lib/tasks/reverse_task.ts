/**
 * The made sequence-to-sequence tasks of notebook 09: read a string of digits, write it reversed
 * (or sorted). Reversal is the classic test of an encoder–decoder (Sutskever, Vinyals & Le 2014
 * reversed their source sentences to shorten dependencies): the first output digit depends on the
 * last input digit, the last output on the first, so a decoder that must squeeze the whole input
 * into one fixed-size vector struggles more as the string grows, while an attention decoder can
 * look at the right input position, and its weights show the anti-diagonal. Every batch has one
 * length, so no padding or masks are needed. Vocabulary: digits "0"–"9" (ids 0–9), then "^" (begin,
 * id 10, the decoder's first input) and "$" (end, id 11, the last target).
 * @module
 */
import { Rng } from "../util/rng.ts";

/** The tokens, in id order: ten digits, begin "^", end "$". */
export const SEQ2SEQ_VOCAB: readonly string[] = [..."0123456789", "^", "$"];
/** Id of the begin token "^". */
export const BOS = 10;
/** Id of the end token "$". */
export const EOS = 11;

/** What the decoder must produce from the source digits. */
export type Seq2SeqTaskKind = "reverse" | "sort";

/** A batch of N source strings of length S with teacher-forcing targets. */
export interface Seq2SeqBatch {
  /** source digit ids // [N, S] */
  src: Int32Array;
  /** decoder inputs: "^" then the target digits // [N, S + 1] */
  tgtIn: Int32Array;
  /** decoder targets: the target digits then "$" // [N, S + 1] */
  tgtOut: Int32Array;
  /** N */
  n: number;
  /** S, the source length (targets have S + 1 tokens) */
  srcLen: number;
}

/**
 * The target digits of a source: reversed or sorted.
 *
 * @param kind "reverse" or "sort"
 * @param src digit ids
 * @returns a new array of the same length
 * @throws {RangeError} on an unknown kind
 */
export function seq2seqTarget(kind: Seq2SeqTaskKind, src: ArrayLike<number>): Int32Array {
  const out = Int32Array.from(src);
  if (kind === "reverse") return out.reverse();
  if (kind === "sort") return out.sort();
  throw new RangeError(`seq2seqTarget: kind must be "reverse" or "sort", got "${kind}"`);
}

/**
 * Pack sources into a batch with their teacher-forcing inputs and targets.
 *
 * @param kind the task
 * @param sources N digit-id arrays, all of length S
 * @returns the batch
 * @throws {RangeError} if the sources differ in length, are empty, or hold a non-digit
 */
export function seq2seqBatch(kind: Seq2SeqTaskKind, sources: ArrayLike<number>[]): Seq2SeqBatch {
  const n = sources.length, S = n ? sources[0].length : 0;
  if (n === 0 || S === 0) throw new RangeError(`seq2seqBatch: need ≥ 1 source of length ≥ 1`);
  const src = new Int32Array(n * S), tgtIn = new Int32Array(n * (S + 1));
  const tgtOut = new Int32Array(n * (S + 1));
  sources.forEach((s, i) => {
    if (s.length !== S || Array.from(s).some((d) => !(Number.isInteger(d) && d >= 0 && d <= 9))) {
      throw new RangeError(
        `seq2seqBatch: source ${i} must be ${S} digit ids in [0, 9], got [${Array.from(s)}]`,
      );
    }
    src.set(s, i * S);
    const tgt = seq2seqTarget(kind, s);
    tgtIn[i * (S + 1)] = BOS;
    tgtIn.set(tgt, i * (S + 1) + 1);
    tgtOut.set(tgt, i * (S + 1));
    tgtOut[i * (S + 1) + S] = EOS;
  });
  return { src, tgtIn, tgtOut, n, srcLen: S };
}

/**
 * N random digit strings of length S, as a batch.
 *
 * @param kind the task
 * @param n N
 * @param srcLen S
 * @param rng the generator to draw from
 * @returns the batch
 * @example
 * ```ts
 * import { decodeTokens, randomSeq2SeqBatch } from "./reverse_task.ts";
 * import { Rng } from "../util/rng.ts";
 * const b = randomSeq2SeqBatch("reverse", 2, 4, new Rng(0));
 * console.log(decodeTokens(b.src.subarray(0, 4)).length, b.tgtOut.length); // 4 10
 * ```
 */
export function randomSeq2SeqBatch(
  kind: Seq2SeqTaskKind,
  n: number,
  srcLen: number,
  rng: Rng,
): Seq2SeqBatch {
  return seq2seqBatch(
    kind,
    Array.from({ length: n }, () => Int32Array.from({ length: srcLen }, () => rng.int(10))),
  );
}

/**
 * Fixed test sets, one batch per source length, from their own seed.
 *
 * @param kind the task
 * @param lengths the source lengths S
 * @param perLength N of each batch
 * @param seed seed of the draws (default 1)
 * @returns one batch per length, in the order of `lengths`
 */
export function seq2seqTestSets(
  kind: Seq2SeqTaskKind,
  lengths: number[],
  perLength: number,
  seed = 1,
): Seq2SeqBatch[] {
  const rng = new Rng(seed);
  return lengths.map((S) => randomSeq2SeqBatch(kind, perLength, S, rng));
}

/**
 * A string of digits as token ids (for the "type your own input" cell).
 *
 * @param text digits only, e.g. "31415"
 * @returns ids [S]
 * @throws {RangeError} if text is empty or holds anything but digits
 */
export function encodeDigits(text: string): Int32Array {
  if (!/^[0-9]+$/.test(text)) {
    throw new RangeError(`encodeDigits: expected a non-empty string of digits, got "${text}"`);
  }
  return Int32Array.from(text, (c) => c.charCodeAt(0) - 48);
}

/**
 * Token ids as text ("^" and "$" for begin and end).
 *
 * @param ids token ids
 * @returns the string
 */
export function decodeTokens(ids: ArrayLike<number>): string {
  return Array.from(ids, (id) => SEQ2SEQ_VOCAB[id] ?? "?").join("");
}
