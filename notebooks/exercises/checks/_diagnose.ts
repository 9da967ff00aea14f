/**
 * Hints that name the mistake: when a student's numbers are wrong, compare them with what each
 * common mistake would give (computed here, on the grader's side) and say which one matches.
 * Shared by the checks of notebooks 04 and 05; the leading "_" keeps it out of the exercise sets.
 * @module
 */
import { CheckFailure, expectClose, type Numeric } from "../../../lib/grading/mod.ts";

function flat(x: Numeric): number[] {
  if (typeof x === "number") return [x];
  if (x && typeof x === "object" && "data" in (x as object)) {
    return Array.from((x as { data: ArrayLike<number> }).data);
  }
  return Array.from(x as ArrayLike<number>).flat(Infinity as 1) as number[];
}

function close(a: number[], b: number[], tol: number): boolean {
  return a.length === b.length &&
    a.every((v, i) => Math.abs(v - b[i]) / Math.max(Math.abs(v) + Math.abs(b[i]), 1e-8) <= tol);
}

/**
 * Pass when `actual` matches `expected`; otherwise fail with a hint that names the first mistake
 * in `mistakes` whose values `actual` equals, or with expectClose's numbers when none does.
 *
 * @param what the quantity's name, e.g. "dWh"
 * @param actual the student's values
 * @param expected the right values
 * @param mistakes `[what the mistake is, the values it gives]` pairs
 * @param tol relative tolerance per entry
 * @throws {CheckFailure} when actual does not match expected
 */
export function expectCloseOrName(
  what: string,
  actual: Numeric,
  expected: Numeric,
  mistakes: [string, Numeric][],
  tol = 1e-6,
): void {
  if (actual !== undefined && actual !== null && close(flat(actual), flat(expected), tol)) return;
  if (actual !== undefined && actual !== null) {
    const a = flat(actual);
    for (const [mistake, values] of mistakes) {
      if (close(a, flat(values), Math.max(tol, 1e-9))) {
        throw new CheckFailure(`${what} equals what ${mistake} gives`);
      }
    }
  }
  expectClose(what, actual, expected, tol);
}
