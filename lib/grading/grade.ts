/**
 * The check cell's one call: `check(student, exercise)` runs an exercise's checks on the student's
 * export and returns a {@linkcode CheckReport}, which the notebook shows as a table.
 * @module
 */
import { type Exercise, runChecks } from "./check.ts";
import { CheckReport } from "./report.ts";

/**
 * Grade the student's function for one exercise (never throws).
 *
 * @param student the student module, from `loadExercises`
 * @param ex the exercise and its checks
 * @returns a report; as a cell's last expression it shows as a table
 */
export async function check<F>(
  student: Record<string, unknown>,
  ex: Exercise<F>,
): Promise<CheckReport> {
  const results = await runChecks(ex, student[ex.fn] as F | undefined);
  return new CheckReport(`${ex.title} (${ex.id})`, results);
}
