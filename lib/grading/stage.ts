/**
 * The grading copy: a temporary folder holding only what graded code may load — the student's
 * top-level `.ts` files (at their own path when they are inside the repository, e.g.
 * `tests/solutions/`, else as `notebooks/exercises/*.ts`, so their `../../lib/…` imports resolve),
 * lib/scratch, lib/util and the child's own lib/grading/child — plus a generated entry file. The
 * subprocess runs there, so a relative import of anything else finds nothing.
 * @module
 */
import { join, relative, resolve, sep } from "node:path";
import { repoRootPath } from "../util/repo_root.ts";

/** The lib folders graded code may import, relative to the repository root. */
export const ALLOWED_LIB_DIRS = ["lib/scratch", "lib/util"] as const;
/** Where a student's files from outside the repository sit in the grading copy. */
export const STAGED_EXERCISES = "notebooks/exercises";
const CHILD_DIR = "lib/grading/child";

/** A staged grading copy. */
export interface Stage {
  /** the temporary folder */
  dir: string;
  /** the entry file that serves the student module over stdin/stdout */
  entry: string;
  /** the student file in the copy */
  studentFile: string;
  /** the folder of the student's files, relative to `dir` with `/` separators */
  studentDir: string;
}

async function copyTsFiles(from: string, to: string, skipTests: boolean): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const e of Deno.readDir(from)) {
    // Regular files only: a symlink named helper.ts could point anywhere.
    if (!e.isFile || !e.name.endsWith(".ts")) continue;
    if (skipTests && e.name.endsWith("_test.ts")) continue;
    await Deno.copyFile(join(from, e.name), join(to, e.name));
  }
}

/**
 * Build the grading copy for one student file.
 *
 * @param implDir the folder holding the student's files (its top-level `.ts` files are copied)
 * @param name the exercise set, e.g. "04_rnn_bptt" (the file `<implDir>/<name>.ts`)
 * @returns the copy; remove it with {@linkcode removeStage}
 * @throws {Error} if `<implDir>/<name>.ts` is not a regular file
 */
export async function stageSubmission(implDir: string, name: string): Promise<Stage> {
  const info = await Deno.lstat(join(implDir, `${name}.ts`));
  if (!info.isFile) throw new Error(`${join(implDir, `${name}.ts`)} is not a regular file`);
  const root = repoRootPath();
  const inRepo = relative(root, resolve(implDir));
  const studentDir = inRepo && !inRepo.startsWith("..") && !inRepo.startsWith(sep)
    ? inRepo.split(sep).join("/")
    : STAGED_EXERCISES;
  const dir = await Deno.makeTempDir({ prefix: "course-grade-" });
  try {
    for (const lib of [...ALLOWED_LIB_DIRS, CHILD_DIR]) {
      await copyTsFiles(join(root, lib), join(dir, lib), true);
    }
    await copyTsFiles(implDir, join(dir, studentDir), false);
    const entry = join(dir, "entry.ts");
    const student = `./${studentDir}/${name}.ts`;
    await Deno.writeTextFile(
      entry,
      `import { serveStdio } from "./${CHILD_DIR}/stdio_main.ts";\n` +
        `await serveStdio(() => import(${JSON.stringify(student)}));\n`,
    );
    return { dir, entry, studentFile: join(dir, studentDir, `${name}.ts`), studentDir };
  } catch (err) {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
    throw err;
  }
}

/** Remove a grading copy (best effort). */
export async function removeStage(stage: Stage): Promise<void> {
  await Deno.remove(stage.dir, { recursive: true }).catch(() => {});
}

/**
 * A run folder for a check cell: only a generated entry file that serves the student module at
 * `moduleUrl` (in place, with the modules it imports) over stdin/stdout. No copy and no import
 * check: in a notebook the subprocess protects the kernel, it does not police the student.
 *
 * @param moduleUrl the student file's `file:` URL
 */
export async function entryStage(moduleUrl: string): Promise<Stage> {
  const dir = await Deno.makeTempDir({ prefix: "course-check-" });
  const entry = join(dir, "entry.ts");
  const serve = new URL("./child/stdio_main.ts", import.meta.url).href;
  await Deno.writeTextFile(
    entry,
    `import { serveStdio } from ${JSON.stringify(serve)};
` +
      `await serveStdio(() => import(${JSON.stringify(moduleUrl)}));
`,
  );
  return { dir, entry, studentFile: moduleUrl, studentDir: "" };
}
