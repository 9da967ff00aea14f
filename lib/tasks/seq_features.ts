/**
 * Turning the token sequences of seq_tasks.ts into model inputs, and scoring predictions by
 * dependency distance: one-hot sequences for the scratch RNN (notebooks 04–05), the last-W-tokens
 * window for the fixed-window MLP baseline (notebook 04), and accuracy per distance, the curve that
 * notebooks 04 and 06 plot.
 * @module
 */
import { type Matrix, matrix } from "../scratch/matrix.ts";
import { type Tensor3, tensor3 } from "../scratch/tensor3.ts";

function checkIds(fn: string, ids: Int32Array, shape: [number, number], V: number): void {
  const [N, T] = shape;
  if (ids.length !== N * T) {
    throw new RangeError(`${fn}: ids has ${ids.length} values, expected [${N}, ${T}]`);
  }
  for (const id of ids) {
    if (!(id >= 0 && id < V)) throw new RangeError(`${fn}: token id ${id} is outside [0, ${V})`);
  }
}

/**
 * One-hot encode token ids for the scratch recurrent layers.
 *
 * @param ids token ids // [N, T]
 * @param shape [N, T]
 * @param V vocabulary size
 * @returns x // [N, T, V]
 * @throws {RangeError} if ids do not fit shape or an id is outside [0, V)
 * @example
 * ```ts
 * import { oneHotSequence } from "./seq_features.ts";
 * const x = oneHotSequence(Int32Array.of(2, 0), [1, 2], 3);
 * console.log(x.shape, Array.from(x.data)); // [1, 2, 3] [0, 0, 1, 1, 0, 0]
 * ```
 */
export function oneHotSequence(ids: Int32Array, shape: [number, number], V: number): Tensor3 {
  checkIds("oneHotSequence", ids, shape, V);
  const x = tensor3(shape[0], shape[1], V); // [N, T, V]
  for (let k = 0; k < ids.length; k++) x.data[k * V + ids[k]] = 1;
  return x;
}

/**
 * The fixed-window view of a sequence: the one-hot codes of its last W tokens, concatenated (oldest
 * first). This is all a feedforward net on a window can see.
 *
 * @param ids token ids // [N, T]
 * @param shape [N, T]
 * @param V vocabulary size
 * @param W window length, 1 ≤ W ≤ T
 * @returns features // [N, W·V]
 * @throws {RangeError} for a bad window or ids
 * @example
 * ```ts
 * import { windowFeatures } from "./seq_features.ts";
 * console.log(windowFeatures(Int32Array.of(0, 1, 2), [1, 3], 3, 2).data); // one-hot of 1, then of 2
 * ```
 */
export function windowFeatures(
  ids: Int32Array,
  shape: [number, number],
  V: number,
  W: number,
): Matrix {
  checkIds("windowFeatures", ids, shape, V);
  const [N, T] = shape;
  if (!(Number.isInteger(W) && W >= 1 && W <= T)) {
    throw new RangeError(
      `windowFeatures: window ${W} must be in [1, ${T}] for sequences [${N}, ${T}]`,
    );
  }
  const out = matrix(N, W * V); // [N, W·V]
  for (let n = 0; n < N; n++) {
    for (let w = 0; w < W; w++) out.data[n * W * V + w * V + ids[n * T + T - W + w]] = 1;
  }
  return out;
}

/**
 * Accuracy of class predictions grouped by dependency distance.
 *
 * @param pred predicted classes // [N]
 * @param y true classes // [N]
 * @param distance each example's distance // [N]
 * @returns `{ distance, accuracy, count }`, one entry per distance that occurs, ascending
 * @throws {RangeError} if the lengths differ
 * @example
 * ```ts
 * import { accuracyByDistance } from "./seq_features.ts";
 * const r = accuracyByDistance([1, 0, 1], [1, 1, 1], [2, 5, 5]);
 * console.log(r.distance, r.accuracy); // [2, 5] [1, 0.5]
 * ```
 */
export function accuracyByDistance(
  pred: ArrayLike<number>,
  y: ArrayLike<number>,
  distance: ArrayLike<number>,
): { distance: number[]; accuracy: number[]; count: number[] } {
  if (pred.length !== y.length || y.length !== distance.length) {
    throw new RangeError(
      `accuracyByDistance: pred [${pred.length}], y [${y.length}] and distance ` +
        `[${distance.length}] must have the same length`,
    );
  }
  const hits = new Map<number, [number, number]>();
  for (let i = 0; i < y.length; i++) {
    const h = hits.get(distance[i]) ?? [0, 0];
    h[0] += pred[i] === y[i] ? 1 : 0;
    h[1]++;
    hits.set(distance[i], h);
  }
  const ds = [...hits.keys()].sort((a, b) => a - b);
  return {
    distance: ds,
    accuracy: ds.map((d) => hits.get(d)![0] / hits.get(d)![1]),
    count: ds.map((d) => hits.get(d)![1]),
  };
}

/**
 * The accuracy over all examples whose distance lies in [lo, hi], from accuracyByDistance's result
 * (each distance weighted by its count): a band of the accuracy curve, or the overall accuracy.
 *
 * @param r `{ distance, accuracy, count }` from accuracyByDistance
 * @param lo smallest distance included (default: all)
 * @param hi largest distance included (default: all)
 * @returns the accuracy, or NaN when no example falls in the range
 * @example
 * ```ts
 * import { accuracyInRange } from "./seq_features.ts";
 * const r = { distance: [0, 1, 2], accuracy: [1, 0.5, 0], count: [2, 2, 4] };
 * console.log(accuracyInRange(r), accuracyInRange(r, 0, 1)); // 0.375 0.75
 * ```
 */
export function accuracyInRange(
  r: { distance: number[]; accuracy: number[]; count: number[] },
  lo = -Infinity,
  hi = Infinity,
): number {
  let hits = 0, n = 0;
  r.distance.forEach((d, i) => {
    if (d >= lo && d <= hi) [hits, n] = [hits + r.accuracy[i] * r.count[i], n + r.count[i]];
  });
  return n > 0 ? hits / n : NaN;
}
