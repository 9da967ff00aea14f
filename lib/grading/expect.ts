/**
 * Assertions for exercise checks. Each throws a {@linkcode CheckFailure} whose message is the hint a
 * student sees: the shape expected and got, the first mismatching index, the relative error.
 * @module
 */
import { flat, type NumArray, relError } from "../util/all_close.ts";
import { CheckFailure } from "./check.ts";

/** Something with numbers: a number, a typed or nested array, or `{ data, shape }`. */
export type Numeric = number | NumArray | { data: ArrayLike<number>; shape: readonly number[] };

function values(x: Numeric): Float64Array {
  if (typeof x === "object" && x !== null && "data" in x && "shape" in x) {
    return Float64Array.from(x.data);
  }
  return flat(x as number | NumArray);
}

/** The shape of a nested array or `{ shape }` value (a plain number is []). */
export function shapeOf(x: unknown): number[] {
  if (typeof x === "number") return [];
  if (typeof x === "object" && x !== null && "shape" in x) {
    return [...(x as { shape: number[] }).shape];
  }
  if (Array.isArray(x)) return [x.length, ...(x.length ? shapeOf(x[0]) : [])];
  if (ArrayBuffer.isView(x)) return [(x as unknown as ArrayLike<number>).length];
  return [];
}

/**
 * Fail unless `actual` has the expected shape.
 *
 * @param what a name for the value in the hint ("dW")
 * @param actual the value
 * @param expected the shape, e.g. [4, 5]
 * @throws {CheckFailure} naming both shapes
 */
export function expectShape(what: string, actual: unknown, expected: readonly number[]): void {
  const got = shapeOf(actual);
  if (got.length !== expected.length || got.some((d, i) => d !== expected[i])) {
    const transposed = got.length === expected.length && got.length >= 2 &&
      [...got].reverse().every((d, i) => d === expected[i]);
    throw new CheckFailure(
      `${what} has shape [${got}], expected [${expected}]${transposed ? " (transposed?)" : ""}`,
    );
  }
}

/**
 * Fail unless every element of `actual` is within tolerance of `expected`; the hint names the
 * first bad index, both values and the largest relative error. A transposed result of the right
 * size is reported as such.
 *
 * @param what a name for the value in the hint
 * @param actual the student's values
 * @param expected the reference values
 * @param tol relative error allowed (CS231n's |a−b| / max(|a|+|b|, 1e-8)); default 1e-6
 * @throws {CheckFailure} with the hint
 */
export function expectClose(what: string, actual: Numeric, expected: Numeric, tol = 1e-6): void {
  if (actual === undefined || actual === null) {
    throw new CheckFailure(`${what} is missing (got ${actual})`);
  }
  const a = values(actual), b = values(expected);
  if (a.length !== b.length) {
    throw new CheckFailure(`${what} has ${a.length} values, expected ${b.length}`);
  }
  for (let i = 0; i < a.length; i++) {
    const err = Math.abs(a[i] - b[i]) / Math.max(Math.abs(a[i]) + Math.abs(b[i]), 1e-8);
    if (!(err <= tol)) {
      const rel = relError(a, b);
      const ratio = a[i] / b[i];
      const scale = Number.isFinite(ratio) && Math.abs(ratio - Math.round(ratio)) < 1e-6 &&
          Math.round(ratio) > 1
        ? ` (${Math.round(ratio)}× too large: a missing 1/N?)`
        : "";
      throw new CheckFailure(
        `${what}: first mismatch at index ${i}: got ${a[i].toPrecision(6)}, expected ` +
          `${b[i].toPrecision(6)}; max relative error ${rel.toExponential(2)} > ${tol}${scale}`,
      );
    }
  }
}

/**
 * Fail with `hint` unless `cond` holds.
 *
 * @param cond the condition
 * @param hint what the student should know when it does not
 */
export function expectTrue(cond: boolean, hint: string): void {
  if (!cond) throw new CheckFailure(hint);
}
