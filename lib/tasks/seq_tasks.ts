/**
 * Two made sequence tasks for notebooks 04–06, seeded with {@link Rng} so every run sees the same
 * data. The long-dependency task (notebook 04, and the RNN/LSTM/GRU race of 06): a sequence of
 * distractor letters holds one signal symbol (A, B, …) `distance` steps before its end, and the
 * label is that symbol, so a model must remember it across the distractors; a fixed window of the
 * last W tokens sees it only while distance < W. The bracket task (notebook 06): one label per
 * token, 1 inside a (possibly nested) bracket pair and 0 outside, which needs a counter. In the
 * spirit of the synthetic problems of Hochreiter & Schmidhuber (1997) and Bengio et al. (1994).
 * @module
 */
import { Rng } from "../util/rng.ts";

/** Batches of token sequences with one class label per sequence. */
export interface SequenceClassificationData {
  /** token ids, row n = sequence n // [N, T] */
  ids: Int32Array;
  /** [N, T] */
  shape: [number, number];
  /** the class of each sequence // [N] */
  y: Int32Array;
  /** steps from the signal to the last token (0: the signal is the last token) // [N] */
  distance: Int32Array;
  /** the string of every token id */
  vocab: string[];
  /** number of classes C */
  numClasses: number;
}

/** Options of {@link longDependencyTask}. */
export interface LongDependencyOptions {
  /** number of sequences N */
  n: number;
  /** largest distance; the sequences have T = maxDistance + 1 tokens */
  maxDistance: number;
  /** smallest distance (default 0) */
  minDistance?: number;
  /** number of signal symbols = classes C (default 2, at most 8) */
  numClasses?: number;
  /** number of distractor letters (default 4, at most 16) */
  numDistractors?: number;
  /**
   * the harder variant (default false): the signal follows a cue "#", and the distractors are drawn
   * from the signal symbols as well as the letters, so a model must store the symbol after the cue
   * and then ignore every later A, B, … (T = maxDistance + 2)
   */
  cue?: boolean;
  /** seed of the draws (default 0) */
  seed?: number;
}

/**
 * The long-dependency task: token ids [N, T] of distractors with one signal symbol at position
 * T − 1 − distance; the label is the signal's class. Vocabulary: the C signals "A", "B", … (ids
 * 0..C−1), then the distractors "a", "b", … Distances are drawn uniformly from
 * [minDistance, maxDistance] and classes uniformly from [0, C). With `cue`, a "#" (the last id)
 * precedes the signal and the distractors include the signal symbols.
 *
 * @param opts sizes, distances and seed
 * @returns ids [N, T], y [N], distance [N], vocab, numClasses
 * @throws {RangeError} for sizes out of range
 * @example Three sequences of length 6
 * ```ts
 * import { decodeSequence, longDependencyTask } from "./seq_tasks.ts";
 * const d = longDependencyTask({ n: 3, maxDistance: 5, seed: 1 });
 * console.log(d.shape, decodeSequence(d, 0).length); // [3, 6] 6
 * ```
 * @see notebook 04, "A task with a long memory"
 */
export function longDependencyTask(opts: LongDependencyOptions): SequenceClassificationData {
  const { n, maxDistance, minDistance = 0, numClasses = 2, numDistractors = 4 } = opts;
  const { cue = false, seed = 0 } = opts;
  const ok = Number.isInteger(n) && n > 0 && Number.isInteger(maxDistance) &&
    Number.isInteger(minDistance) && minDistance >= 0 && minDistance <= maxDistance &&
    Number.isInteger(numClasses) && numClasses >= 2 && numClasses <= 8 &&
    Number.isInteger(numDistractors) && numDistractors >= 1 && numDistractors <= 16;
  if (!ok) {
    throw new RangeError(
      `longDependencyTask: need n ≥ 1, 0 ≤ minDistance ≤ maxDistance, 2 ≤ numClasses ≤ 8, ` +
        `1 ≤ numDistractors ≤ 16; got n=${n}, distances [${minDistance}, ${maxDistance}], ` +
        `numClasses=${numClasses}, numDistractors=${numDistractors}`,
    );
  }
  const T = maxDistance + (cue ? 2 : 1), rng = new Rng(seed);
  const noise = cue ? numClasses + numDistractors : numDistractors, first = cue ? 0 : numClasses;
  const ids = new Int32Array(n * T), y = new Int32Array(n), distance = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < T; t++) ids[i * T + t] = first + rng.int(noise);
    y[i] = rng.int(numClasses);
    distance[i] = minDistance + rng.int(maxDistance - minDistance + 1);
    ids[i * T + T - 1 - distance[i]] = y[i]; // the signal
    if (cue) ids[i * T + T - 2 - distance[i]] = numClasses + numDistractors; // "#"
  }
  const vocab = [
    ...Array.from({ length: numClasses }, (_, c) => String.fromCharCode(65 + c)), // A, B, …
    ...Array.from({ length: numDistractors }, (_, c) => String.fromCharCode(97 + c)), // a, b, …
    ...(cue ? ["#"] : []),
  ];
  return { ids, shape: [n, T], y, distance, vocab, numClasses };
}

/** Batches of token sequences with one label per token. */
export interface SequenceLabellingData {
  /** token ids // [N, T] */
  ids: Int32Array;
  /** [N, T] */
  shape: [number, number];
  /** one label per token: 1 inside brackets (the brackets included), 0 outside // [N, T] */
  labels: Int32Array;
  /** the nesting depth after each token, for plots // [N, T] */
  depth: Int32Array;
  /** the string of every token id: "(", ")", then letters */
  vocab: string[];
  /** number of label classes (2) */
  numClasses: number;
}

/** Options of {@link bracketTask}. */
export interface BracketOptions {
  /** number of sequences N */
  n: number;
  /** tokens per sequence T */
  T: number;
  /** deepest nesting (default 3) */
  maxDepth?: number;
  /** chance that a token opens a bracket when allowed (default 0.15) */
  pOpen?: number;
  /** chance that a token closes a bracket when inside one (default 0.15) */
  pClose?: number;
  /** number of letters (default 4) */
  numLetters?: number;
  /** seed (default 0) */
  seed?: number;
}

/**
 * The bracket-labelling task: random letters with well-nested brackets; each token is labelled 1
 * when it lies inside a bracket pair (the "(" and ")" themselves included) and 0 outside. Brackets
 * still open at the end are simply never closed (their tokens count as inside). A model needs a
 * counter: after "( ( ) x" the x is still inside.
 *
 * @param opts sizes, probabilities and seed
 * @returns ids [N, T], labels [N, T], depth [N, T], vocab, numClasses = 2
 * @throws {RangeError} for sizes or probabilities out of range
 * @example
 * ```ts
 * import { bracketTask, decodeSequence } from "./seq_tasks.ts";
 * const d = bracketTask({ n: 2, T: 12, seed: 3 });
 * console.log(decodeSequence(d, 0).length, d.labels.length); // 12 24
 * ```
 * @see notebook 06, "Sequence labelling"
 */
export function bracketTask(opts: BracketOptions): SequenceLabellingData {
  const { n, T, maxDepth = 3, pOpen = 0.15, pClose = 0.15, numLetters = 4, seed = 0 } = opts;
  const ok = Number.isInteger(n) && n > 0 && Number.isInteger(T) && T > 0 &&
    Number.isInteger(maxDepth) && maxDepth >= 1 && pOpen >= 0 && pClose >= 0 &&
    pOpen + pClose <= 1 && Number.isInteger(numLetters) && numLetters >= 1 && numLetters <= 16;
  if (!ok) {
    throw new RangeError(
      `bracketTask: need n, T, maxDepth ≥ 1, pOpen, pClose ≥ 0 with pOpen + pClose ≤ 1, ` +
        `1 ≤ numLetters ≤ 16; got n=${n}, T=${T}, maxDepth=${maxDepth}, pOpen=${pOpen}, ` +
        `pClose=${pClose}, numLetters=${numLetters}`,
    );
  }
  const rng = new Rng(seed);
  const ids = new Int32Array(n * T), labels = new Int32Array(n * T), depth = new Int32Array(n * T);
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let t = 0; t < T; t++) {
      const u = rng.uniform(), k = i * T + t;
      if (u < pOpen && d < maxDepth) {
        ids[k] = 0; // "("
        labels[k] = 1;
        d++;
      } else if (u >= 1 - pClose && d > 0) {
        ids[k] = 1; // ")"
        labels[k] = 1;
        d--;
      } else {
        ids[k] = 2 + rng.int(numLetters);
        labels[k] = d > 0 ? 1 : 0;
      }
      depth[k] = d;
    }
  }
  const vocab = [
    "(",
    ")",
    ...Array.from({ length: numLetters }, (_, c) => String.fromCharCode(97 + c)),
  ];
  return { ids, shape: [n, T], labels, depth, vocab, numClasses: 2 };
}

/**
 * One sequence of a data set as a string of its tokens.
 *
 * @param data anything with ids [N, T], shape and vocab
 * @param row which sequence
 * @returns the tokens joined, e.g. "abAcd"
 * @throws {RangeError} if row is out of range
 */
export function decodeSequence(
  data: { ids: Int32Array; shape: [number, number]; vocab: string[] },
  row: number,
): string {
  const [N, T] = data.shape;
  if (!(Number.isInteger(row) && row >= 0 && row < N)) {
    throw new RangeError(`decodeSequence: row ${row} is outside [0, ${N})`);
  }
  return Array.from(data.ids.subarray(row * T, (row + 1) * T), (id) => data.vocab[id]).join("");
}

/**
 * Whether a string of the bracket task's alphabet is well nested: no ")" closes a bracket that was
 * not opened, and no more than `maxDepth` brackets are open at once (brackets left open at the end
 * are allowed, as in bracketTask). Notebook 06 scores a language model's samples with it.
 *
 * @param text the tokens, e.g. "a(b(c))d("
 * @param maxDepth the deepest nesting allowed (default unlimited)
 * @returns true when the string could come from bracketTask with that depth
 * @example
 * ```ts
 * import { isWellNested } from "./seq_tasks.ts";
 * console.log(isWellNested("a(b)c("), isWellNested("a)("), isWellNested("((()))", 2)); // true false false
 * ```
 */
export function isWellNested(text: string, maxDepth = Infinity): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    if (depth < 0 || depth > maxDepth) return false;
  }
  return true;
}
