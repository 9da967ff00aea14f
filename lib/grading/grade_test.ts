import assert from "node:assert/strict";
import { join } from "node:path";
import { check } from "./grade.ts";
import { EXERCISE_FILE, loadExercises } from "./load.ts";
import { CheckFailure, type Exercise } from "./check.ts";

const doubleEx: Exercise<(x: number[]) => number[]> = {
  id: "T.1-double",
  fn: "double",
  title: "Double",
  hiddenPoints: 2,
  checks: [{
    name: "double([1, 2])",
    points: 1,
    run: async (f) => {
      const got = await f([1, 2]);
      if (got[0] !== 2 || got[1] !== 4) throw new CheckFailure(`got ${got}`);
    },
  }],
};

async function studentDir(files: Record<string, string>): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "check-cell-" });
  for (const [name, src] of Object.entries(files)) await Deno.writeTextFile(join(dir, name), src);
  return dir;
}

Deno.test("check() fails an infinite loop with a timeout hint and the caller keeps running", async () => {
  const dir = await studentDir({
    "ex.ts": "export function double(x: number[]) { for (;;) x = x; }",
  });
  const t0 = performance.now();
  const report = await check({ [EXERCISE_FILE]: `file://${dir}/ex.ts` }, doubleEx, {
    timeoutSec: 1,
  });
  const seconds = (performance.now() - t0) / 1000;
  await Deno.remove(dir, { recursive: true });
  assert.equal(report.results[0].passed, false);
  assert.match(report.results[0].hint ?? "", /timed out after 1 s — an infinite loop\?/);
  assert.ok(seconds < 5, `took ${seconds} s`);
});

Deno.test("check() reloads every module the exercise imports on each run", async () => {
  const dir = await studentDir({
    "helper.ts": "export const k = 3;\n",
    "ex.ts":
      'import { k } from "./helper.ts";\nexport const double = (x: number[]) => x.map((v) => k * v);\n',
  });
  const student = { [EXERCISE_FILE]: `file://${dir}/ex.ts` };
  for (const transport of ["subprocess", "worker"] as const) {
    await Deno.writeTextFile(join(dir, "helper.ts"), "export const k = 3;\n");
    assert.equal((await check(student, doubleEx, { transport })).fullMarks, false);
    await Deno.writeTextFile(join(dir, "helper.ts"), "export const k = 2;\n");
    const report = await check(student, doubleEx, { transport });
    assert.equal(report.fullMarks, true, `${transport}: ${report}`);
  }
  await Deno.remove(dir, { recursive: true });
});

Deno.test("check() shows the hidden points under the table", async () => {
  const report = await check({ double: (x: number[]) => x.map((v) => 2 * v) }, doubleEx);
  assert.match(report.toString(), /\+2 hidden points, graded by `deno task grade`/);
  const display = (report as unknown as Record<symbol, () => Record<string, string>>)[
    Symbol.for("Jupyter.display")
  ];
  const html = display.call(report)["text/html"];
  assert.match(html, /\+2 hidden points/);
});

Deno.test("check() reports a file that cannot load, and a missing export", async () => {
  const dir = await studentDir({
    "bad.ts": "throw new Error('broken at import');\n",
    "none.ts": "export const x = 1;\n",
  });
  const bad = await check({ [EXERCISE_FILE]: `file://${dir}/bad.ts` }, doubleEx);
  const none = await check({ [EXERCISE_FILE]: `file://${dir}/none.ts` }, doubleEx);
  await Deno.remove(dir, { recursive: true });
  assert.match(bad.results[0].hint ?? "", /could not be loaded: Error: broken at import/);
  assert.match(none.results[0].hint ?? "", /no exported function named double/);
});

Deno.test("loadExercises() does not hang on a file that loops at import", async () => {
  const dir = await studentDir({
    "loops.ts": "while (true) { /* spin */ }\nexport const double = 1;\n",
  });
  Deno.env.set("COURSE_EXERCISES_DIR", dir);
  try {
    const student = await loadExercises("loops", 1);
    assert.equal(student.double, undefined);
    const report = await check(student, doubleEx, { timeoutSec: 1 });
    assert.match(report.results[0].hint ?? "", /timed out after 1 s/);
  } finally {
    Deno.env.delete("COURSE_EXERCISES_DIR");
    await Deno.remove(dir, { recursive: true });
  }
});
