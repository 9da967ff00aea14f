/**
 * Seeded toy data sets for notebooks 01–03, as plain Float64Arrays (no tfjs, so scratch code and
 * the grader can use them too): 2-D points in classes (Gaussian blobs, CS231n's spiral, two
 * moons), a noisy sine for 1-D regression and a noisy line for the 2-parameter model of notebook
 * 02. `toTensors` (to_tensors.ts) turns any of them into tfjs tensors.
 * @module
 */
import { Rng } from "../util/rng.ts";
import { type Matrix, matrix } from "../scratch/matrix.ts";

/** Points with integer class labels. */
export interface ClassificationData {
  /** features [N, D] */
  x: Matrix;
  /** labels [N], in [0, numClasses) */
  y: Int32Array;
  /** C */
  numClasses: number;
}

/** Inputs with real-valued targets. */
export interface RegressionData {
  /** inputs [N, 1] */
  x: Matrix;
  /** targets [N, 1] */
  y: Matrix;
}

/** Shuffle the rows of a classification set (the makers build it class by class). */
function shuffled(
  x: Float64Array,
  y: Int32Array,
  numClasses: number,
  rng: Rng,
): ClassificationData {
  const n = y.length, d = x.length / n;
  const perm = rng.permutation(n);
  const xs = new Float64Array(x.length), ys = new Int32Array(n);
  perm.forEach((from, to) => {
    xs.set(x.subarray(from * d, (from + 1) * d), to * d);
    ys[to] = y[from];
  });
  return { x: matrix(n, d, xs), y: ys, numClasses };
}

function checkCount(fn: string, n: number, classes: number): void {
  if (!Number.isInteger(n) || !Number.isInteger(classes) || classes < 2 || n < classes) {
    throw new RangeError(`${fn}: need integer n ≥ classes ≥ 2, got n=${n}, classes=${classes}`);
  }
}

/**
 * Gaussian blobs: `classes` clusters with centres evenly spaced on a circle of radius 2.
 *
 * @param opts n: total points (default 200); classes (default 3); spread: std of each blob
 *   (default 0.6); seed (default 0)
 * @returns x [N, 2], y [N], shuffled
 * @throws {RangeError} if n < classes or classes < 2
 * @example
 * ```ts
 * import { makeBlobs } from "./toy_data.ts";
 * const { x, y } = makeBlobs({ n: 90, classes: 3, seed: 1 });
 * console.log(x.shape, y.length); // [90, 2] 90
 * ```
 */
export function makeBlobs(
  opts: { n?: number; classes?: number; spread?: number; seed?: number } = {},
): ClassificationData {
  const { n = 200, classes = 3, spread = 0.6, seed = 0 } = opts;
  checkCount("makeBlobs", n, classes);
  const rng = new Rng(seed);
  const x = new Float64Array(2 * n), y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % classes, angle = (2 * Math.PI * c) / classes;
    x[2 * i] = 2 * Math.cos(angle) + spread * rng.normal();
    x[2 * i + 1] = 2 * Math.sin(angle) + spread * rng.normal();
    y[i] = c;
  }
  return shuffled(x, y, classes, rng);
}

/**
 * CS231n's spiral: each class is an arm r ∈ [0, 1], angle growing with r, plus angular noise.
 * Not linearly separable, so a linear classifier fails and one hidden layer succeeds.
 *
 * @param opts n: total points (default 300); classes (default 3); noise: std of the angle
 *   (default 0.2); seed (default 0)
 * @returns x [N, 2] inside the unit disc, y [N], shuffled
 * @throws {RangeError} if n < classes or classes < 2
 */
export function makeSpiral(
  opts: { n?: number; classes?: number; noise?: number; seed?: number } = {},
): ClassificationData {
  const { n = 300, classes = 3, noise = 0.2, seed = 0 } = opts;
  checkCount("makeSpiral", n, classes);
  const rng = new Rng(seed);
  const x = new Float64Array(2 * n), y = new Int32Array(n);
  const perClass = Math.ceil(n / classes);
  for (let i = 0; i < n; i++) {
    const c = i % classes, k = Math.floor(i / classes);
    const r = perClass > 1 ? k / (perClass - 1) : 0;
    const t = c * 4 + 4 * r + noise * rng.normal(); // radians, as in CS231n's notes
    x[2 * i] = r * Math.sin(t);
    x[2 * i + 1] = r * Math.cos(t);
    y[i] = c;
  }
  return shuffled(x, y, classes, rng);
}

/**
 * Two interleaving half circles (scikit-learn's make_moons), two classes.
 *
 * @param opts n: total points (default 200); noise: std of added Gaussian noise (default 0.1);
 *   seed (default 0)
 * @returns x [N, 2], y [N] in {0, 1}, shuffled
 * @throws {RangeError} if n < 2
 */
export function makeMoons(
  opts: { n?: number; noise?: number; seed?: number } = {},
): ClassificationData {
  const { n = 200, noise = 0.1, seed = 0 } = opts;
  checkCount("makeMoons", n, 2);
  const rng = new Rng(seed);
  const x = new Float64Array(2 * n), y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 2, t = Math.PI * rng.uniform();
    x[2 * i] = (c === 0 ? Math.cos(t) : 1 - Math.cos(t)) + noise * rng.normal();
    x[2 * i + 1] = (c === 0 ? Math.sin(t) : 0.5 - Math.sin(t)) + noise * rng.normal();
    y[i] = c;
  }
  return shuffled(x, y, 2, rng);
}

/**
 * A noisy sine for 1-D regression: y = sin(x) + noise, x uniform in [−π, π].
 *
 * @param opts n (default 100); noise: std (default 0.1); seed (default 0)
 * @returns x [N, 1], y [N, 1]
 * @throws {RangeError} if n is not a positive integer
 */
export function makeSine(opts: { n?: number; noise?: number; seed?: number } = {}): RegressionData {
  const { n = 100, noise = 0.1, seed = 0 } = opts;
  return makeCurve("makeSine", n, -Math.PI, Math.PI, (v) => Math.sin(v), noise, seed);
}

/**
 * A noisy line y = w·x + b + noise, for notebook 02's two-parameter model.
 *
 * @param opts n (default 100); w (default 2); b (default −1); noise: std (default 0.5);
 *   xRange (default [−1, 3], off-centre so that w and b are correlated and the loss valley tilts);
 *   seed (default 0)
 * @returns x [N, 1], y [N, 1]
 * @throws {RangeError} if n is not a positive integer
 * @example
 * ```ts
 * import { makeLine } from "./toy_data.ts";
 * console.log(makeLine({ n: 10 }).y.shape); // [10, 1]
 * ```
 */
export function makeLine(
  opts: {
    n?: number;
    w?: number;
    b?: number;
    noise?: number;
    xRange?: [number, number];
    seed?: number;
  } = {},
): RegressionData {
  const { n = 100, w = 2, b = -1, noise = 0.5, xRange = [-1, 3], seed = 0 } = opts;
  return makeCurve("makeLine", n, xRange[0], xRange[1], (v) => w * v + b, noise, seed);
}

function makeCurve(
  fn: string,
  n: number,
  lo: number,
  hi: number,
  curve: (v: number) => number,
  noise: number,
  seed: number,
): RegressionData {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`${fn}: n must be a positive integer, got ${n}`);
  }
  const rng = new Rng(seed);
  const x = rng.uniformArray(n, lo, hi); // [N]
  const y = x.map((v) => curve(v) + noise * rng.normal()); // [N]
  return { x: matrix(n, 1, x), y: matrix(n, 1, y) };
}
