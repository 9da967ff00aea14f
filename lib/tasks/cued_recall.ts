/**
 * The cued-recall task: the task on which a vanilla RNN visibly fails as the dependency distance
 * grows while an LSTM or GRU succeeds (notebooks 04–06). Each sequence holds distractor tokens drawn
 * from the signal symbols A, B, … and the letters a, b, …; one cue "#" is followed by the symbol to
 * remember, `distance` steps before the end. The label is the symbol right after the cue, so a model
 * must store it and then ignore every later A or B. Training distances are log-uniform (most
 * dependencies short, a few long, as in text), test distances uniform, so every distance is scored
 * on as many examples. This is {@link longDependencyTask}'s `cue` variant with those two
 * distributions, and {@link cuedRecallSplit} fixes the sizes and seeds that notebooks 04, 05 and 06
 * share. In the spirit of Hochreiter & Schmidhuber (1997), §5, and Bengio et al. (1994).
 * @module
 */
import { Rng } from "../util/rng.ts";
import type { SequenceClassificationData } from "./seq_tasks.ts";

/** Options of {@link cuedRecallTask}. */
export interface CuedRecallOptions {
  /** number of sequences N */
  n: number;
  /** longest distance from the remembered symbol to the last token; T = maxDistance + 2 */
  maxDistance: number;
  /**
   * "log-uniform" (default): distance d with probability ∝ log((d + 2)/(d + 1)), so short ones are
   * common and long ones rare; "uniform": every distance in [0, maxDistance] equally often
   */
  distances?: "log-uniform" | "uniform";
  /** number of signal symbols = classes C (default 2, at most 8) */
  numClasses?: number;
  /** number of distractor letters (default 4, at most 16) */
  numDistractors?: number;
  /** seed of the draws (default 0) */
  seed?: number;
}

/**
 * Cued-recall sequences: token ids [N, T] with T = maxDistance + 2. Vocabulary: the C signals "A",
 * "B", … (ids 0..C−1), the distractor letters "a", "b", …, then the cue "#" (the last id). Every
 * token is drawn uniformly from the signals and letters; then "#" is written at T − 2 − distance
 * and the label's symbol right after it.
 *
 * @param opts sizes, distance distribution and seed
 * @returns ids [N, T], y [N], distance [N], vocab, numClasses
 * @throws {RangeError} for sizes out of range
 * @example
 * ```ts
 * import { cuedRecallTask } from "./cued_recall.ts";
 * import { decodeSequence } from "./seq_tasks.ts";
 * const d = cuedRecallTask({ n: 2, maxDistance: 6, seed: 1 });
 * console.log(d.shape, decodeSequence(d, 0).includes("#")); // [2, 8] true
 * ```
 * @see notebook 04, "Where the vanilla RNN fails"
 */
export function cuedRecallTask(opts: CuedRecallOptions): SequenceClassificationData {
  const { n, maxDistance, distances = "log-uniform", numClasses = 2, numDistractors = 4 } = opts;
  const seed = opts.seed ?? 0;
  const ok = Number.isInteger(n) && n > 0 && Number.isInteger(maxDistance) && maxDistance >= 0 &&
    Number.isInteger(numClasses) && numClasses >= 2 && numClasses <= 8 &&
    Number.isInteger(numDistractors) && numDistractors >= 1 && numDistractors <= 16 &&
    (distances === "log-uniform" || distances === "uniform");
  if (!ok) {
    throw new RangeError(
      `cuedRecallTask: need n ≥ 1, maxDistance ≥ 0, 2 ≤ numClasses ≤ 8, 1 ≤ numDistractors ≤ 16 ` +
        `and distances "log-uniform" or "uniform"; got n=${n}, maxDistance=${maxDistance}, ` +
        `numClasses=${numClasses}, numDistractors=${numDistractors}, distances=${distances}`,
    );
  }
  const T = maxDistance + 2, rng = new Rng(seed), noise = numClasses + numDistractors;
  const cue = noise; // "#", the last id
  const ids = new Int32Array(n * T), y = new Int32Array(n), distance = new Int32Array(n);
  const logSpan = Math.log(maxDistance + 2);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < T; t++) ids[i * T + t] = rng.int(noise);
    y[i] = rng.int(numClasses);
    distance[i] = distances === "uniform"
      ? rng.int(maxDistance + 1)
      : Math.min(maxDistance, Math.floor(Math.exp(rng.uniform() * logSpan)) - 1);
    ids[i * T + T - 1 - distance[i]] = y[i]; // the symbol to remember
    ids[i * T + T - 2 - distance[i]] = cue;
  }
  const vocab = [
    ...Array.from({ length: numClasses }, (_, c) => String.fromCharCode(65 + c)), // A, B, …
    ...Array.from({ length: numDistractors }, (_, c) => String.fromCharCode(97 + c)), // a, b, …
    "#",
  ];
  return { ids, shape: [n, T], y, distance, vocab, numClasses };
}

/** The standard cued-recall benchmark's settings (notebooks 04, 05 and 06 share them). */
export const CUED_RECALL = {
  /** longest distance; sequences have T = 62 tokens */
  maxDistance: 60,
  /** classes A, B, C, D (chance 0.25): with two, a vanilla RNN sometimes learns a latch that
   * holds at every distance; with four its accuracy falls with the distance on every seed tried */
  numClasses: 4,
  /** distractor letters a–d (the signals A–D are distractors too) */
  numDistractors: 4,
  /** seeds of the training (log-uniform distances) and test (uniform distances) sets */
  trainSeed: 1,
  testSeed: 2,
} as const;

/**
 * The standard cued-recall benchmark: a training set with log-uniform distances and a test set with
 * uniform distances, at {@link CUED_RECALL}'s settings (maxDistance 60, 4 classes, 4 letters,
 * seeds 1 and 2).
 *
 * @param sizes how many training and test sequences
 * @returns `{ train, test }`
 * @throws {RangeError} for sizes below 1
 * @example
 * ```ts
 * import { cuedRecallSplit } from "./cued_recall.ts";
 * const { train, test } = cuedRecallSplit({ trainSize: 10, testSize: 5 });
 * console.log(train.shape, test.shape); // [10, 62] [5, 62]
 * ```
 */
export function cuedRecallSplit(sizes: { trainSize: number; testSize: number }): {
  train: SequenceClassificationData;
  test: SequenceClassificationData;
} {
  const { maxDistance, numClasses, numDistractors, trainSeed, testSeed } = CUED_RECALL;
  const common = { maxDistance, numClasses, numDistractors };
  return {
    train: cuedRecallTask({ ...common, n: sizes.trainSize, seed: trainSeed }),
    test: cuedRecallTask({ ...common, n: sizes.testSize, distances: "uniform", seed: testSeed }),
  };
}
