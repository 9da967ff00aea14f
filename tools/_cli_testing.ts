/**
 * Internal, for the tools' tests: run `deno run -A tools/NAME.ts ARGS` and check that a bad command
 * line ends as the tools promise: a non-zero exit status and exactly one line on stderr that starts
 * with "✗", with no stack trace.
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { repoRootPath } from "../lib/util/repo_root.ts";

/** What a tool run printed and returned. */
export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run a tool from the repository root, with `NO_COLOR` so messages compare as plain text.
 *
 * @param tool "train" or "sample"
 * @param args its arguments
 * @param env extra environment variables
 * @returns exit status, stdout and stderr
 */
export async function runTool(
  tool: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<ToolRun> {
  const root = repoRootPath();
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(root, "tools", `${tool}.ts`), ...args],
    cwd: root,
    env: { NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

/**
 * Assert that a run failed with `code` and a single "✗ …" line on stderr matching `message`.
 *
 * @param run what {@link runTool} returned
 * @param code the expected exit status (2: bad arguments, 1: failure while running)
 * @param message what the line must say
 */
export function assertOneLineError(run: ToolRun, code: number, message: RegExp): void {
  const lines = run.stderr.trimEnd().split("\n");
  const what = `exit ${run.code}, stderr:\n${run.stderr}`;
  assert.equal(run.code, code, what);
  assert.equal(lines.length, 1, `expected one line on stderr; ${what}`);
  assert.match(lines[0], /^✗ /, what);
  assert.match(lines[0], message, what);
  assert.doesNotMatch(run.stderr, /\n\s+at |Stack backtrace|error: Uncaught/, what);
}
