/**
 * Find the course's root folder (the one holding `deno.json`) by walking up from the current
 * directory. Notebook cells have no `import.meta.url` to anchor on and run with cwd = `notebooks/`,
 * while the CLI and tests run from the root, so data paths are resolved against this folder instead.
 * @module
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder of this module (lib/util), the default start of the search. */
function libDir(): string {
  return dirname(fileURLToPath(import.meta.url));
}

/**
 * The repository root as a file URL ending in "/", found from this module's location, so it is
 * right whatever the current folder (notebook kernels run in notebooks/).
 *
 * @returns e.g. `file:///home/me/course/`
 */
export function repoRootUrl(): URL {
  return new URL("../../", import.meta.url);
}

/**
 * The nearest folder at or above `start` that contains `deno.json`.
 *
 * @param start folder to start from (default: `Deno.cwd()`)
 * @returns the absolute path of the course root
 * @throws {Error} if no folder above `start` holds a `deno.json`
 * @example Locate the data folder from a notebook
 * ```ts
 * import { findRepoRoot } from "./repo_root.ts";
 * console.log(`${findRepoRoot()}/data`);
 * ```
 */
export function findRepoRoot(start: string = libDir()): string {
  let dir = resolve(start);
  while (true) {
    if (isFile(join(dir, "deno.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `findRepoRoot: no deno.json in ${resolve(start)} or any folder above it; run from inside ` +
          `the course folder, or pass an explicit path`,
      );
    }
    dir = parent;
  }
}

function isFile(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}
