/**
 * `deno task release OUT`: write the students' copy of the course to the folder OUT (nbgrader's
 * release): every file of the repository (tracked or new, as `git ls-files` lists them) except the
 * reference solutions (tests/solutions/), the planted wrong answers (tests/wrong/), the hidden
 * checks (tests/grading/) and the tests that need them. Exercises keep their `hiddenPoints`, so
 * check cells still announce the hidden points. OUT must not exist or be empty.
 */
import { dirname, join, relative, resolve } from "node:path";
import { repoRootPath } from "../lib/util/repo_root.ts";

/** Folders left out of the students' copy. */
export const INSTRUCTOR_DIRS = ["tests/solutions/", "tests/wrong/", "tests/grading/"];
/** Tests left out because they need the folders above (or test this tool). */
export const INSTRUCTOR_TESTS = [
  "tests/grading_test.ts",
  "tests/notebooks_solutions_test.ts",
  "tests/release_test.ts",
];

/** Whether a repository path belongs in the students' copy. */
export function isReleased(path: string): boolean {
  return !INSTRUCTOR_DIRS.some((d) => path.startsWith(d)) && !INSTRUCTOR_TESTS.includes(path);
}

/** A `.gitignore` line as a test on a repository path (the simple patterns this repo uses). */
function ignoreRule(
  line: string,
): { negate: boolean; test: (path: string, isDir: boolean) => boolean } | null {
  let p = line.trim();
  if (p === "" || p.startsWith("#")) return null;
  const negate = p.startsWith("!");
  if (negate) p = p.slice(1);
  const anchored = p.startsWith("/") || p.slice(0, -1).includes("/");
  const dirOnly = p.endsWith("/");
  p = p.replace(/^\//, "").replace(/\/$/, "");
  const glob = new RegExp(
    "^" + p.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]") +
      (dirOnly ? "/" : "(/|$)"),
  );
  const test = (path: string, isDir: boolean) => {
    if (dirOnly && !isDir) return false;
    const target = dirOnly ? `${path}/` : path;
    if (anchored) return glob.test(target);
    const parts = target.split("/");
    return parts.some((_, i) => glob.test(parts.slice(i).join("/")));
  };
  return { negate, test };
}

/**
 * Every file under `root` that `.gitignore` keeps, for a copy without git (e.g. a zip download).
 *
 * @param root the repository folder
 * @returns repository paths, sorted
 */
export async function walkFiles(root: string): Promise<string[]> {
  const text = await Deno.readTextFile(join(root, ".gitignore")).catch(() => "");
  const rules = text.split("\n").map(ignoreRule).filter((r) => r !== null);
  const ignored = (path: string, isDir: boolean) => {
    let out = false;
    for (const r of rules) if (r.test(path, isDir)) out = !r.negate;
    return out;
  };
  const files: string[] = [];
  const walk = async (dir: string) => {
    for await (const e of Deno.readDir(join(root, dir))) {
      const path = dir ? `${dir}/${e.name}` : e.name;
      if (e.name === ".git") continue;
      if (e.isDirectory) {
        if (!ignored(path, true)) await walk(path);
      } else if (e.isFile && !ignored(path, false)) files.push(path);
    }
  };
  await walk("");
  return files.sort();
}

/** The repository's files: git's list when git is there, else a walk that honours .gitignore. */
async function repoFiles(root: string): Promise<string[]> {
  const out = await new Deno.Command("git", {
    args: ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    cwd: root,
    stdout: "piped",
    stderr: "piped",
  }).output().catch(() => null);
  if (!out?.success) return await walkFiles(root);
  return new TextDecoder().decode(out.stdout).split("\0").filter(Boolean).sort();
}

/**
 * Write the students' copy.
 *
 * @param outDir the destination (must not exist, or be empty)
 * @returns the files written and the files left out, as repository paths
 * @throws {Error} if OUT is a non-empty folder, a file, or inside the repository
 */
export async function release(outDir: string): Promise<{ written: string[]; omitted: string[] }> {
  const root = repoRootPath();
  const out = resolve(outDir);
  const rel = relative(root, out);
  if (rel === "" || (!rel.startsWith("..") && !rel.startsWith("/"))) {
    throw new Error(`OUT must be outside the repository, got ${outDir}`);
  }
  const info = await Deno.stat(out).catch(() => null);
  if (info && !info.isDirectory) throw new Error(`${outDir} exists and is not a folder`);
  if (info) {
    for await (const _ of Deno.readDir(out)) throw new Error(`${outDir} is not empty`);
  }
  const written: string[] = [], omitted: string[] = [];
  for (const path of await repoFiles(root)) {
    const src = join(root, path);
    const stat = await Deno.lstat(src).catch(() => null);
    if (!stat?.isFile) continue; // deleted in the working tree, or a link
    if (!isReleased(path)) {
      omitted.push(path);
      continue;
    }
    await Deno.mkdir(dirname(join(out, path)), { recursive: true });
    await Deno.copyFile(src, join(out, path));
    written.push(path);
  }
  return { written, omitted };
}

if (import.meta.main) {
  const usage =
    "usage: deno task release OUT   (OUT: a new or empty folder outside the repository)";
  if (Deno.args.length !== 1 || Deno.args[0].startsWith("-")) {
    console.error(Deno.args.includes("--help") ? usage : `release: expected one folder\n${usage}`);
    Deno.exit(Deno.args.includes("--help") ? 0 : 2);
  }
  try {
    const { written, omitted } = await release(Deno.args[0]);
    console.log(`wrote ${written.length} files to ${Deno.args[0]}; left out ${omitted.length}:`);
    for (const d of [...INSTRUCTOR_DIRS, ...INSTRUCTOR_TESTS]) {
      const n = omitted.filter((p) => p.startsWith(d)).length;
      if (n) console.log(`  ${d} (${n} file${n === 1 ? "" : "s"})`);
    }
  } catch (err) {
    console.error(`release: ${(err as Error).message}`);
    Deno.exit(1);
  }
}
