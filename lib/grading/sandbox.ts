/**
 * The grader behind `deno task grade`: every exercise runs in its own `deno run` subprocess with
 * **no permissions** (no files, network, env or subprocesses) and a timeout, so an infinite loop, a
 * throw or an attempt to read files becomes a ✗ with a clear hint and grading goes on. Visible checks
 * come from `notebooks/exercises/checks/<name>.ts`, hidden ones (nbgrader's hidden tests) from
 * `tests/grading/<name>.ts` when present.
 * @module
 */
import type { CheckResult, Exercise } from "./check.ts";
import { fileURLToPath } from "node:url";
import { repoRootUrl as repoRoot } from "../util/repo_root.ts";

/** Where to find an exercise set's files. */
export interface ExerciseSet {
  /** e.g. "01_chain_rule" */
  name: string;
  /** The implementation module (the student file, or a reference or wrong solution). */
  implUrl: URL;
  checksUrl: URL;
  hiddenUrl?: URL;
}

/** Options of {@linkcode gradeSet}. */
export interface GradeOptions {
  /** Seconds per exercise before the subprocess is killed (default 20). */
  timeoutSec?: number;
  /** Only exercises whose grade id starts with this. */
  only?: string;
}

const MARK = "__COURSE_GRADE_RESULTS__";

function entrySource(set: ExerciseSet, id: string): string {
  const lib = new URL("lib/grading/check.ts", repoRoot()).href;
  return `import * as impl from ${JSON.stringify(set.implUrl.href)};
import * as visible from ${JSON.stringify(set.checksUrl.href)};
${
    set.hiddenUrl
      ? `import * as hiddenMod from ${JSON.stringify(set.hiddenUrl.href)};`
      : "const hiddenMod = {};"
  }
import { runChecks } from ${JSON.stringify(lib)};
const ex = Object.values(visible).find((e) => e && typeof e === "object" && e.id === ${
    JSON.stringify(id)
  });
const hidden = (hiddenMod.hidden ?? {})[${JSON.stringify(id)}] ?? [];
const results = await runChecks({ ...ex, checks: [...ex.checks, ...hidden] }, impl[ex.fn]);
console.log(${JSON.stringify(MARK)} + JSON.stringify(results));
`;
}

/** The exercises a checks module defines (its exports that look like an {@linkcode Exercise}). */
export async function exercisesOf(checksUrl: URL): Promise<Exercise[]> {
  const mod = await import(checksUrl.href);
  return Object.values(mod).filter((e): e is Exercise =>
    typeof e === "object" && e !== null && "id" in e && "fn" in e && "checks" in e
  );
}

function failAll(ex: Exercise, hint: string): CheckResult[] {
  return ex.checks.map((c) => ({
    exercise: ex.id,
    name: c.name,
    passed: false,
    points: 0,
    maxPoints: c.points,
    hint,
  }));
}

/**
 * Grade one exercise in a no-permission subprocess.
 *
 * @param set the files
 * @param ex the exercise (its visible checks define the fallback rows on a crash)
 * @param timeoutSec seconds before the subprocess is killed
 */
export async function gradeExercise(
  set: ExerciseSet,
  ex: Exercise,
  timeoutSec = 20,
): Promise<CheckResult[]> {
  const dir = await Deno.makeTempDir({ prefix: "course-grade-" });
  const entry = `${dir}/entry.ts`;
  await Deno.writeTextFile(entry, entrySource(set, ex.id));
  const config = fileURLToPath(new URL("deno.json", repoRoot()));
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutSec * 1000);
  try {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--no-prompt", "--quiet", "--config", config, entry],
      stdout: "piped",
      stderr: "piped",
      stdin: "null",
      signal: ctl.signal,
      env: { NO_COLOR: "1" },
    }).output();
    const stdout = new TextDecoder().decode(out.stdout);
    const line = stdout.split("\n").find((l) => l.startsWith(MARK));
    if (line) return JSON.parse(line.slice(MARK.length)) as CheckResult[];
    if (ctl.signal.aborted) {
      return failAll(ex, `timed out after ${timeoutSec} s (an infinite loop?)`);
    }
    const err = new TextDecoder().decode(out.stderr).trim().split("\n").slice(0, 6).join(" | ");
    return failAll(
      ex,
      `the file could not be loaded or crashed: ${err || `exit code ${out.code}`}`,
    );
  } finally {
    clearTimeout(timer);
    await Deno.remove(dir, { recursive: true });
  }
}

/**
 * Grade every exercise of a set, each in its own sandbox.
 *
 * @param set the files
 * @param opts timeout and filter
 * @returns results grouped by exercise, in the checks module's order
 */
export async function gradeSet(
  set: ExerciseSet,
  opts: GradeOptions = {},
): Promise<{ exercise: Exercise; results: CheckResult[] }[]> {
  const out = [];
  for (const ex of await exercisesOf(set.checksUrl)) {
    if (opts.only && !ex.id.startsWith(opts.only)) continue;
    out.push({ exercise: ex, results: await gradeExercise(set, ex, opts.timeoutSec) });
  }
  return out;
}

/**
 * The standard files of an exercise set: student file, visible checks, hidden checks if present.
 *
 * @param name e.g. "01_chain_rule"
 * @param implDir folder of the implementation (default `notebooks/exercises/`)
 */
export async function exerciseSet(name: string, implDir?: URL): Promise<ExerciseSet> {
  const root = repoRoot();
  const hiddenUrl = new URL(`tests/grading/${name}.ts`, root);
  let hasHidden = true;
  try {
    await Deno.stat(hiddenUrl);
  } catch {
    hasHidden = false;
  }
  return {
    name,
    implUrl: new URL(`${name}.ts`, implDir ?? new URL("notebooks/exercises/", root)),
    checksUrl: new URL(`notebooks/exercises/checks/${name}.ts`, root),
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
