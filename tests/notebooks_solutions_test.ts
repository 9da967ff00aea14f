/**
 * Every notebook with graded exercises, executed once with the reference solutions swapped in
 * (COURSE_EXERCISES_DIR=tests/solutions): every check cell must report full marks, which proves the
 * notebook's check cells and the solutions agree end to end, through the real kernel.
 * @module
 */
import assert from "node:assert/strict";
import { basename, join } from "node:path";
import {
  describeFailure,
  jupyterMissing,
  listNotebooks,
  type Notebook,
  outputText,
  ROOT,
  runNotebook,
  skipOutsideCi,
} from "./_nb.ts";
import { corpusForTests, requireCorpus } from "../lib/text/_tiny_shakespeare_testing.ts";

const missing = await jupyterMissing();
const OUT_DIR = join(ROOT, "out", "notebooks-solutions");
/** A check cell: one that ends by showing a check table (`await check(…)` at the start of a line). */
const CHECK_CALL = /^await check\(/m;
/** What a cell prints when it uses a student function that is not finished. */
const UNFINISHED = /not implemented|not ready yet|first finish in/;
// Notebooks that load Tiny Shakespeare get it through the loader; see tests/notebooks_test.ts.
const usesCorpus = (path: string) => Deno.readTextFileSync(path).includes("loadTinyShakespeare");
const corpus = listNotebooks().some(usesCorpus)
  ? await corpusForTests("tests/notebooks_solutions_test.ts")
  : undefined;

function sourceOf(cell: { source: string | string[] }): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

for (const path of listNotebooks()) {
  const nb = JSON.parse(Deno.readTextFileSync(path)) as Notebook;
  const checkCells = nb.cells.filter((c) => c.cell_type === "code" && CHECK_CALL.test(sourceOf(c)));
  if (checkCells.length === 0) continue;
  const name = basename(path);
  Deno.test({
    name: `notebook ${name} with the reference solutions: every check cell reports full marks`,
    ignore: skipOutsideCi(missing) || (usesCorpus(path) && corpus!.ignore),
    fn: async () => {
      if (usesCorpus(path)) requireCorpus(corpus!);
      const out = join(OUT_DIR, name);
      const { summary, stderr } = await runNotebook(path, {
        quick: true,
        timeoutS: 300,
        out,
        env: { COURSE_EXERCISES_DIR: join(ROOT, "tests", "solutions") },
      });
      assert.equal(summary.status, "ok", `${describeFailure(summary)}\n\nrunner log:\n${stderr}`);
      const done = JSON.parse(await Deno.readTextFile(out)) as Notebook;
      const reports = done.cells
        .filter((c) => c.cell_type === "code" && CHECK_CALL.test(sourceOf(c)))
        .map((c) => (c.outputs ?? []).map(outputText).join("\n"));
      assert.equal(reports.length, checkCells.length);
      reports.forEach((text, i) => {
        assert.match(
          text,
          /score (\d+)\/\1 — full marks/,
          `check cell ${i + 1} of ${name}:\n${text}`,
        );
      });
      // Cells that use the student's functions directly (e.g. 07's "your own layers train the
      // model") must find them finished too.
      done.cells.forEach((c, i) => {
        const text = (c.outputs ?? []).map(outputText).join("\n");
        assert.doesNotMatch(text, UNFINISHED, `cell ${i} of ${name} found an unfinished exercise`);
      });
    },
  });
}
