/**
 * Shared by the notebook tests: run a notebook through tools/nbrun.py (re-exported from
 * tools/nb.ts), build small notebooks in code, read their outputs, and find out whether the
 * Jupyter client and Chromium are installed (the tests skip, saying why, only when they are not;
 * CI installs both).
 * @module
 */
import { PYTHON } from "../tools/nb.ts";

export {
  describeFailure,
  listNotebooks,
  type NbSummary,
  NOTEBOOKS_DIR,
  PYTHON,
  ROOT,
  runNotebook,
} from "../tools/nb.ts";

/** The Chromium binary the render test drives. */
export const CHROMIUM: string = Deno.env.get("CHROMIUM") ?? "/usr/bin/chromium";

/** One output of an executed notebook cell (nbformat v4). */
export interface NbOutput {
  output_type: "stream" | "display_data" | "execute_result" | "error";
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
}

/** One notebook cell (nbformat v4). */
export interface NbCell {
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  outputs?: NbOutput[];
  execution_count?: number | null;
  metadata?: Record<string, unknown>;
}

/** An nbformat v4 notebook. */
export interface Notebook {
  cells: NbCell[];
  metadata: Record<string, unknown>;
  nbformat: 4;
  nbformat_minor: number;
}

/**
 * A Deno-kernel notebook from code-cell sources (a string starting with "# " becomes markdown).
 *
 * @param sources one string per cell
 * @returns the notebook, ready for `JSON.stringify`
 */
export function makeNotebook(sources: string[]): Notebook {
  return {
    cells: sources.map((s): NbCell =>
      s.startsWith("# ")
        ? { cell_type: "markdown", source: s, metadata: {} }
        : { cell_type: "code", source: s, outputs: [], execution_count: null, metadata: {} }
    ),
    metadata: {
      kernelspec: { name: "deno", display_name: "Deno", language: "typescript" },
      language_info: { name: "typescript" },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

// deno-lint-ignore no-control-regex -- Deno's kernel colours text/plain results with ANSI escapes
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

/**
 * All the text of one output: stream text, and every string-valued MIME entry, ANSI stripped.
 *
 * @param o an output
 * @returns the text, entries joined by newlines
 */
export function outputText(o: NbOutput): string {
  const join = (t: unknown) => Array.isArray(t) ? t.join("") : String(t);
  const parts = o.text !== undefined ? [join(o.text)] : [];
  for (const v of Object.values(o.data ?? {})) {
    if (typeof v === "string" || Array.isArray(v)) parts.push(join(v));
  }
  if (o.ename) parts.push(`${o.ename}: ${o.evalue}`);
  return parts.join("\n").replace(ANSI, "");
}

async function runs(cmd: string, args: string[]): Promise<boolean> {
  try {
    const out = await new Deno.Command(cmd, { args, stdout: "null", stderr: "null" }).output();
    return out.success;
  } catch {
    return false;
  }
}

/**
 * Whether a test needing `reason`'s tools should be ignored: only outside CI. With `CI` set (CI
 * installs everything), the test runs and fails with the reason instead of passing silently.
 *
 * @param reason what is missing, or undefined
 * @returns the value for `Deno.test`'s `ignore`
 */
export function skipOutsideCi(reason: string | undefined): boolean {
  if (reason === undefined) return false;
  const ci = Deno.env.get("CI");
  return !ci || ci === "0" || ci === "false";
}

/**
 * Why notebooks cannot run here, or undefined when they can.
 *
 * @returns a reason naming what is missing and how to install it
 */
export async function jupyterMissing(): Promise<string | undefined> {
  if (!await runs(PYTHON, ["-c", "import jupyter_client, nbformat"])) {
    return `${PYTHON} lacks jupyter_client/nbformat (Debian: apt-get install python3-jupyter-client python3-nbformat)`;
  }
  return undefined;
}

/**
 * Why the render check cannot run here (no nbconvert or no Chromium), or undefined when it can.
 *
 * @returns a reason naming what is missing
 */
export async function renderMissing(): Promise<string | undefined> {
  const jup = await jupyterMissing();
  if (jup) return jup;
  if (!await runs(PYTHON, ["-c", "import nbconvert"])) {
    return `${PYTHON} lacks nbconvert (Debian: apt-get install jupyter-nbconvert)`;
  }
  if (!await runs(CHROMIUM, ["--version"])) {
    return `${CHROMIUM} is missing (Debian: apt-get install chromium)`;
  }
  return undefined;
}
