/**
 * Every notebook in notebooks/ runs top to bottom on the real Deno Jupyter kernel, in quick mode
 * (COURSE_QUICK=1), within a per-notebook time limit. The notebooks are discovered when the test
 * file loads, so a new notebook is tested without touching this file. A failure names the notebook,
 * the cell and the error; the executed copies are kept in out/notebooks/ for inspection.
 * @module
 */
import assert from "node:assert/strict";
import { basename, join } from "node:path";
import {
  describeFailure,
  jupyterMissing,
  listNotebooks,
  NOTEBOOKS_DIR,
  ROOT,
  runNotebook,
  skipOutsideCi,
} from "./_nb.ts";
import { corpusForTests, requireCorpus } from "../lib/text/_tiny_shakespeare_testing.ts";

/** Seconds one notebook may take in quick mode (the whole suite must stay fast in CI). */
const QUICK_LIMIT_S = 300;
const OUT_DIR = join(ROOT, "out", "notebooks");

const missing = await jupyterMissing();
if (missing) {
  console.warn(
    `notebooks_test: ${skipOutsideCi(missing) ? "SKIPPED" : "FAILS (CI is set)"}, ${missing}`,
  );
}
const notebooks = listNotebooks();
// A notebook that loads Tiny Shakespeare gets it through the same loader (TINY_SHAKESPEARE_PATH,
// the data/ cache, or one download); without it, it is skipped outside CI with the reason printed.
const usesCorpus = (path: string) => Deno.readTextFileSync(path).includes("loadTinyShakespeare");
const corpus = notebooks.some(usesCorpus)
  ? await corpusForTests("tests/notebooks_test.ts")
  : undefined;

Deno.test("notebooks/ holds the course notebooks", () => {
  assert.ok(notebooks.length > 0, `no .ipynb files in ${NOTEBOOKS_DIR}`);
});

for (const path of notebooks) {
  const name = basename(path);
  Deno.test({
    name: `notebook ${name} runs top to bottom in quick mode`,
    ignore: skipOutsideCi(missing) || (usesCorpus(path) && corpus!.ignore),
    fn: async () => {
      assert.equal(missing, undefined, missing ?? "");
      if (usesCorpus(path)) requireCorpus(corpus!);
      const { summary, stderr } = await runNotebook(path, {
        quick: true,
        timeoutS: QUICK_LIMIT_S,
        out: join(OUT_DIR, name),
      });
      console.log(
        `${name}: ${summary.status}, kernel start ${summary.kernel_start_s ?? "-"} s, ` +
          `cells ${summary.cells_s} s, total ${summary.total_s} s, ${summary.outputs} outputs`,
      );
      const log = stderr.trimEnd().split("\n").slice(-30).join("\n");
      assert.equal(
        summary.status,
        "ok",
        `${describeFailure(summary)}\n\nrunner log (end):\n${log}`,
      );
    },
  });
}
