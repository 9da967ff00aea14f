/**
 * Numeric comparison helpers shared by tests, graders and notebook checks: `allClose` (NumPy's rule
 * |a − b| ≤ atol + rtol·|b|), `maxAbsDiff`, `relError` (CS231n's |a − b| / max(|a| + |b|, tiny))
 * and `firstMismatch` for hints that point at the first bad index.
 * @module
 */

/** Anything array-like of numbers: typed arrays, plain arrays, nested arrays. */
export type NumArray = ArrayLike<number> | readonly NumArray[];

/**
 * Flatten a number, typed array or nested array into a Float64Array.
 *
 * @param x the values
 * @returns a flat Float64Array copy
 */
export function flat(x: number | NumArray): Float64Array {
  if (typeof x === "number") return Float64Array.of(x);
  const out: number[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "number") out.push(v);
    else if (ArrayBuffer.isView(v)) {
      out.push(...(v as unknown as ArrayLike<number> & Iterable<number>));
    } else if (Array.isArray(v)) v.forEach(walk);
    else throw new TypeError(`flat: expected numbers or arrays, got ${typeof v}`);
  };
  walk(x);
  return Float64Array.from(out);
}

/**
 * The largest |a[i] − b[i]|.
 *
 * @param a values
 * @param b values of the same length
 * @throws {RangeError} if the lengths differ
 */
export function maxAbsDiff(a: number | NumArray, b: number | NumArray): number {
  const x = flat(a), y = flat(b);
  if (x.length !== y.length) {
    throw new RangeError(`maxAbsDiff: lengths differ (${x.length} vs ${y.length})`);
  }
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const d = Math.abs(x[i] - y[i]);
    if (Number.isNaN(d)) return NaN;
    m = Math.max(m, d);
  }
  return m;
}

/**
 * The largest elementwise relative error |a − b| / max(|a| + |b|, tiny), as CS231n defines it.
 *
 * @param a values (e.g. an analytic gradient)
 * @param b values (e.g. a numeric gradient)
 * @param tiny floor of the denominator
 * @example Compare two gradients
 * ```ts
 * import { relError } from "./all_close.ts";
 * console.log(relError([1, 2], [1, 2.000001]) < 1e-6); // true
 * ```
 */
export function relError(a: number | NumArray, b: number | NumArray, tiny = 1e-8): number {
  const x = flat(a), y = flat(b);
  if (x.length !== y.length) {
    throw new RangeError(`relError: lengths differ (${x.length} vs ${y.length})`);
  }
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const e = Math.abs(x[i] - y[i]) / Math.max(Math.abs(x[i]) + Math.abs(y[i]), tiny);
    if (Number.isNaN(e)) return NaN;
    m = Math.max(m, e);
  }
  return m;
}

/**
 * The first index where |a − b| > atol + rtol·|b|, or -1 when all are close.
 *
 * @param a actual values
 * @param b expected values
 * @param rtol relative tolerance
 * @param atol absolute tolerance
 */
export function firstMismatch(
  a: number | NumArray,
  b: number | NumArray,
  rtol = 1e-5,
  atol = 1e-8,
): number {
  const x = flat(a), y = flat(b);
  if (x.length !== y.length) return Math.min(x.length, y.length);
  for (let i = 0; i < x.length; i++) {
    const ok = Math.abs(x[i] - y[i]) <= atol + rtol * Math.abs(y[i]);
    if (!ok) return i;
  }
  return -1;
}

/**
 * Whether every |a − b| ≤ atol + rtol·|b| (NaN is never close).
 *
 * @param a actual values
 * @param b expected values
 * @param rtol relative tolerance
 * @param atol absolute tolerance
 * @example
 * ```ts
 * import { allClose } from "./all_close.ts";
 * console.log(allClose([1, 2], [1, 2 + 1e-9])); // true
 * ```
 */
export function allClose(
  a: number | NumArray,
  b: number | NumArray,
  rtol = 1e-5,
  atol = 1e-8,
): boolean {
  return firstMismatch(a, b, rtol, atol) === -1;
}
