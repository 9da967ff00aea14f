/**
 * Loading a student's exercise file so that an edit shows up when the cell is re-run, without a
 * kernel restart: each call imports the file under a fresh `?v=<time>` URL, which Deno treats as a
 * new module. `COURSE_EXERCISES_DIR` (read in lib/util/env.ts) swaps in another folder, which CI
 * uses to run every notebook with the reference solutions.
 * @module
 */
import { exercisesDirFromEnv } from "../util/env.ts";
import { repoRootUrl as repoRoot } from "../util/repo_root.ts";

/**
 * The URL of a student file, e.g. `notebooks/exercises/01_chain_rule.ts`.
 *
 * @param name the file's name without `.ts`
 */
export function exerciseUrl(name: string): URL {
  const dir = exercisesDirFromEnv();
  const base = dir ? new URL(`file://${Deno.cwd()}/`) : repoRoot();
  const folder = dir
    ? new URL(dir.endsWith("/") ? dir : `${dir}/`, base)
    : new URL("notebooks/exercises/", base);
  return new URL(`${name}.ts`, folder);
}

/**
 * Import the student's exercise file fresh (edits are picked up on every call).
 *
 * @param name the file's name without `.ts`, e.g. "01_chain_rule"
 * @returns the module's exports
 * @example In a notebook cell
 * ```ts ignore
 * const student = await loadExercises("01_chain_rule");
 * ```
 */
export async function loadExercises(name: string): Promise<Record<string, unknown>> {
  const url = exerciseUrl(name);
  url.searchParams.set("v", String(Date.now()));
  return await import(url.href);
}
