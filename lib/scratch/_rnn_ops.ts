/**
 * Internal row-major Float64Array kernels shared by the scratch RNN, LSTM and GRU files: the three
 * matmul forms a layer's forward and backward need (A·B, Aᵀ·B, A·Bᵀ), accumulated into an output,
 * the fused gate affine map x·Wx + h·Wh + b with its backward, and shape checks that throw a RangeError
 * naming the function and both shapes. Not exported from mod.ts.
 * @module
 */
import { type Matrix, matrix } from "./matrix.ts";
import type { Tensor3 } from "./tensor3.ts";

/**
 * out[n, m] += A[n, k] · B[k, m], all row-major.
 *
 * @param a left factor, n·k values
 * @param b right factor, k·m values
 * @param out accumulator, n·m values
 */
export function _matmulAdd(
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  n: number,
  k: number,
  m: number,
): void {
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      if (aip === 0) continue;
      const bRow = p * m, oRow = i * m;
      for (let j = 0; j < m; j++) out[oRow + j] += aip * b[bRow + j];
    }
  }
}

/**
 * out[k, m] += Aᵀ · B with A [n, k] and B [n, m] (the weight gradient xᵀ·dOut).
 *
 * @param a left factor before transposing, n·k values
 * @param b right factor, n·m values
 * @param out accumulator, k·m values
 */
export function _matmulTAAdd(
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  n: number,
  k: number,
  m: number,
): void {
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      if (aip === 0) continue;
      const bRow = i * m, oRow = p * m;
      for (let j = 0; j < m; j++) out[oRow + j] += aip * b[bRow + j];
    }
  }
}

/**
 * out[n, k] += A · Bᵀ with A [n, m] and B [k, m] (the input gradient dOut·Wᵀ).
 *
 * @param a left factor, n·m values
 * @param b right factor before transposing, k·m values
 * @param out accumulator, n·k values
 */
export function _matmulTBAdd(
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  n: number,
  k: number,
  m: number,
): void {
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < k; p++) {
      let s = 0;
      const aRow = i * m, bRow = p * m;
      for (let j = 0; j < m; j++) s += a[aRow + j] * b[bRow + j];
      out[i * k + p] += s;
    }
  }
}

/** out[i, j] += bias[j] for every row i of an [n, m] array. */
export function _addRow(out: Float64Array, bias: Float64Array, n: number, m: number): void {
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) out[i * m + j] += bias[j];
}

/** out[j] += Σ_i a[i, j] (the bias gradient: column sums of an [n, m] array). */
export function _sumRowsAdd(a: Float64Array, out: Float64Array, n: number, m: number): void {
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) out[j] += a[i * m + j];
}

/**
 * The fused pre-activations a = x·Wx + h·Wh + b [N, M] of every gate at once (M = G·H columns).
 *
 * @param x input [N, D]
 * @param h previous hidden state [N, H]
 * @param Wx [D, M]
 * @param Wh [H, M]
 * @param b [M], or undefined for no bias
 */
export function _affineForward(
  x: Matrix,
  h: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array | undefined,
): Float64Array {
  const [N, D] = x.shape, H = h.shape[1], M = Wx.shape[1];
  const a = new Float64Array(N * M);
  _matmulAdd(x.data, Wx.data, a, N, D, M); // x·Wx  [N, M]
  _matmulAdd(h.data, Wh.data, a, N, H, M); // + h·Wh
  if (b) _addRow(a, b, N, M); // + b
  return a;
}

/**
 * Backward of _affineForward given ∂L/∂a [N, M]: dx = da·Wxᵀ, dh = da·Whᵀ, dWx = xᵀ·da,
 * dWh = hᵀ·da, db = Σ_n da.
 */
export function _affineBackward(
  da: Float64Array,
  x: Matrix,
  h: Matrix,
  Wx: Matrix,
  Wh: Matrix,
): { dx: Matrix; dh: Matrix; dWx: Matrix; dWh: Matrix; db: Float64Array } {
  const [N, D] = x.shape, H = h.shape[1], M = Wx.shape[1];
  const dx = matrix(N, D), dh = matrix(N, H), dWx = matrix(D, M), dWh = matrix(H, M);
  const db = new Float64Array(M);
  _matmulTBAdd(da, Wx.data, dx.data, N, D, M); // da·Wxᵀ  [N, D]
  _matmulTBAdd(da, Wh.data, dh.data, N, H, M); // da·Whᵀ  [N, H]
  _matmulTAAdd(x.data, da, dWx.data, N, D, M); // xᵀ·da  [D, M]
  _matmulTAAdd(h.data, da, dWh.data, N, H, M); // hᵀ·da  [H, M]
  _sumRowsAdd(da, db, N, M); // [M]
  return { dx, dh, dWx, dWh, db };
}

/** dst += src, elementwise (gradient accumulation over time steps). */
export function _addInto(dst: Float64Array, src: Float64Array): void {
  for (let i = 0; i < dst.length; i++) dst[i] += src[i];
}

function fmt(s: readonly number[]): string {
  return `[${s.map((v) => (v === -1 ? "?" : v)).join(", ")}]`;
}

/**
 * Throw unless `a` is a Matrix or Tensor3 of the expected shape; -1 in `expected` matches any size.
 *
 * @throws {TypeError} if a has no Float64Array data
 * @throws {RangeError} naming fn, the argument and both shapes
 */
export function _expectShape(
  fn: string,
  name: string,
  a: Matrix | Tensor3,
  expected: readonly number[],
): void {
  if (!a || !(a.data instanceof Float64Array) || !Array.isArray(a.shape)) {
    throw new TypeError(`${fn}: ${name} must be { data: Float64Array, shape }`);
  }
  const s: readonly number[] = a.shape;
  const ok = s.length === expected.length &&
    s.every((v, i) => expected[i] === -1 || v === expected[i]) &&
    a.data.length === s.reduce((p, q) => p * q, 1);
  if (!ok) throw new RangeError(`${fn}: ${name} must have shape ${fmt(expected)}, got ${fmt(s)}`);
}

/**
 * Throw unless `v` is a Float64Array of length `n` (a bias vector).
 *
 * @throws {TypeError} if v is not a Float64Array
 * @throws {RangeError} naming fn, the argument and both lengths
 */
export function _expectVector(fn: string, name: string, v: Float64Array, n: number): void {
  if (!(v instanceof Float64Array)) throw new TypeError(`${fn}: ${name} must be a Float64Array`);
  if (v.length !== n) {
    throw new RangeError(`${fn}: ${name} must have shape [${n}], got [${v.length}]`);
  }
}
