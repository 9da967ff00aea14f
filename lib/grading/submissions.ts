/**
 * Class grading (nbgrader's collect / autograde / gradebook): a folder of submissions, one folder
 * per student holding that student's exercise files (`04_rnn_bptt.ts`, …), is graded with the
 * visible and hidden checks, each student's files in their own grading copies and subprocesses, so a
 * hostile submission can change no other student's grade and cannot stop the run. Writes, atomically,
 * `gradebook.csv` (student × exercise points, total, maximum) and `feedback/<student>.txt` (the
 * score tables).
 * @module
 */
import { join } from "node:path";
import { writeFileAtomic } from "../util/atomic_write.ts";
import { failChecks } from "./check.ts";
import { score, textTable } from "./report.ts";
import {
  type CheckDirs,
  exerciseSet,
  exercisesOf,
  type GradedExercise,
  gradeSet,
} from "./sandbox.ts";
import type { SandboxLimits } from "./subprocess.ts";

/** One student's grades. */
export interface StudentGrades {
  /** the submission folder's name */
  student: string;
  /** points per exercise id */
  byExercise: Record<string, number>;
  points: number;
  maxPoints: number;
  /** the feedback file written */
  feedbackPath: string;
}

/** What {@linkcode gradeSubmissions} wrote. */
export interface Gradebook {
  csvPath: string;
  /** exercise ids, the CSV's columns */
  exercises: string[];
  students: StudentGrades[];
}

/** Options of {@linkcode gradeSubmissions}. */
export interface SubmissionOptions extends SandboxLimits {
  /** exercise sets to grade, e.g. ["04_rnn_bptt"] */
  names: string[];
  /** other folders of visible and hidden checks (tests use a fixture set) */
  dirs?: CheckDirs;
}

/** A CSV field: quoted when needed; a leading = + - @ is defused for spreadsheets. */
export function csvField(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]/g, "_").replace(/^\.+/, "_") || "_";
}

/**
 * Grade every student folder in `dir`.
 *
 * @param dir the submissions folder (one sub-folder per student; other entries are ignored)
 * @param outDir where `gradebook.csv` and `feedback/` go (created if needed)
 * @param opts the exercise sets and limits
 * @returns the gradebook
 */
export async function gradeSubmissions(
  dir: string,
  outDir: string,
  opts: SubmissionOptions,
): Promise<Gradebook> {
  const students: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.isDirectory && !e.name.startsWith(".")) students.push(e.name);
  }
  students.sort();
  const exercises: string[] = [];
  for (const name of opts.names) {
    for (const ex of await exercisesOf((await exerciseSet(name, undefined, opts.dirs)).checksUrl)) {
      exercises.push(ex.id);
    }
  }
  const rows: StudentGrades[] = [];
  const used = new Set<string>();
  for (const student of students) {
    const graded: GradedExercise[] = [];
    for (const name of opts.names) {
      const set = await exerciseSet(name, join(dir, student), opts.dirs);
      try {
        graded.push(...await gradeSet(set, opts));
      } catch (err) {
        // The grader itself failed on this file: zero for its exercises, and the run goes on.
        for (const exercise of await exercisesOf(set.checksUrl)) {
          graded.push({
            exercise,
            results: failChecks(exercise, exercise.checks, `could not be graded: ${err}`),
          });
        }
      }
    }
    let file = safeName(student);
    while (used.has(file)) file += "_";
    used.add(file);
    const feedbackPath = join(outDir, "feedback", `${file}.txt`);
    const all = graded.flatMap((g) => g.results), total = score(all);
    const text = graded.map((g) =>
      textTable(g.results, `${g.exercise.title} (${g.exercise.id})`)
    ).join("\n\n") + `\n\ntotal ${total.points}/${total.maxPoints}\n`;
    await writeFileAtomic(feedbackPath, new TextEncoder().encode(`student: ${student}\n\n${text}`));
    rows.push({
      student,
      byExercise: Object.fromEntries(graded.map((g) => [g.exercise.id, score(g.results).points])),
      points: total.points,
      maxPoints: total.maxPoints,
      feedbackPath,
    });
  }
  const lines = [["student", ...exercises, "total", "max"].map(csvField).join(",")];
  for (const r of rows) {
    lines.push(
      [r.student, ...exercises.map((id) => String(r.byExercise[id] ?? 0)), r.points, r.maxPoints]
        .map((v) => csvField(String(v))).join(","),
    );
  }
  const csvPath = join(outDir, "gradebook.csv");
  await writeFileAtomic(csvPath, new TextEncoder().encode(lines.join("\n") + "\n"));
  return { csvPath, exercises, students: rows };
}
