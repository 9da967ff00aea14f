/**
 * The `Tensor3` type for batch-first sequences: a row-major Float64Array plus its shape [N, T, K],
 * so entry (n, t, k) is `data[(n * T + t) * K + k]`. The scratch RNN, LSTM and GRU take inputs
 * x [N, T, D] and return hidden states [N, T, H] as Tensor3s; one time step is a `Matrix` [N, K]
 * (matrix.ts). Taught in notebook 04 (sequences as arrays); CS231n's (N, T, D) layout.
 * @module
 */
import { type Matrix, matrix } from "./matrix.ts";

/** A row-major 3-D array of float64: `data[(n * T + t) * K + k]` is entry (n, t, k). */
export interface Tensor3 {
  /** the entries, row-major; length N · T · K */
  data: Float64Array;
  /** [N, T, K], e.g. [N, T, D] for a batch of input sequences */
  shape: [number, number, number];
}

/**
 * Make a Tensor3, zero-filled or wrapping the given values (not copied).
 *
 * @param n batch size N
 * @param t number of time steps T
 * @param k features per step K
 * @param data optional row-major values, length n · t · k
 * @returns the tensor
 * @throws {RangeError} if data has the wrong length
 * @example A batch of 2 sequences of 3 steps with 4 features
 * ```ts
 * import { tensor3 } from "./tensor3.ts";
 * console.log(tensor3(2, 3, 4).data.length); // 24
 * ```
 */
export function tensor3(n: number, t: number, k: number, data?: ArrayLike<number>): Tensor3 {
  if (data !== undefined && data.length !== n * t * k) {
    throw new RangeError(
      `tensor3: expected ${n * t * k} values for [${n}, ${t}, ${k}], got ${data.length}`,
    );
  }
  const values = data === undefined
    ? new Float64Array(n * t * k)
    : data instanceof Float64Array
    ? data
    : Float64Array.from(data);
  return { data: values, shape: [n, t, k] };
}

/**
 * Build a Tensor3 from nested arrays x[n][t][k].
 *
 * @param x the nested values, all sequences the same length and all steps the same width
 * @returns a [N, T, K] tensor
 * @throws {RangeError} if the nesting is ragged
 * @example
 * ```ts
 * import { fromNested3 } from "./tensor3.ts";
 * console.log(fromNested3([[[1, 2], [3, 4], [5, 6]]]).shape); // [1, 3, 2]
 * ```
 */
export function fromNested3(x: ArrayLike<number>[][]): Tensor3 {
  const n = x.length, t = n ? x[0].length : 0, k = t ? x[0][0].length : 0;
  const out = tensor3(n, t, k);
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < t; s++) {
      const row = x[i][s];
      if (x[i].length !== t || row.length !== k) {
        throw new RangeError(`fromNested3: x[${i}][${s}] breaks the shape [${n}, ${t}, ${k}]`);
      }
      for (let j = 0; j < k; j++) out.data[(i * t + s) * k + j] = row[j];
    }
  }
  return out;
}

/**
 * The values as nested plain arrays x[n][t][k], for printing in a notebook.
 *
 * @param a the tensor
 * @returns nested arrays
 */
export function toNested3(a: Tensor3): number[][][] {
  const [n, t, k] = a.shape;
  return Array.from(
    { length: n },
    (_, i) =>
      Array.from(
        { length: t },
        (_, s) => Array.from(a.data.subarray((i * t + s) * k, (i * t + s + 1) * k)),
      ),
  );
}

/**
 * Copy one time step out of a sequence: a[:, t, :].
 *
 * @param a [N, T, K]
 * @param t the step, 0 ≤ t < T
 * @returns [N, K]
 * @throws {RangeError} if t is out of range
 */
export function timeStep(a: Tensor3, t: number): Matrix {
  const [n, steps, k] = a.shape;
  if (!(t >= 0 && t < steps)) throw new RangeError(`timeStep: t = ${t} is outside [0, ${steps})`);
  const out = matrix(n, k);
  for (let i = 0; i < n; i++) {
    out.data.set(a.data.subarray((i * steps + t) * k, (i * steps + t + 1) * k), i * k);
  }
  return out;
}

/**
 * Write a [N, K] matrix into step t of a sequence: a[:, t, :] = m (mutates a).
 *
 * @param a [N, T, K], written in place
 * @param t the step, 0 ≤ t < T
 * @param m [N, K]
 * @throws {RangeError} if t or the shapes do not fit
 */
export function setTimeStep(a: Tensor3, t: number, m: Matrix): void {
  const [n, steps, k] = a.shape;
  if (!(t >= 0 && t < steps) || m.shape[0] !== n || m.shape[1] !== k) {
    throw new RangeError(`setTimeStep: cannot write [${m.shape}] into step ${t} of [${a.shape}]`);
  }
  for (let i = 0; i < n; i++) a.data.set(m.data.subarray(i * k, (i + 1) * k), (i * steps + t) * k);
}
