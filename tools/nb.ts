/**
 * `deno task nb [names...] [--quick] [--out-dir DIR] [--timeout S]`: execute the course notebooks
 * headlessly on the real Deno Jupyter kernel, through tools/nbrun.py (a jupyter_client driver that
 * keeps the outputs Deno publishes after `status: idle`), and print a table of notebook, status and
 * seconds. With no names it runs every `notebooks/*.ipynb` in order; a name may be a prefix ("01"),
 * a file name or a path. Source notebooks are never modified; `--out-dir` keeps executed copies.
 * tests/notebooks_test.ts runs the same code in quick mode.
 * @module
 */
import { parseArgs } from "node:util";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The Python that has jupyter_client (Debian's, not a pyenv `python3` on PATH). */
export const PYTHON: string = Deno.env.get("NBRUN_PYTHON") ?? "/usr/bin/python3";
/** The repository root (this file sits in tools/). */
export const ROOT: string = fileURLToPath(new URL("..", import.meta.url));
/** tools/nbrun.py, the runner. */
export const NBRUN: string = join(ROOT, "tools", "nbrun.py");
/** The folder the course notebooks live in. */
export const NOTEBOOKS_DIR: string = join(ROOT, "notebooks");

/** Where a failing cell is and what it raised (fields of nbrun.py's `--json` summary). */
export interface NbError {
  cell?: number;
  code_cell?: number;
  kind: string;
  ename: string;
  evalue: string;
  traceback: string;
  source?: string;
}

/** nbrun.py's `--json` summary of one run. */
export interface NbSummary {
  notebook: string;
  status: "ok" | "error" | "timeout" | "kernel died" | "kernel failed to start" | string;
  quick: boolean;
  cells: { cell: number; code_cell: number; seconds: number }[];
  kernel_start_s?: number;
  kernel_version?: string;
  /** kernel_info requests sent until iopub was proven connected (usually 1) */
  kernel_info_tries?: number;
  error?: NbError;
  /** messages that arrived after their cell's status: idle */
  late_messages: number;
  /** outputs Deno tagged with a barrier or a later request, routed to their own cell */
  rerouted_messages: number;
  outputs: number;
  cells_s: number;
  shutdown_s: number;
  total_s: number;
  overhead_s: number;
  timeout_s: number;
  out?: string;
}

/** Options of one notebook run. */
export interface RunOptions {
  /** set COURSE_QUICK=1 in the kernel */
  quick?: boolean;
  /** seconds for the whole notebook (default 600) */
  timeoutS?: number;
  /** write the executed notebook here */
  out?: string;
  /** pass the runner's progress lines (stderr) through instead of capturing them */
  inheritStderr?: boolean;
  /** extra environment variables for the runner and the kernel */
  env?: Record<string, string>;
}

/** The result of one run: the summary, the exit code and the runner's captured stderr. */
export interface RunResult {
  summary: NbSummary;
  code: number;
  stderr: string;
  /** wall time of the whole runner process, seen from Deno */
  wallS: number;
}

/**
 * Execute one notebook through nbrun.py and parse its summary.
 *
 * @param path the .ipynb file (the kernel runs in its folder)
 * @param opts quick mode, time limit, output path
 * @returns summary, exit code, stderr and wall time
 * @throws {Error} when the runner itself crashes (no JSON summary on stdout)
 * @example Run the tour in quick mode
 * ```ts ignore
 * const { summary } = await runNotebook("notebooks/00_tour.ipynb", { quick: true });
 * console.log(summary.status, summary.total_s);
 * ```
 */
export async function runNotebook(path: string, opts: RunOptions = {}): Promise<RunResult> {
  const args = [NBRUN, path, "--json", "--timeout", String(opts.timeoutS ?? 600)];
  if (opts.quick) args.push("--quick");
  if (opts.out) args.push("--out", opts.out);
  const t0 = performance.now();
  const out = await new Deno.Command(PYTHON, {
    args,
    env: { NBRUN_DENO: Deno.execPath(), ...opts.env }, // the kernel runs on the Deno running this
    stdout: "piped",
    stderr: opts.inheritStderr ? "inherit" : "piped",
  }).output();
  const wallS = (performance.now() - t0) / 1000;
  const stdout = new TextDecoder().decode(out.stdout).trim();
  const stderr = opts.inheritStderr ? "" : new TextDecoder().decode(out.stderr);
  const line = stdout.split("\n").pop() ?? "";
  if (!line.startsWith("{")) {
    throw new Error(`runNotebook: nbrun.py exited ${out.code} without a summary\n${stderr}`);
  }
  return { summary: JSON.parse(line) as NbSummary, code: out.code, stderr, wallS };
}

/**
 * A failure message naming the notebook, the cell and the error, with the traceback.
 *
 * @param s a summary whose status is not "ok"
 * @returns several lines of text
 */
export function describeFailure(s: NbSummary): string {
  const e = s.error;
  if (!e) return `${s.notebook}: ${s.status}`;
  const where = e.cell ? `cell ${e.cell} (code cell ${e.code_cell})` : "kernel start";
  const lines = s.status === "timeout"
    ? [`${s.notebook}: time limit of ${s.timeout_s} s passed while running ${where} (${e.evalue})`]
    : [`${s.notebook}: ${where}: ${e.ename}: ${e.evalue}`];
  if (e.traceback) lines.push(e.traceback);
  if (e.source) lines.push("--- cell source ---", e.source);
  return lines.join("\n");
}

/**
 * The course notebooks, sorted by name.
 *
 * @param dir the folder to list (default notebooks/)
 * @returns absolute paths of its `*.ipynb` files
 */
export function listNotebooks(dir: string = NOTEBOOKS_DIR): string[] {
  const names: string[] = [];
  for (const e of Deno.readDirSync(dir)) {
    if (e.isFile && e.name.endsWith(".ipynb")) names.push(e.name);
  }
  return names.sort().map((n) => join(dir, n));
}

/**
 * Turn command-line names into notebook paths: an existing path, a file name in notebooks/, or a
 * prefix such as "01" (every notebook whose name starts with it).
 *
 * @param names what the user typed
 * @returns absolute paths, in the order given
 * @throws {RangeError} when a name matches nothing
 */
export function resolveNotebooks(names: string[]): string[] {
  if (names.length === 0) return listNotebooks();
  const all = listNotebooks();
  return names.flatMap((name) => {
    try {
      if (Deno.statSync(name).isFile) return [resolve(name)];
    } catch { /* not a path: try a name below */ }
    const hits = all.filter((p) => basename(p).startsWith(name));
    if (hits.length === 0) {
      const known = all.map((p) => basename(p)).join(", ") || "none";
      throw new RangeError(`resolveNotebooks: no notebook matches "${name}" (have: ${known})`);
    }
    return hits;
  });
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      quick: { type: "boolean", default: false },
      "out-dir": { type: "string" },
      timeout: { type: "string", default: "600" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log("usage: deno task nb [names...] [--quick] [--out-dir DIR] [--timeout SECONDS]");
    return 0;
  }
  let paths: string[];
  try {
    paths = resolveNotebooks(positionals);
  } catch (e) {
    console.error(e instanceof RangeError ? e.message : e);
    return 2;
  }
  const rows: [string, string, string][] = [];
  let failed = 0;
  for (const path of paths) {
    const out = values["out-dir"] ? join(values["out-dir"], basename(path)) : undefined;
    const { summary } = await runNotebook(path, {
      quick: values.quick,
      timeoutS: Number(values.timeout),
      out,
      inheritStderr: true,
    });
    if (summary.status !== "ok") failed++;
    rows.push([basename(path), summary.status, summary.total_s.toFixed(1)]);
  }
  const head: [string, string, string] = ["notebook", "status", "seconds"];
  const w = [0, 1, 2].map((i) => Math.max(...[head, ...rows].map((r) => r[i].length)));
  for (const r of [head, ...rows]) {
    console.log(`${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padStart(w[2])}`);
  }
  console.log(`${paths.length - failed}/${paths.length} notebooks ok`);
  return failed === 0 ? 0 : 1;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
