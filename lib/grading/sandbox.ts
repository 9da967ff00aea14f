/**
 * The grader behind `deno task grade`: for each exercise set it builds a grading copy of the
 * student's files (lib/grading/stage.ts), refuses any import outside it (lib/grading/import_graph.ts),
 * and runs each exercise's student function in its own no-permission subprocess
 * (lib/grading/subprocess.ts), while the checks — visible ones from
 * `notebooks/exercises/checks/<name>.ts` and hidden ones (nbgrader's hidden tests) from
 * `tests/grading/<name>.ts` when present — run here, in the grader. A timeout, crash, refused import
 * or missing file fails every check of the exercise, hidden ones included, so the maximum never
 * shrinks; one exercise's failure never stops the others.
 * @module
 */
import { fileURLToPath } from "node:url";
import { type Check, type CheckResult, type Exercise, failChecks, runChecks } from "./check.ts";
import { checkImports } from "./import_graph.ts";
import { removeStage, type Stage, stageSubmission } from "./stage.ts";
import { type SandboxLimits, SubprocessEvaluator } from "./subprocess.ts";
import { repoRootUrl as repoRoot } from "../util/repo_root.ts";

/** Where to find an exercise set's files. */
export interface ExerciseSet {
  /** e.g. "01_chain_rule" */
  name: string;
  /** The folder holding the implementation `<name>.ts` (student, reference or wrong answer). */
  implDir: string;
  /** The implementation's file name, default `<name>.ts`. */
  implFile?: string;
  checksUrl: URL;
  hiddenUrl?: URL;
}

/** Options of {@linkcode gradeSet}. */
export interface GradeOptions extends SandboxLimits {
  /** Only exercises whose grade id starts with this. */
  only?: string;
  /** Only these grade ids. */
  ids?: string[];
  /** Include hidden checks (default true). */
  hidden?: boolean;
  /** Exercises graded at the same time (default 1). */
  concurrency?: number;
}

/** One graded exercise: its definition and a result per check (hidden ones last). */
export interface GradedExercise {
  exercise: Exercise;
  results: CheckResult[];
}

function isExercise(e: unknown): e is Exercise {
  return typeof e === "object" && e !== null && "id" in e && "fn" in e && "checks" in e;
}

/** The exercises a checks module defines (its exports that look like an {@linkcode Exercise}). */
export async function exercisesOf(checksUrl: URL): Promise<Exercise[]> {
  return Object.values(await import(checksUrl.href)).filter(isExercise)
    .sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The hidden checks of a set by grade id ({} when the set has none). */
export async function hiddenChecksOf(set: ExerciseSet): Promise<Record<string, Check<never>[]>> {
  if (!set.hiddenUrl) return {};
  const mod = await import(set.hiddenUrl.href);
  return (mod.hidden ?? {}) as Record<string, Check<never>[]>;
}

/**
 * Grade exercises of one set against one staged implementation, each in its own subprocess.
 *
 * @param stage the grading copy, or a reason every check fails (missing file, refused import)
 * @param exercises the exercises with all their checks
 * @param opts limits and concurrency
 */
async function gradeStaged(
  stage: Stage | string,
  exercises: { exercise: Exercise; checks: Check<never>[] }[],
  opts: GradeOptions,
): Promise<GradedExercise[]> {
  const out: GradedExercise[] = new Array(exercises.length);
  if (typeof stage === "string") {
    return exercises.map(({ exercise, checks }) => ({
      exercise,
      results: failChecks(exercise, checks, stage),
    }));
  }
  // One child serves the exercises of a worker in turn, each with its own deadline; after a
  // timeout, crash or output cap the next exercise gets a fresh child. A module that failed while
  // loading fails the same way for every exercise, without being run again.
  const timeoutSec = opts.timeoutSec ?? 20;
  let next = 0;
  let loadFailure: string | undefined;
  const worker = async () => {
    let ev: SubprocessEvaluator | undefined;
    try {
      while (next < exercises.length) {
        const i = next++;
        const { exercise, checks } = exercises[i];
        if (loadFailure !== undefined) {
          out[i] = { exercise, results: failChecks(exercise, checks, loadFailure) };
          continue;
        }
        if (!ev || ev.failure) {
          if (ev) await ev.finished;
          ev = new SubprocessEvaluator(stage, opts);
        } else ev.rearm(timeoutSec);
        out[i] = { exercise, results: await runChecks(exercise as Exercise<never>, ev, checks) };
        if (ev.loadError) loadFailure = ev.loadError.message;
      }
    } finally {
      ev?.close();
      await ev?.finished;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 1) }, worker));
  return out;
}

/**
 * Grade every exercise of a set: stage the implementation, check its imports, then run each
 * exercise's visible and hidden checks against it in a fresh subprocess.
 *
 * @param set the files
 * @param opts limits, filters, concurrency
 * @returns results grouped by exercise, in the checks module's order
 */
export async function gradeSet(
  set: ExerciseSet,
  opts: GradeOptions = {},
): Promise<GradedExercise[]> {
  const hidden = opts.hidden === false ? {} : await hiddenChecksOf(set);
  const exercises = (await exercisesOf(set.checksUrl))
    .filter((ex) => !opts.only || ex.id.startsWith(opts.only))
    .filter((ex) => !opts.ids || opts.ids.includes(ex.id))
    .map((exercise) => ({
      exercise,
      checks: [...exercise.checks, ...(hidden[exercise.id] ?? [])] as Check<never>[],
    }));
  if (exercises.length === 0) return [];
  const file = set.implFile ?? `${set.name}.ts`;
  let stage: Stage | string;
  try {
    stage = await stageSubmission(set.implDir, file.replace(/\.ts$/, ""));
  } catch {
    return gradeStaged(`no file ${file} was found to grade`, exercises, opts);
  }
  try {
    const refused = await checkImports(stage);
    return await gradeStaged(refused ?? stage, exercises, opts);
  } finally {
    await removeStage(stage);
  }
}

/** Where checks come from (tests use a fixture set). */
export interface CheckDirs {
  /** folder of visible checks (default `notebooks/exercises/checks/`) */
  checks?: URL;
  /** folder of hidden checks (default `tests/grading/`) */
  hidden?: URL;
}

/**
 * The standard files of an exercise set: student file, visible checks, hidden checks if present.
 *
 * @param name e.g. "01_chain_rule"
 * @param implDir folder of the implementation (default `notebooks/exercises/`)
 * @param dirs other folders of visible and hidden checks
 */
export async function exerciseSet(
  name: string,
  implDir?: string | URL,
  dirs: CheckDirs = {},
): Promise<ExerciseSet> {
  const root = repoRoot();
  const hiddenUrl = new URL(`${name}.ts`, dirs.hidden ?? new URL("tests/grading/", root));
  let hasHidden = true;
  try {
    await Deno.stat(hiddenUrl);
  } catch {
    hasHidden = false;
  }
  const dir = implDir ?? new URL("notebooks/exercises/", root);
  return {
    name,
    implDir: typeof dir === "string" ? dir : fileURLToPath(dir),
    checksUrl: new URL(`${name}.ts`, dirs.checks ?? new URL("notebooks/exercises/checks/", root)),
    hiddenUrl: hasHidden ? hiddenUrl : undefined,
  };
}

/** The names of all exercise sets (files in `notebooks/exercises/checks/`), sorted. */
export async function exerciseSetNames(): Promise<string[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(new URL("notebooks/exercises/checks/", repoRoot()))) {
    if (e.isFile && e.name.endsWith(".ts") && !e.name.startsWith("_")) {
      names.push(e.name.slice(0, -3));
    }
  }
  return names.sort();
}
