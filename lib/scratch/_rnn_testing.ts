/**
 * Internal helpers for the RNN, LSTM and GRU tests: seeded random inputs of the test sizes
 * (N=2, T=3, D=4, H=5, all different so a swapped axis fails loudly), the scalar loss
 * L = Σ out ⊙ R with a fixed random R, a gradient-check runner over named arrays, and NumPy's
 * linspace for CS231n's fixed-value checks.
 * @module
 */
import { Rng } from "../util/rng.ts";
import { relError } from "../util/all_close.ts";
import { numericGradient } from "./grad_check.ts";
import { type Matrix, matrix } from "./matrix.ts";
import { type Tensor3, tensor3 } from "./tensor3.ts";

/** The sizes every RNN test uses. */
export const SIZES = { N: 2, T: 3, D: 4, H: 5 } as const;

/** A seeded random source of matrices, sequences and vectors (normal draws times scale). */
export function _randoms(seed: number): {
  mat: (r: number, c: number, scale?: number) => Matrix;
  seq: (n: number, t: number, k: number, scale?: number) => Tensor3;
  vec: (n: number, scale?: number) => Float64Array;
} {
  const rng = new Rng(seed);
  return {
    mat: (r, c, scale = 1) => matrix(r, c, rng.normalArray(r * c, scale)),
    seq: (n, t, k, scale = 1) => tensor3(n, t, k, rng.normalArray(n * t * k, scale)),
    vec: (n, scale = 1) => rng.normalArray(n, scale),
  };
}

/** Σ a ⊙ b over two equally long arrays. */
export function _dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * The numeric gradient by Richardson extrapolation of grad_check.ts's centred differences,
 * (4·D(h) − D(2h)) / 3, the five-point stencil with error O(h⁴). Plain centred differences with
 * h = 1e-5 carry ~1e-11 of rounding noise, which is a relative error above 1e-7 on the entries near
 * 1e-5 that gate gradients often have; at h = 1e-3 this stays near 1e-12 for every entry.
 */
export function _numericGradient5(
  f: (p: Float64Array) => number,
  p: ArrayLike<number>,
  h = 1e-3,
): Float64Array {
  const d1 = numericGradient(f, p, h), d2 = numericGradient(f, p, 2 * h);
  return d1.map((v, i) => (4 * v - d2[i]) / 3);
}

/**
 * Gradient-check every named array against `d` + name in grads and return name → max relative error
 * (CS231n's, from all_close.ts). Each array is perturbed in place and restored, so `loss` reads it.
 */
export function _checkAll(
  loss: () => number,
  params: Record<string, Float64Array>,
  grads: object,
): Record<string, number> {
  const g = grads as Record<string, Float64Array | { data: Float64Array }>;
  const errors: Record<string, number> = {};
  for (const [name, param] of Object.entries(params)) {
    const d = g[`d${name}`];
    if (d === undefined) throw new RangeError(`_checkAll: no gradient d${name}`);
    const saved = param.slice();
    try {
      const numeric = _numericGradient5((q) => {
        param.set(q);
        return loss();
      }, saved);
      errors[name] = relError(d instanceof Float64Array ? d : d.data, numeric);
    } finally {
      param.set(saved);
    }
  }
  return errors;
}

/** The worst error in a name → error table, for one assertion and one printed number. */
export function _worst(errs: Record<string, number>): number {
  return Math.max(...Object.values(errs));
}

/** np.linspace(a, b, n) as a Float64Array (CS231n's test inputs). */
export function _linspace(a: number, b: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}
