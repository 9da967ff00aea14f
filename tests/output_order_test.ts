/**
 * Streamed output is complete before its cell ends. A browser's Run All sends every cell at once,
 * and Deno's kernel tags each queued output with the request it is running when it publishes it,
 * so a cell's last output could show at the top of the next cell, or arrive after the cell's
 * idle (the classic notebook then drops it). tests/_runall.py replays a Run All on cells that each
 * print a backlog of lines and end with one of lib/plot's helpers (`show`, a progress line's last
 * step, a text stream's flush, a live figure's flush, `busy`, `showCharHeat`), three rounds over;
 * every output must carry its own cell and arrive before that cell's idle.
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { jupyterMissing, PYTHON, ROOT, skipOutsideCi } from "./_nb.ts";

const missing = await jupyterMissing();
const LIB = `file://${join(ROOT, "lib", "plot", "mod.ts")}`;
/** The kernel runs here, inside the repository, so it finds deno.json and its imports. */
const NOTEBOOK_DIR = join(ROOT, "tests", "fixtures", "notebooks");

/** The helpers under test, each ending a cell; `K` is replaced by the cell's tag. */
const ENDINGS = [
  `await show(lineChart([{ name: "K", y: [1, 2, 3] }], { title: "K fig" }));`,
  `const pK = progressLine(3, "K"); for (let s = 1; s <= 3; s++) await pK.update({ step: s });`,
  `const tK = textStream({ header: "K" }); for (const c of "K text") await tK.write(c);
await tK.flush();`,
  `const lK = liveFigure(0); for (let k = 2; k < 5; k++) {
  await lK.update(lineChart([{ name: "K", y: [...Array(k).keys()] }], { title: "K live" }));
}
await lK.flush();`,
  `await busy("K busy", () => new Promise((r) => setTimeout(r, 30)));`,
  `await showCharHeat("K heat", [..."K heat"].map((_, i) => i / 10));`,
];

Deno.test({
  name: "Run All: every cell's outputs, lib's last ones included, land in that cell before idle",
  ignore: skipOutsideCi(missing),
  fn: async () => {
    assert.ok(!missing, missing ?? "");
    const cells = [
      `import { busy, lineChart, liveFigure, progressLine, show, showCharHeat, textStream } ` +
      `from "${LIB}";`,
    ];
    for (let round = 0; round < 3; round++) {
      ENDINGS.forEach((ending, k) => {
        const tag = `c${cells.length}`; // the cell's index, as a tag in everything it prints
        cells.push(
          `for (let i = 0; i < 60; i++) console.log("${tag} backlog " + i);\n` +
            ending.replaceAll("K", tag),
        );
        void k;
      });
    }
    const dir = await Deno.makeTempDir({ prefix: "runall-" });
    try {
      const file = join(dir, "cells.json");
      await Deno.writeTextFile(file, JSON.stringify(cells));
      const out = await new Deno.Command(PYTHON, {
        args: [join(ROOT, "tests", "_runall.py"), file, "--cwd", NOTEBOOK_DIR],
        env: { NBRUN_DENO: Deno.execPath() },
        stdout: "piped",
        stderr: "piped",
      }).output();
      const text = new TextDecoder();
      assert.ok(out.success, text.decode(out.stderr));
      const result = JSON.parse(text.decode(out.stdout)) as {
        outputs: { cell: number | null; type: string; late: boolean; text: string }[];
        errors: { cell: number; evalue: string }[];
        all_idle: boolean;
      };
      assert.deepEqual(result.errors, []);
      assert.ok(result.all_idle, "every cell finished");
      const tagged = result.outputs.filter((o) => /\bc\d+\b/.test(o.text));
      assert.ok(tagged.length > 60 * (cells.length - 1), `only ${tagged.length} outputs seen`);
      const wrong = tagged.filter((o) => o.text.match(/\bc(\d+)\b/)![1] !== String(o.cell));
      const late = tagged.filter((o) => o.late);
      const show = (os: typeof tagged) =>
        os.slice(0, 5).map((o) => `${o.type} "${o.text.slice(0, 40)}" in cell ${o.cell}`);
      assert.deepEqual(show(wrong), [], `${wrong.length} outputs landed in another cell`);
      assert.deepEqual(show(late), [], `${late.length} outputs arrived after their cell's idle`);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
