/**
 * The graded-exercise model (CS231n's student functions, nbgrader's points and hidden tests): an
 * {@linkcode Exercise} is a named export of a student file plus a list of checks, each worth
 * points. A check receives the student's function as an async {@linkcode Remote} (the call runs in
 * a sandbox and comes back as data) and throws {@linkcode CheckFailure} with a hint. `runChecks`
 * grades one implementation in the grader's own process and never throws: a failing check becomes
 * a ✗ with a hint, an unfinished stub a friendly "not implemented yet".
 * @module
 */
import { type Evaluator, type Remote, remote, SandboxError, StudentError } from "./remote.ts";

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

/**
 * One check of an exercise: a name, points, and a test that awaits the student's function and
 * throws {@linkcode CheckFailure}.
 */
export interface Check<F> {
  name: string;
  points: number;
  run: (impl: Remote<F>) => void | Promise<void>;
}

/** An exercise: its stable grade id, the student's export name, a title and its visible checks. */
export interface Exercise<F = (...args: never[]) => unknown> {
  /** Stable grade id, e.g. "01.1-dense-backward"; never renamed. */
  id: string;
  /** Name of the exported function in the student file. */
  fn: string;
  title: string;
  checks: Check<F>[];
  /** Points of the hidden checks in tests/grading/ (graded by `deno task grade`), 0 if none. */
  hiddenPoints: number;
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

const NOT_IMPLEMENTED =
  "not implemented yet: fill in the function in notebooks/exercises/, save, and re-run the check";

/**
 * The student-facing hint for whatever a check threw.
 *
 * @param err a CheckFailure, a StudentError, a SandboxError, or an error of the check's own code
 */
export function hintOf(err: unknown): string {
  if (err instanceof CheckFailure || err instanceof SandboxError) return err.message;
  if (err instanceof StudentError) {
    if (err.name === "NotImplementedError") return NOT_IMPLEMENTED;
    if (err.name === "NotCapable" || err.name === "PermissionDenied") {
      return `your code tried to use files, network, env or subprocesses, which graded code may not: ${err.message}`;
    }
    if (err.name === "MissingExport") return `no exported function named ${err.message}`;
    if (err.name === "WireError") {
      return `your function's result could not be sent back: ${err.message}`;
    }
    return `your function threw ${err.name}: ${err.message}`;
  }
  const e = err as Error;
  return `your result could not be checked (${e?.name ?? "Error"}: ${
    e?.message ?? String(err)
  }): is it the documented type and shape?`;
}

/**
 * Run checks of an exercise against the student's export in an evaluator. Every point, comparison
 * and hint is computed here, in the caller's process; a check passes only by returning normally.
 *
 * @param ex the exercise
 * @param ev evaluates the student's module
 * @param checks the checks to run (default: the visible ones)
 * @returns one result per check, in order
 * @example Grade a function in this process
 * ```ts
 * import { CheckFailure, localEvaluator, runChecks } from "./mod.ts";
 * const ex = { id: "00.1-double", fn: "double", title: "Double", hiddenPoints: 0, checks: [{
 *   name: "2→4", points: 1, run: async (f: (x: number) => number) => {
 *     if ((await f(2)) !== 4) throw new CheckFailure("double(2) should be 4");
 *   } }] };
 * const ev = localEvaluator({ double: (x: number) => 2 * x });
 * console.log((await runChecks(ex, ev))[0].passed); // true
 * ev.close();
 * ```
 */
export async function runChecks<F>(
  ex: Exercise<F>,
  ev: Evaluator,
  checks: Check<F>[] = ex.checks,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  let missing: string | undefined;
  try {
    const names = await ev.exports();
    if (!names.includes(ex.fn)) missing = `no exported function named ${ex.fn}`;
  } catch (err) {
    missing = hintOf(err);
  }
  const impl = remote<F>(ev, ex.fn);
  for (const c of checks) {
    const base = { exercise: ex.id, name: c.name, maxPoints: c.points };
    if (missing !== undefined) {
      results.push({ ...base, passed: false, points: 0, hint: missing });
      continue;
    }
    try {
      await c.run(impl);
      results.push({ ...base, passed: true, points: Math.max(0, c.points) });
    } catch (err) {
      results.push({ ...base, passed: false, points: 0, hint: hintOf(err) });
    }
  }
  return results;
}

/**
 * Fail every check with one hint (a file that could not be graded); the maximum stays complete.
 *
 * @param ex the exercise
 * @param checks its checks, hidden ones included
 * @param hint why
 */
export function failChecks<F>(ex: Exercise<F>, checks: Check<F>[], hint: string): CheckResult[] {
  return checks.map((c) => ({
    exercise: ex.id,
    name: c.name,
    passed: false,
    points: 0,
    maxPoints: c.points,
    hint,
  }));
}
