/**
 * The course's root folder (the one holding `deno.json`), located from this module's own URL:
 * lib/util/ always sits two folders below it. Notebook cells have no `import.meta` and run with
 * cwd = `notebooks/`, while the CLI and tests run from the root, so data, exercise and config
 * paths are resolved against this folder instead of the current directory.
 * @module
 */
import { fileURLToPath } from "node:url";

/**
 * The repository root as a file URL ending in "/".
 *
 * @returns e.g. `file:///home/me/course/`
 */
export function repoRootUrl(): URL {
  return new URL("../../", import.meta.url);
}

/**
 * The repository root as a file-system path (no trailing separator; spaces and other characters
 * decoded, unlike `URL.pathname`).
 *
 * @returns e.g. `/home/me/course`
 * @example Locate the data folder
 * ```ts
 * import { repoRootPath } from "./repo_root.ts";
 * console.log(`${repoRootPath()}/data`);
 * ```
 */
export function repoRootPath(): string {
  return fileURLToPath(repoRootUrl()).replace(/[\\/]$/, "");
}
