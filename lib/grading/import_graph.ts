/**
 * What graded code may import, checked before it runs: `deno info --json` resolves the student
 * file's whole static import graph (and string-literal dynamic imports) in the grading copy, and
 * every module must be a TypeScript/JavaScript file in the copy's `notebooks/exercises/` (the
 * student's own files) or its lib/scratch and lib/util. Refused, with the import named: anything
 * outside (tests/solutions, tests/grading, /etc/passwd), npm:, jsr:, http(s):, data: imports,
 * JSON/text/bytes imports, and node: built-ins imported by the student's own files. Imports whose
 * specifier is computed at run time are not in the graph; the child, which has no read permission,
 * cannot load them.
 * @module
 */
import { relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { ALLOWED_LIB_DIRS, type Stage } from "./stage.ts";

interface InfoDependency {
  specifier: string;
  code?: { specifier?: string };
  type?: { specifier?: string };
  assertionType?: string;
  isDynamic?: boolean;
}
interface InfoModule {
  specifier: string;
  kind?: string;
  mediaType?: string;
  error?: string;
  dependencies?: InfoDependency[];
}

const CODE_TYPES = new Set(["TypeScript", "JavaScript", "Mts", "Mjs", "Dts", "Dmts", "TSX", "JSX"]);

function fileUrlToPath(url: string): string {
  return fileURLToPath(url);
}

/**
 * Check the grading copy's import graph.
 *
 * @param stage the grading copy
 * @returns null when every import is allowed, else a one-line, student-facing reason naming the
 *   import
 */
export async function checkImports(stage: Stage): Promise<string | null> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", "--no-config", "--no-remote", "--no-npm", stage.studentFile],
    cwd: stage.dir,
    stdout: "piped",
    stderr: "piped",
    stdin: "null",
    env: { NO_COLOR: "1" },
  }).output();
  if (!out.success) {
    const err = new TextDecoder().decode(out.stderr).trim().split("\n")[0];
    return `your file could not be analysed: ${err.slice(0, 300)}`;
  }
  let info: { roots?: string[]; modules: InfoModule[] };
  try {
    info = JSON.parse(new TextDecoder().decode(out.stdout));
  } catch {
    return "your file could not be analysed (deno info gave no JSON)";
  }
  const rel = (url: string) => {
    if (!url.startsWith("file:")) return url;
    const r = relative(stage.dir, fileUrlToPath(url)).split(sep).join("/");
    return r.startsWith("..") ? fileUrlToPath(url) : r;
  };
  const isStudent = (r: string) => r.startsWith(`${stage.studentDir}/`);
  const allowedFile = (r: string) =>
    !r.startsWith("/") && !r.startsWith("..") &&
    ((isStudent(r) && !r.slice(stage.studentDir.length + 1).includes("/")) ||
      ALLOWED_LIB_DIRS.some((d) => r.startsWith(`${d}/`)));
  const byUrl = new Map(info.modules.map((m) => [m.specifier, m]));
  const allowedList = `only your files in ${stage.studentDir}/ and ${ALLOWED_LIB_DIRS.join(", ")}`;
  // Walk breadth-first from the student's file, so the import reported is the one nearest to it
  // (deno info lists modules by URL, an order that depends on where the folders happen to be).
  const queue = [...(info.roots ?? [])].filter((u) => byUrl.has(u));
  if (queue.length === 0) queue.push(...info.modules.map((m) => m.specifier));
  const seen = new Set(queue);
  while (queue.length > 0) {
    const m = byUrl.get(queue.shift()!)!;
    const from = rel(m.specifier);
    for (const dep of m.dependencies ?? []) {
      const target = dep.code?.specifier ?? dep.type?.specifier ?? dep.specifier;
      const what = `${from} imports "${dep.specifier}"`;
      if (dep.assertionType) {
        return `${what} as ${dep.assertionType}: graded code may import only code (${allowedList})`;
      }
      if (target.startsWith("node:")) {
        if (isStudent(from)) return `${what}: graded code may not import Node built-ins`;
        continue;
      }
      if (!target.startsWith("file:")) {
        return `${what}: graded code may not import npm:, jsr: or remote modules`;
      }
      const r = rel(target);
      if (!allowedFile(r)) return `${what}, which graded code may not import (${allowedList})`;
      const mod = byUrl.get(target);
      if (mod?.error) return `${what}, which does not exist in the grading copy (${allowedList})`;
      if (mod && (mod.kind !== "esm" || !CODE_TYPES.has(mod.mediaType ?? ""))) {
        return `${what}, which is not TypeScript or JavaScript`;
      }
      if (mod && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return null;
}
