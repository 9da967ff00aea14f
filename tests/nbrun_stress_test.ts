/**
 * tools/nbrun.py loses no output. Deno 2.8-2.9 publish some of a cell's outputs after the cell's
 * `status: idle` (stock nbconvert lost 60-157 of 600 outputs of a 200-cell notebook on 2.9.6) and
 * may tag a late one with the next cell's request, so a stress notebook of 200 cells, each printing
 * and displaying known unique values, runs several times and every value must appear exactly once,
 * in its own cell. A display created with a display id and updated by later
 * cells must end with the last update. Smaller notebooks check the runner's other promises: quick
 * mode, the kernel's folder, a timer's late print, the failing cell's report and the time limit;
 * synthetic messages check what other Deno versions send (tests/fixtures/notebooks/).
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  jupyterMissing,
  makeNotebook,
  type Notebook,
  outputText,
  PYTHON,
  ROOT,
  runNotebook,
  skipOutsideCi,
} from "./_nb.ts";

const CELLS = 200;
const RUNS = 5;
const LIVE_CREATE = 10; // the cell that creates the display with an id
const LIVE_UPDATES = [60, 130, CELLS - 1]; // the cells that update it; the last one wins

const missing = await jupyterMissing();
if (missing) {
  console.warn(
    `nbrun_stress_test: ${skipOutsideCi(missing) ? "SKIPPED" : "FAILS (CI is set)"}, ${missing}`,
  );
}

/** Cell i's code, and the tokens it must leave in its own outputs. */
function stressCell(run: number, i: number): { code: string; tokens: string[] } {
  const tok = (kind: string) => `nbstress-r${run}-c${i}-${kind}`;
  const lines = [`console.log("${tok("log")}");`];
  const tokens = [tok("log")];
  if (i % 5 === 4) lines.push(`console.error("${tok("err")}");`), tokens.push(tok("err"));
  if (i % 3 === 0) {
    lines.push(`await Deno.jupyter.display({ "text/plain": "${tok("txt")}" }, { raw: true });`);
    tokens.push(tok("txt"));
  } else if (i % 3 === 1) {
    lines.push(
      `await Deno.jupyter.display({ "text/html": "<b>${tok("html")}</b>" }, { raw: true });`,
    );
    tokens.push(tok("html"));
  }
  const live = (v: number, update: boolean) =>
    `await Deno.jupyter.display({ "text/plain": "nbstress-r${run}-live-v${v}" }, ` +
    `{ raw: true, display_id: "nbstress-live", update: ${update} });`;
  if (i === LIVE_CREATE) lines.push(live(0, false));
  const u = LIVE_UPDATES.indexOf(i);
  if (u >= 0) lines.push(live(u + 1, true));
  if (i % 2 === 0) lines.push(`"${tok("expr")}"`), tokens.push(tok("expr"));
  return { code: lines.join("\n"), tokens };
}

/** Count, per run, the expected tokens found exactly once in their own cell. */
function checkStress(nb: Notebook, run: number, expected: string[][]) {
  const codeCells = nb.cells.filter((c) => c.cell_type === "code");
  const seen = new Map<string, number[]>(); // token -> cells it appeared in (once per appearance)
  codeCells.forEach((c, i) => {
    const text = (c.outputs ?? []).map(outputText).join("\n");
    for (const m of text.matchAll(/nbstress-r\d+-(c\d+-\w+|live-v\d+)/g)) {
      seen.set(m[0], [...(seen.get(m[0]) ?? []), i]);
    }
  });
  const problems: string[] = [];
  let found = 0;
  expected.forEach((tokens, i) =>
    tokens.forEach((t) => {
      const where = seen.get(t) ?? [];
      if (where.length === 1 && where[0] === i) found++;
      else problems.push(`${t}: expected once in code cell ${i + 1}, found in [${where}]`);
    })
  );
  const final = `nbstress-r${run}-live-v${LIVE_UPDATES.length}`;
  const liveSeen = [...seen.keys()].filter((k) => k.includes("-live-"));
  if (liveSeen.length !== 1 || seen.get(final)?.join() !== String(LIVE_CREATE)) {
    problems.push(
      `display id: expected only ${final} in code cell ${LIVE_CREATE + 1}, got ${liveSeen}`,
    );
  }
  return { found, problems };
}

Deno.test({
  name: "nbrun.py keeps every output of a 200-cell notebook, run after run",
  ignore: skipOutsideCi(missing),
  fn: async () => {
    assert.equal(missing, undefined, missing ?? "");
    const dir = await Deno.makeTempDir({ prefix: "nbstress-" });
    try {
      for (let run = 1; run <= RUNS; run++) {
        const cells = Array.from({ length: CELLS }, (_, i) => stressCell(run, i));
        const src = join(dir, `stress_${run}.ipynb`), out = join(dir, `stress_${run}.out.ipynb`);
        await Deno.writeTextFile(src, JSON.stringify(makeNotebook(cells.map((c) => c.code))));
        const { summary, wallS } = await runNotebook(src, { out, timeoutS: 120 });
        assert.equal(summary.status, "ok", JSON.stringify(summary.error));
        const nb = JSON.parse(await Deno.readTextFile(out)) as Notebook;
        const expected = cells.map((c) => c.tokens);
        const total = expected.flat().length;
        const { found, problems } = checkStress(nb, run, expected);
        console.log(
          `run ${run}: ${found}/${total} outputs found, ${summary.late_messages} arrived after ` +
            `idle, ${summary.rerouted_messages} rerouted; kernel start ${summary.kernel_start_s} s, cells ${summary.cells_s} s, ` +
            `runner ${summary.total_s} s (overhead ${summary.overhead_s} s), wall ${
              wallS.toFixed(2)
            } s`,
        );
        assert.deepEqual(problems, [], `run ${run}: ${problems.length} problems`);
        assert.equal(found, total);
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "nbrun.py routes messages other Deno versions send (transient null, early updates)",
  ignore: skipOutsideCi(missing),
  fn: async () => {
    assert.equal(missing, undefined, missing ?? "");
    const script = join(ROOT, "tests", "fixtures", "notebooks", "nbrun_routing_check.py");
    const out = await new Deno.Command(PYTHON, { args: [script] }).output();
    const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
    assert.ok(out.success, text);
    assert.match(text, /^ok \d+ checks/);
  },
});

Deno.test({
  name: "nbrun.py runs the kernel in the notebook's folder, in quick mode, and keeps timer output",
  ignore: skipOutsideCi(missing),
  fn: async () => {
    assert.equal(missing, undefined, missing ?? "");
    const dir = await Deno.makeTempDir({ prefix: "nbbasic-" });
    try {
      const src = join(dir, "basic.ipynb"), out = join(dir, "basic.out.ipynb");
      await Deno.writeTextFile(
        src,
        JSON.stringify(makeNotebook([
          "# Basics",
          'console.log(`cwd=${Deno.cwd()} quick=${Deno.env.get("COURSE_QUICK")}`)',
          "",
          'setTimeout(() => console.log("timer-done"), 50); "started"',
        ])),
      );
      const { summary } = await runNotebook(src, { out, quick: true, timeoutS: 60 });
      assert.equal(summary.status, "ok", JSON.stringify(summary.error));
      const nb = JSON.parse(await Deno.readTextFile(out)) as Notebook;
      const text = nb.cells.map((c) => (c.outputs ?? []).map(outputText).join("\n"));
      assert.equal(text[1].trim(), `cwd=${await Deno.realPath(dir)} quick=1`);
      assert.equal(text[2], "");
      assert.match(text[3], /timer-done/);
      assert.equal(nb.cells[1].execution_count, 1);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "nbrun.py names the failing cell and its error, and stops at the time limit",
  ignore: skipOutsideCi(missing),
  fn: async () => {
    assert.equal(missing, undefined, missing ?? "");
    const dir = await Deno.makeTempDir({ prefix: "nbfail-" });
    try {
      const bad = join(dir, "bad.ipynb"), out = join(dir, "bad.out.ipynb");
      await Deno.writeTextFile(
        bad,
        JSON.stringify(makeNotebook([
          "# Fails in code cell 2",
          'console.log("before")',
          'function f(): never { throw new TypeError("nbfail boom"); }\nf()',
          'console.log("never runs")',
        ])),
      );
      const r = await runNotebook(bad, { out, timeoutS: 60 });
      assert.equal(r.code, 1);
      assert.equal(r.summary.status, "error");
      assert.deepEqual(
        [r.summary.error?.cell, r.summary.error?.code_cell, r.summary.error?.ename],
        [3, 2, "TypeError"],
      );
      assert.match(r.summary.error?.evalue ?? "", /nbfail boom/);
      assert.match(r.stderr, /FAILED .*bad\.ipynb: cell 3 \(code cell 2\): TypeError: nbfail boom/);
      const nb = JSON.parse(await Deno.readTextFile(out)) as Notebook;
      assert.match(outputText(nb.cells[1].outputs![0]), /before/);
      assert.deepEqual(nb.cells[3].outputs, []);

      const slow = join(dir, "slow.ipynb");
      await Deno.writeTextFile(
        slow,
        JSON.stringify(makeNotebook(["1", "await new Promise((r) => setTimeout(r, 60_000))"])),
      );
      const t = await runNotebook(slow, { timeoutS: 3 });
      assert.equal(t.code, 3);
      assert.equal(t.summary.status, "timeout");
      assert.equal(t.summary.error?.cell, 2);
      assert.ok(t.wallS < 15, `the time limit took ${t.wallS} s to act`);
      assert.match(t.stderr, /TIMEOUT .*slow\.ipynb: .* while running cell 2 \(code cell 2\)/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
