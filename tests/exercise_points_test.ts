/**
 * Every exercise's notebook heading states its points as the checks define them:
 * `**Exercise 04.2 — RNN step backward (5 points + 1 hidden).**`, or `(5 points).` when the
 * exercise has no hidden checks. The first number is the sum of the visible checks' points, the
 * second the exercise's `hiddenPoints` (tests/grading_test.ts proves that equals the hidden checks'
 * sum). Every mismatch is reported at once.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { exerciseSet, exerciseSetNames, exercisesOf } from "../lib/grading/mod.ts";
import { repoRootPath } from "../lib/util/repo_root.ts";

const HEADING = /\*\*Exercise (\d\d\.\d+) — ([^*]*?) \((\d+) points?(?: \+ (\d+) hidden)?\)\.\*\*/g;

/** The markdown text of a notebook. */
function markdownOf(path: string): string {
  const nb = JSON.parse(Deno.readTextFileSync(path)) as {
    cells: { cell_type: string; source: string | string[] }[];
  };
  return nb.cells.filter((c) => c.cell_type === "markdown")
    .map((c) => Array.isArray(c.source) ? c.source.join("") : c.source).join("\n\n");
}

Deno.test("exercise headings in the notebooks state the visible points and the hidden points", async () => {
  const root = repoRootPath();
  const problems: string[] = [];
  for (const name of await exerciseSetNames()) {
    const nbPath = join(root, "notebooks", `${name}.ipynb`);
    const md = markdownOf(nbPath);
    const headings = new Map<string, RegExpMatchArray>();
    for (const m of md.matchAll(HEADING)) headings.set(m[1], m);
    for (const ex of await exercisesOf((await exerciseSet(name)).checksUrl)) {
      const num = ex.id.split("-")[0];
      const visible = ex.checks.reduce((s, c) => s + c.points, 0);
      const want = `(${visible} point${visible === 1 ? "" : "s"}${
        ex.hiddenPoints ? ` + ${ex.hiddenPoints} hidden` : ""
      }).`;
      const m = headings.get(num);
      if (!m) {
        problems.push(`notebooks/${name}.ipynb: no heading "**Exercise ${num} — … ${want}**"`);
        continue;
      }
      const gotVisible = Number(m[3]), gotHidden = Number(m[4] ?? 0);
      if (gotVisible !== visible || gotHidden !== ex.hiddenPoints) {
        problems.push(
          `notebooks/${name}.ipynb: "${m[0]}" should say ${want} (visible checks ${visible}, ` +
            `hiddenPoints ${ex.hiddenPoints})`,
        );
      }
      headings.delete(num);
    }
    for (const [num, m] of headings) {
      problems.push(`notebooks/${name}.ipynb: "${m[0]}" names no exercise ${num} in the checks`);
    }
  }
  assert.deepEqual(
    problems,
    [],
    `exercise headings that do not match the checks:\n${problems.join("\n")}`,
  );
});
