/**
 * The course's environment switches, read in this one module and nowhere else.
 *
 * - `COURSE_QUICK=1` shrinks every training preset so the notebooks run in seconds (CI, smoke tests).
 * - `TINY_SHAKESPEARE_PATH` points the text loader at a local copy of Tiny Shakespeare.
 * - `COURSE_SEED` overrides the default seed (42) used by `initBackend()`.
 * - `COURSE_WASM_THREADS` sets the threads of the WASM backend, overriding `initBackend`'s option.
 *
 * Each function reads the variable when called, never at import, so a test can change it.
 * @module
 */

function readEnv(name: string): string | undefined {
  try {
    return Deno.env.get(name);
  } catch {
    // No env permission (the grader's sandbox): behave as if unset.
    return undefined;
  }
}

/**
 * Whether quick mode is on (`COURSE_QUICK` set to anything but "", "0" or "false").
 *
 * @returns true in CI and smoke tests, false for students by default
 * @example Check the mode
 * ```ts
 * import { isQuick } from "./env.ts";
 * const steps = isQuick() ? 20 : 2000;
 * ```
 */
export function isQuick(): boolean {
  const v = readEnv("COURSE_QUICK");
  return v !== undefined && v !== "" && v !== "0" && v.toLowerCase() !== "false";
}

/**
 * Pick the quick-mode or the full-mode value of a setting, in one place.
 *
 * @param full value students get
 * @param quick value used when `COURSE_QUICK` is on
 * @returns `quick` in quick mode, else `full`
 * @example Shrink a step count
 * ```ts
 * import { quickOr } from "./env.ts";
 * const steps = quickOr(2000, 20);
 * ```
 */
export function quickOr<T>(full: T, quick: T): T {
  return isQuick() ? quick : full;
}

/**
 * The local Tiny Shakespeare path from `TINY_SHAKESPEARE_PATH`, if set.
 *
 * @returns the path, or undefined when the variable is unset or empty
 * @example Read the override
 * ```ts
 * import { shakespearePathFromEnv } from "./env.ts";
 * console.log(shakespearePathFromEnv() ?? "will download");
 * ```
 */
export function shakespearePathFromEnv(): string | undefined {
  const v = readEnv("TINY_SHAKESPEARE_PATH");
  return v ? v : undefined;
}

/**
 * The course-wide seed: `COURSE_SEED` if set to an integer, else 42.
 *
 * @returns the seed
 * @example Read the seed
 * ```ts
 * import { defaultSeed } from "./env.ts";
 * console.log(defaultSeed());
 * ```
 */
export function defaultSeed(): number {
  const v = Number(readEnv("COURSE_SEED"));
  return Number.isInteger(v) && readEnv("COURSE_SEED") !== "" ? v : 42;
}

/**
 * The folder to load exercise files from instead of `notebooks/exercises/` (`COURSE_EXERCISES_DIR`,
 * absolute or relative to the repository root). CI points it at `tests/solutions/`.
 *
 * @returns the folder, or undefined when unset
 */
export function exercisesDirFromEnv(): string | undefined {
  const v = readEnv("COURSE_EXERCISES_DIR");
  return v ? v : undefined;
}

/**
 * The number of threads asked for the WASM backend by `COURSE_WASM_THREADS` (a positive integer),
 * or undefined when unset or not a positive integer.
 *
 * @returns the thread count, or undefined
 * @example Read the thread setting
 * ```ts
 * import { wasmThreadsFromEnv } from "./env.ts";
 * console.log(wasmThreadsFromEnv() ?? "default");
 * ```
 */
export function wasmThreadsFromEnv(): number | undefined {
  const v = Number(readEnv("COURSE_WASM_THREADS"));
  return Number.isInteger(v) && v > 0 ? v : undefined;
}
