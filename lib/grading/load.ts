/**
 * Loading a student's exercise file so that an edit shows up when the cell is re-run, without a
 * kernel restart: each call imports the file under a fresh `?v=<time>` URL, which Deno treats as a
 * new module, and records the file's URL under {@linkcode EXERCISE_FILE} so that `check` can load
 * it (with every module it imports) afresh in a subprocess. `COURSE_EXERCISES_DIR` (read in
 * lib/util/env.ts) swaps in another folder, which CI uses to run every notebook with the reference
 * solutions.
 * @module
 */
import { exercisesDirFromEnv } from "../util/env.ts";
import { repoRootUrl as repoRoot } from "../util/repo_root.ts";
import { SandboxError } from "./remote.ts";
import { entryStage, removeStage } from "./stage.ts";
import { SubprocessEvaluator } from "./subprocess.ts";

/** The property of a `loadExercises` result that holds the student file's URL. */
export const EXERCISE_FILE: unique symbol = Symbol.for("course.exerciseFile");

/** What `loadExercises` returns: the module's exports, and where the file is. */
export type StudentModule = Record<string, unknown> & { [EXERCISE_FILE]?: string };

/**
 * The URL of a student file, e.g. `notebooks/exercises/01_chain_rule.ts`.
 *
 * @param name the file's name without `.ts`
 */
export function exerciseUrl(name: string): URL {
  const dir = exercisesDirFromEnv();
  // A relative folder means the same from a terminal at the repository root and from a notebook
  // kernel (whose working directory is notebooks/): it is resolved against the repository root.
  const base = repoRoot();
  const folder = dir
    ? new URL(dir.endsWith("/") ? dir : `${dir}/`, base)
    : new URL("notebooks/exercises/", base);
  return new URL(`${name}.ts`, folder);
}

/**
 * Import the student's exercise file fresh (edits to the file are picked up on every call; `check`
 * reloads the modules it imports too). The file is first loaded in a subprocess with a time limit, so a
 * file that never finishes loading (a loop at its top level) does not hang the kernel: then only
 * {@linkcode EXERCISE_FILE} is returned, and `check` reports the timeout.
 *
 * @param name the file's name without `.ts`, e.g. "01_chain_rule"
 * @param timeoutSec seconds the file may take to load in the subprocess (default 10)
 * @returns the module's exports, plus the file's URL under {@linkcode EXERCISE_FILE}
 * @example In a notebook cell
 * ```ts ignore
 * const student = await loadExercises("01_chain_rule");
 * ```
 */
export async function loadExercises(name: string, timeoutSec = 10): Promise<StudentModule> {
  const url = exerciseUrl(name);
  const stage = await entryStage(url.href);
  const probe = new SubprocessEvaluator(stage, { timeoutSec });
  try {
    await probe.exports();
  } catch (err) {
    if (err instanceof SandboxError && err.kind === "timeout") {
      console.error(
        `${name}.ts did not finish loading within ${timeoutSec} s (a loop at its top level?)`,
      );
      return { [EXERCISE_FILE]: url.href };
    }
  } finally {
    probe.close();
    await probe.finished;
    await removeStage(stage);
  }
  const fresh = new URL(url);
  fresh.searchParams.set("v", String(Date.now()));
  const mod = await import(fresh.href);
  return { ...mod, [EXERCISE_FILE]: url.href };
}
