/**
 * The check cell's one call: `check(student, exercise)` runs an exercise's visible checks on the
 * student's export and returns a {@linkcode CheckReport}, which the notebook shows as a table. The
 * student's file runs, freshly loaded with every module it imports, in a `deno run` subprocess
 * (default) or a Worker, with a time limit; the checks run in the kernel. The subprocess is the
 * default because SIGKILL always stops it, while Deno (2.9) cannot stop a Worker stuck in a loop:
 * `terminate()` returns but the thread keeps spinning a core until the kernel exits.
 * @module
 */
import { type Exercise, runChecks } from "./check.ts";
import { localEvaluator } from "./evaluator.ts";
import { EXERCISE_FILE, type StudentModule } from "./load.ts";
import type { Evaluator } from "./remote.ts";
import { CheckReport } from "./report.ts";
import { WorkerEvaluator } from "./worker.ts";
import { entryStage, removeStage } from "./stage.ts";
import { SubprocessEvaluator } from "./subprocess.ts";

/** Options of {@linkcode check}. */
export interface CheckOptions {
  /** Seconds the student's code may run for the whole exercise (default 10). */
  timeoutSec?: number;
  /** Where the student's code runs (default "subprocess"). */
  transport?: "subprocess" | "worker";
}

/**
 * Grade the student's function for one exercise (never throws).
 *
 * @param student the student module, from `loadExercises` (its file is evaluated in a Worker), or a
 *   plain object of functions (evaluated in this process, without a time limit)
 * @param ex the exercise and its checks
 * @param opts the time limit
 * @returns a report; as a cell's last expression it shows as a table
 */
export async function check<F>(
  student: StudentModule,
  ex: Exercise<F>,
  opts: CheckOptions = {},
): Promise<CheckReport> {
  const file = student[EXERCISE_FILE];
  const timeoutSec = opts.timeoutSec ?? 10;
  if (typeof file !== "string") return await report(ex, localEvaluator(student));
  if (opts.transport === "worker") return await report(ex, new WorkerEvaluator(file, timeoutSec));
  const stage = await entryStage(file);
  const ev = new SubprocessEvaluator(stage, { timeoutSec });
  try {
    return await report(ex, ev);
  } finally {
    await ev.finished;
    await removeStage(stage);
  }
}

async function report<F>(ex: Exercise<F>, ev: Evaluator): Promise<CheckReport> {
  try {
    const results = await runChecks(ex, ev);
    return new CheckReport(`${ex.title} (${ex.id})`, results, ex.hiddenPoints);
  } finally {
    ev.close();
  }
}
