/**
 * A real character-level tagging task for notebook 06, built offline from any text (the notebook
 * uses Tiny Shakespeare): **restoring the spaces** of text whose spaces were removed, i.e. word
 * segmentation. The text is lower-cased, every run of whitespace (newlines included) becomes one
 * word boundary, and the boundaries are deleted; each remaining character is labelled 1 if a space
 * followed it, else 0. "thequalityofmercy" → 0010000000100010000. Whether a word ends after
 * "the" depends on what comes next ("the|quality" but "them", "there"), so context on both sides
 * matters: a left-to-right tagger at position t has not yet read t+1. Scored by the F1 of the
 * boundary label (precision and recall of "a space follows"), as word segmentation usually is.
 * @module
 */
import { Rng } from "../util/rng.ts";

/** Sequences of character ids with one label per character. */
export interface TaggingData {
  /** character ids, row n = window n // [N, T] */
  ids: Int32Array;
  /** [N, T] */
  shape: [number, number];
  /** 1 if a space followed the character in the original text, else 0 // [N, T] */
  labels: Int32Array;
  /** the character of every id */
  vocab: string[];
  /** number of label classes (2) */
  numClasses: number;
}

/** Options of {@link spaceRestorationTask}. */
export interface SpaceRestorationOptions {
  /** number of windows N */
  n: number;
  /** characters per window T (after the spaces are removed) */
  T: number;
  /**
   * the part of the text to draw from, as fractions [start, end) of the unspaced character
   * stream (default [0, 1)); give train and test disjoint parts, e.g. [0, 0.9) and [0.9, 1)
   */
  range?: [number, number];
  /** seed of the window offsets (default 0) */
  seed?: number;
}

/** The unspaced character stream of a text and its boundary labels. */
export interface UnspacedText {
  /** the characters, lower-cased, whitespace removed */
  chars: string;
  /** 1 where a space followed the character // [chars.length] */
  labels: Int8Array;
  /** the sorted distinct characters */
  vocab: string[];
}

/**
 * Remove the spaces of a text and remember where they were.
 *
 * @param text any text
 * @returns the unspaced, lower-cased characters, their labels and the vocabulary
 * @example
 * ```ts
 * import { unspaceText } from "./char_tagging.ts";
 * const u = unspaceText("To be,\nor not");
 * console.log(u.chars, Array.from(u.labels).join("")); // tobe,ornot 0001010010
 * ```
 */
export function unspaceText(text: string): UnspacedText {
  const words = text.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
  const chars = words.join("");
  const labels = new Int8Array(chars.length);
  let k = 0;
  for (const w of words) {
    k += w.length;
    labels[k - 1] = 1; // a boundary after the word's last character
  }
  if (k > 0) labels[k - 1] = 0; // nothing follows the very last word
  return { chars, labels, vocab: [...new Set(chars)].sort() };
}

/**
 * Windows of T characters of a text with its spaces removed, each character labelled 1 if a
 * space followed it. Windows start at random offsets inside `range` of the unspaced stream (so a
 * window may begin or end mid-word, as a real input would).
 *
 * @param text the source text (e.g. `await loadTinyShakespeare()`)
 * @param opts number and length of the windows, the part of the text, seed
 * @returns ids [N, T], labels [N, T], vocab (all characters of the whole text), numClasses 2
 * @throws {RangeError} for sizes out of range or a range too short for one window
 * @example
 * ```ts
 * import { spaceRestorationTask } from "./char_tagging.ts";
 * const d = spaceRestorationTask("to be or not to be that is the question", { n: 2, T: 8 });
 * console.log(d.shape, d.numClasses); // [2, 8] 2
 * ```
 * @see notebook 06, "Sequence labelling: restoring spaces"
 */
export function spaceRestorationTask(text: string, opts: SpaceRestorationOptions): TaggingData {
  const { n, T, range = [0, 1], seed = 0 } = opts;
  const u = unspaceText(text);
  const lo = Math.floor(range[0] * u.chars.length), hi = Math.floor(range[1] * u.chars.length);
  const ok = Number.isInteger(n) && n > 0 && Number.isInteger(T) && T > 0 &&
    0 <= range[0] && range[0] < range[1] && range[1] <= 1 && hi - lo >= T;
  if (!ok) {
    throw new RangeError(
      `spaceRestorationTask: need n ≥ 1, T ≥ 1 and a range [start, end) in [0, 1] holding at ` +
        `least T characters; got n=${n}, T=${T}, range [${range}] (${hi - lo} characters)`,
    );
  }
  const index = new Map(u.vocab.map((c, i) => [c, i]));
  const rng = new Rng(seed), ids = new Int32Array(n * T), labels = new Int32Array(n * T);
  for (let r = 0; r < n; r++) {
    const start = lo + rng.int(hi - lo - T + 1);
    for (let t = 0; t < T; t++) {
      ids[r * T + t] = index.get(u.chars[start + t])!;
      labels[r * T + t] = u.labels[start + t];
    }
  }
  return { ids, shape: [n, T], labels, vocab: u.vocab, numClasses: 2 };
}

/**
 * A window of a tagging set written back as text, a space after every character labelled 1 (by
 * `labels`, or by a model's predictions).
 *
 * @param data the windows
 * @param row which window
 * @param labels labels of every character of `data` // [N·T] (default data.labels)
 * @returns e.g. "thequality" with labels 0010000000 → "the quality"
 */
export function respace(
  data: TaggingData,
  row: number,
  labels: ArrayLike<number> = data.labels,
): string {
  const T = data.shape[1];
  let s = "";
  for (let t = 0; t < T; t++) {
    s += data.vocab[data.ids[row * T + t]];
    if (labels[row * T + t] === 1 && t < T - 1) s += " ";
  }
  return s;
}

/** Per-character scores of a binary tagger. */
export interface TaggingScores {
  /** fraction of characters labelled right */
  accuracy: number;
  /** of the predicted boundaries, the fraction that are real */
  precision: number;
  /** of the real boundaries, the fraction predicted */
  recall: number;
  /** harmonic mean of precision and recall (0 when both are 0) */
  f1: number;
}

/**
 * Accuracy and the precision, recall and F1 of label 1 ("a space follows").
 *
 * @param pred predicted labels // [N·T]
 * @param labels true labels // [N·T]
 * @returns the scores
 * @throws {RangeError} if the lengths differ or are 0
 * @example
 * ```ts
 * import { taggingScores } from "./char_tagging.ts";
 * console.log(taggingScores([1, 0, 1, 0], [1, 0, 0, 1]).f1); // 0.5
 * ```
 */
export function taggingScores(pred: ArrayLike<number>, labels: ArrayLike<number>): TaggingScores {
  if (pred.length !== labels.length || pred.length === 0) {
    throw new RangeError(
      `taggingScores: need equal, non-zero lengths, got ${pred.length} predictions and ` +
        `${labels.length} labels`,
    );
  }
  let tp = 0, fp = 0, fn = 0, right = 0;
  for (let k = 0; k < pred.length; k++) {
    if (pred[k] === labels[k]) right++;
    if (pred[k] === 1 && labels[k] === 1) tp++;
    else if (pred[k] === 1) fp++;
    else if (labels[k] === 1) fn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0, recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { accuracy: right / pred.length, precision, recall, f1 };
}
