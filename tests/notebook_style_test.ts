/**
 * How every notebook is written (the developers' guide): code lines of at most 100 characters (so
 * nothing is cut off in rendered HTML), a markdown cell before every code cell, no committed
 * outputs, and the Deno kernelspec.
 * @module
 */
import assert from "node:assert/strict";
import { basename } from "node:path";
import { listNotebooks } from "./_nb.ts";

interface Cell {
  cell_type: string;
  source: string[] | string;
  outputs?: unknown[];
}

const MAX_LINE = 100;

for (const path of listNotebooks()) {
  const name = basename(path);
  const nb = JSON.parse(Deno.readTextFileSync(path)) as {
    cells: Cell[];
    metadata: { kernelspec?: { name?: string } };
  };
  const src = (c: Cell) => Array.isArray(c.source) ? c.source.join("") : c.source;

  Deno.test(`notebook ${name}: code lines are at most ${MAX_LINE} characters`, () => {
    const long: string[] = [];
    nb.cells.forEach((c, i) => {
      if (c.cell_type !== "code") return;
      src(c).split("\n").forEach((line, j) => {
        if ([...line].length > MAX_LINE) {
          long.push(`cell ${i} line ${j + 1} (${[...line].length}): ${line.slice(0, 60)}…`);
        }
      });
    });
    assert.deepEqual(long, [], `${long.length} long lines in ${name}`);
  });

  Deno.test(`notebook ${name}: a markdown cell before every code cell, no stored outputs`, () => {
    const bad: string[] = [];
    nb.cells.forEach((c, i) => {
      if (c.cell_type !== "code") return;
      if (i === 0 || nb.cells[i - 1].cell_type !== "markdown") {
        bad.push(`cell ${i} follows a ${i === 0 ? "nothing" : nb.cells[i - 1].cell_type} cell`);
      }
      if ((c.outputs ?? []).length > 0) bad.push(`cell ${i} has stored outputs`);
    });
    assert.deepEqual(bad, []);
    assert.equal(nb.metadata.kernelspec?.name, "deno");
  });
}
