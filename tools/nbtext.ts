/**
 * Author notebooks as plain text: `deno run -A tools/nbtext.ts SRC.txt OUT.ipynb` turns a text file
 * whose cells start with a line `%% md` or `%% code` into a Deno-kernel notebook with no outputs
 * (what the repo commits; CI executes them). `--reverse OUT.ipynb` prints a notebook back as text,
 * so an instructor can edit either form.
 */

/** The kernelspec and language info of every course notebook. */
export const DENO_METADATA = {
  kernelspec: { display_name: "Deno", language: "typescript", name: "deno" },
  language_info: {
    codemirror_mode: "typescript",
    file_extension: ".ts",
    mimetype: "text/x.typescript",
    name: "typescript",
    nbconvert_exporter: "script",
    pygments_lexer: "typescript",
  },
};

interface Cell {
  cell_type: "markdown" | "code";
  metadata: Record<string, unknown>;
  source: string[];
  outputs?: unknown[];
  execution_count?: null;
}

function toSource(lines: string[]): string[] {
  while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
  while (lines.length && lines[0].trim() === "") lines.shift();
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l));
}

/**
 * Parse the text form into notebook JSON.
 *
 * @param text cells, each opened by a `%% md` or `%% code` line
 * @returns an nbformat 4 notebook with empty outputs
 */
export function textToNotebook(text: string): Record<string, unknown> {
  const cells: Cell[] = [];
  let kind: "md" | "code" | undefined;
  let buf: string[] = [];
  const flush = () => {
    if (!kind) return;
    const source = toSource(buf);
    cells.push(
      kind === "md"
        ? { cell_type: "markdown", metadata: {}, source }
        : { cell_type: "code", metadata: {}, source, outputs: [], execution_count: null },
    );
  };
  for (const line of text.split("\n")) {
    const m = line.match(/^%% (md|code)\s*$/);
    if (m) {
      flush();
      kind = m[1] as "md" | "code";
      buf = [];
    } else buf.push(line);
  }
  flush();
  return { cells, metadata: DENO_METADATA, nbformat: 4, nbformat_minor: 5 };
}

/**
 * Print a notebook in the text form.
 *
 * @param nb notebook JSON
 */
export function notebookToText(
  nb: { cells: { cell_type: string; source: string | string[] }[] },
): string {
  return nb.cells.map((c) => {
    const src = Array.isArray(c.source) ? c.source.join("") : c.source;
    return `%% ${c.cell_type === "markdown" ? "md" : "code"}\n${src}\n`;
  }).join("\n");
}

if (import.meta.main) {
  const [a, b] = Deno.args;
  if (a === "--reverse" && b) {
    console.log(notebookToText(JSON.parse(await Deno.readTextFile(b))));
  } else if (a && b) {
    const nb = textToNotebook(await Deno.readTextFile(a));
    // Stable ids keep diffs small.
    (nb.cells as Record<string, unknown>[]).forEach((
      c,
      i,
    ) => (c.id = `cell-${String(i).padStart(3, "0")}`));
    const tmp = `${b}.tmp`;
    await Deno.writeTextFile(tmp, JSON.stringify(nb, null, 1) + "\n");
    await Deno.rename(tmp, b);
    console.log(`wrote ${b} (${(nb.cells as unknown[]).length} cells)`);
  } else {
    console.error("usage: deno run -A tools/nbtext.ts SRC.txt OUT.ipynb | --reverse NB.ipynb");
    Deno.exit(2);
  }
}
