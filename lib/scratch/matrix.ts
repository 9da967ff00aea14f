/**
 * The `Matrix` type every scratch layer uses: a row-major Float64Array plus its shape `[rows, cols]`,
 * so entry (i, j) is `data[i * cols + j]`. A batch of N examples with D features is a Matrix of
 * shape [N, D]; a bias is a plain Float64Array of length H. The helpers below (matmul, transpose,
 * adding a bias row, summing over the batch) are all notebook 01 needs to write a dense layer's
 * forward and backward pass by hand. Nothing here mutates its inputs.
 * @module
 */

/** A row-major 2-D array of float64: `data[i * shape[1] + j]` is entry (i, j). */
export interface Matrix {
  /** the entries, row after row; length rows · cols */
  data: Float64Array;
  /** [rows, cols], e.g. [N, D] for a batch */
  shape: [number, number];
}

/**
 * Make a Matrix, zero-filled or wrapping the given values (not copied).
 *
 * @param rows number of rows
 * @param cols number of columns
 * @param data optional row-major values, length rows · cols
 * @returns the matrix
 * @throws {RangeError} if data has the wrong length
 * @example A 2 × 3 matrix
 * ```ts
 * import { matrix } from "./matrix.ts";
 * const m = matrix(2, 3, Float64Array.of(1, 2, 3, 4, 5, 6));
 * console.log(m.data[1 * 3 + 2]); // 6
 * ```
 */
export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  if (data !== undefined && data.length !== rows * cols) {
    throw new RangeError(
      `matrix: expected ${rows * cols} values for [${rows}, ${cols}], got ${data.length}`,
    );
  }
  const values = data === undefined
    ? new Float64Array(rows * cols)
    : data instanceof Float64Array
    ? data
    : Float64Array.from(data);
  return { data: values, shape: [rows, cols] };
}

/**
 * Build a Matrix from nested arrays (one inner array per row).
 *
 * @param rows the rows, all the same length
 * @returns a [rows.length, rows[0].length] matrix
 * @throws {RangeError} if the rows differ in length
 * @example
 * ```ts
 * import { fromRows } from "./matrix.ts";
 * console.log(fromRows([[1, 2], [3, 4]]).shape); // [2, 2]
 * ```
 */
export function fromRows(rows: ArrayLike<number>[]): Matrix {
  const cols = rows.length === 0 ? 0 : rows[0].length;
  const m = matrix(rows.length, cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) {
      throw new RangeError(`fromRows: row ${i} has ${row.length} values, row 0 has ${cols}`);
    }
    for (let j = 0; j < cols; j++) m.data[i * cols + j] = row[j];
  });
  return m;
}

/**
 * The rows as nested plain arrays, for printing in a notebook.
 *
 * @param m the matrix
 * @returns an array of rows
 */
export function toRows(m: Matrix): number[][] {
  const [rows, cols] = m.shape;
  return Array.from(
    { length: rows },
    (_, i) => Array.from(m.data.subarray(i * cols, (i + 1) * cols)),
  );
}

/**
 * The matrix product a · b.
 *
 * @param a [N, D]
 * @param b [D, H]
 * @returns [N, H]
 * @throws {RangeError} if the inner dimensions differ
 * @example
 * ```ts
 * import { fromRows, matmul } from "./matrix.ts";
 * console.log(matmul(fromRows([[1, 2]]), fromRows([[3], [4]])).data[0]); // 11
 * ```
 */
export function matmul(a: Matrix, b: Matrix): Matrix {
  const [n, d] = a.shape, [d2, h] = b.shape;
  if (d !== d2) {
    throw new RangeError(
      `matmul: inner dimensions differ, a is [${a.shape}] and b is [${b.shape}]`,
    );
  }
  const out = matrix(n, h);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) {
      const aik = a.data[i * d + k];
      // i-k-j order walks b and out row by row (fast in a flat row-major array)
      for (let j = 0; j < h; j++) out.data[i * h + j] += aik * b.data[k * h + j];
    }
  }
  return out;
}

/**
 * The transpose.
 *
 * @param a [R, C]
 * @returns [C, R]
 */
export function transpose(a: Matrix): Matrix {
  const [r, c] = a.shape;
  const out = matrix(c, r);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) out.data[j * r + i] = a.data[i * c + j];
  }
  return out;
}

/**
 * Add a vector to every row (broadcasting a bias over the batch).
 *
 * @param a [N, H]
 * @param v [H]
 * @returns [N, H]
 * @throws {RangeError} if v's length is not a's column count
 */
export function addRow(a: Matrix, v: Float64Array): Matrix {
  const [n, h] = a.shape;
  if (v.length !== h) {
    throw new RangeError(`addRow: a is [${a.shape}] but v has length ${v.length}`);
  }
  const out = matrix(n, h);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < h; j++) out.data[i * h + j] = a.data[i * h + j] + v[j];
  }
  return out;
}

/**
 * Sum over the rows (the batch axis): the bias gradient db = Σₙ dOut[n, :].
 *
 * @param a [N, H]
 * @returns [H]
 */
export function sumRows(a: Matrix): Float64Array {
  const [n, h] = a.shape;
  const out = new Float64Array(h);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < h; j++) out[j] += a.data[i * h + j];
  }
  return out;
}

/**
 * Apply a function to every entry.
 *
 * @param a [R, C]
 * @param f the function, given the value and its flat index
 * @returns [R, C]
 */
export function mapMatrix(a: Matrix, f: (v: number, i: number) => number): Matrix {
  const out = matrix(a.shape[0], a.shape[1]);
  for (let i = 0; i < a.data.length; i++) out.data[i] = f(a.data[i], i);
  return out;
}

/**
 * Elementwise product a ⊙ b (used by every activation's backward: dx = dOut ⊙ f'(x)).
 *
 * @param a [R, C]
 * @param b [R, C]
 * @returns [R, C]
 * @throws {RangeError} if the shapes differ
 */
export function mulElementwise(a: Matrix, b: Matrix): Matrix {
  if (a.shape[0] !== b.shape[0] || a.shape[1] !== b.shape[1]) {
    throw new RangeError(`mulElementwise: shapes differ, a is [${a.shape}] and b is [${b.shape}]`);
  }
  return mapMatrix(a, (v, i) => v * b.data[i]);
}
