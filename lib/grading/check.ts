/**
 * The graded-exercise model (CS231n's student functions, nbgrader's points and hidden tests): an
 * {@linkcode Exercise} is a named export of a student file plus a list of checks, each worth
 * points. `runChecks` grades one implementation and never throws: a failing check becomes a ✗ with
 * a hint, an unfinished stub a friendly "not implemented yet".
 * @module
 */
import { NotImplementedError } from "../util/errors.ts";

/** Thrown by a check to fail with a hint for the student. */
export class CheckFailure extends Error {
  /**
   * @param hint what was wrong and what was expected
   */
  constructor(hint: string) {
    super(hint);
    this.name = "CheckFailure";
  }
}

/** One check of an exercise: a name, points, and a test that throws {@linkcode CheckFailure}. */
export interface Check<F> {
  name: string;
  points: number;
  run: (impl: F) => void | Promise<void>;
}

/** An exercise: its stable grade id, the student's export name, a title and its visible checks. */
export interface Exercise<F = (...args: never[]) => unknown> {
  /** Stable grade id, e.g. "01.1-dense-backward"; never renamed. */
  id: string;
  /** Name of the exported function in the student file. */
  fn: string;
  title: string;
  checks: Check<F>[];
}

/** The outcome of one check. */
export interface CheckResult {
  exercise: string;
  name: string;
  passed: boolean;
  points: number;
  maxPoints: number;
  hint?: string;
}

function hintOf(err: unknown): string {
  if (err instanceof CheckFailure) return err.message;
  if (err instanceof NotImplementedError || (err as Error)?.name === "NotImplementedError") {
    return "not implemented yet: fill in the function in notebooks/exercises/, save, and re-run the check";
  }
  const e = err as Error;
  if (e?.name === "NotCapable" || e?.name === "PermissionDenied") {
    return `your code tried to use files, network, env or subprocesses, which graded code may not: ${e.message}`;
  }
  return `your function threw ${e?.name ?? "an error"}: ${e?.message ?? String(err)}`;
}

/**
 * Run every check of an exercise on an implementation.
 *
 * @param ex the exercise
 * @param impl the student's (or reference) function; undefined when the export is missing
 * @returns one result per check, in order
 * @example Grade a function
 * ```ts
 * import { runChecks, CheckFailure } from "./check.ts";
 * const ex = { id: "00.1-double", fn: "double", title: "Double", checks: [{ name: "2→4", points: 1,
 *   run: (f: (x: number) => number) => { if (f(2) !== 4) throw new CheckFailure("double(2) should be 4"); } }] };
 * console.log((await runChecks(ex, (x: number) => 2 * x))[0].passed); // true
 * ```
 */
export async function runChecks<F>(ex: Exercise<F>, impl: F | undefined): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const c of ex.checks) {
    const base = { exercise: ex.id, name: c.name, maxPoints: c.points };
    if (typeof impl !== "function") {
      results.push({
        ...base,
        passed: false,
        points: 0,
        hint: `no exported function named ${ex.fn}`,
      });
      continue;
    }
    try {
      await c.run(impl);
      results.push({ ...base, passed: true, points: c.points });
    } catch (err) {
      results.push({ ...base, passed: false, points: 0, hint: hintOf(err) });
    }
  }
  return results;
}
