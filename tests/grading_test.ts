/**
 * Proofs of the graders (CS231n/nbgrader style), for every exercise set in
 * notebooks/exercises/checks/: the reference solution in tests/solutions/ gets full marks, the
 * shipped stub fails every exercise, each plausible wrong answer in tests/wrong/ fails with the
 * expected hint, stubs and solutions have the same types, and the sandbox survives misbehaving code.
 */
import assert from "node:assert/strict";
import {
  type CheckResult,
  exerciseSet,
  exerciseSetNames,
  gradeExercise,
  gradeSet,
  score,
} from "../lib/grading/mod.ts";
import { repoRootUrl } from "../lib/util/repo_root.ts";

const root = repoRootUrl();
const names = await exerciseSetNames();
const solutions = new URL("tests/solutions/", root);
const wrong = new URL("tests/wrong/", root);

function summary(results: CheckResult[]): string {
  return results.map((r) => `${r.passed ? "✓" : "✗"} ${r.name} ${r.hint ?? ""}`).join("\n");
}

for (const name of names) {
  Deno.test(`grader ${name}: the reference solution gets full marks`, async () => {
    for (const { exercise, results } of await gradeSet(await exerciseSet(name, solutions))) {
      const s = score(results);
      assert.equal(s.points, s.maxPoints, `${exercise.id}:\n${summary(results)}`);
      assert.ok(results.length >= 2, `${exercise.id} should have at least two checks`);
    }
  });

  Deno.test(`grader ${name}: the shipped stub fails every exercise`, async () => {
    for (const { exercise, results } of await gradeSet(await exerciseSet(name))) {
      assert.equal(score(results).points, 0, `${exercise.id} stub scored:\n${summary(results)}`);
      assert.ok(results.every((r) => /not implemented/.test(r.hint ?? "")), summary(results));
    }
  });

  Deno.test(`grader ${name}: each plausible wrong answer fails with a useful hint`, async () => {
    const mod = await import(new URL(`${name}.ts`, wrong).href);
    const expected = mod.expectedFailures as Record<string, RegExp>;
    const graded = await gradeSet(await exerciseSet(name, wrong));
    for (const { exercise, results } of graded) {
      const pattern = expected[exercise.id];
      assert.ok(pattern, `tests/wrong/${name}.ts has no wrong answer for ${exercise.id}`);
      const failed = results.filter((r) => !r.passed);
      assert.ok(failed.length > 0, `wrong answer to ${exercise.id} passed every check`);
      assert.ok(
        failed.some((r) => pattern.test(r.hint ?? "")),
        `${exercise.id}: no hint matches ${pattern}:\n${summary(results)}`,
      );
    }
  });

  Deno.test(`grader ${name}: stub and reference solution have the same exported types`, async () => {
    const dir = await Deno.makeTempDir();
    const stub = new URL(`notebooks/exercises/${name}.ts`, root).href;
    const sol = new URL(`${name}.ts`, solutions).href;
    const fns = Object.entries(await import(sol)).filter(([, v]) => typeof v === "function").map((
      [k],
    ) => k);
    const lines = [
      `import type * as S from ${JSON.stringify(stub)};`,
      `import type * as R from ${JSON.stringify(sol)};`,
    ];
    for (const f of fns) {
      lines.push(`export const a_${f}: typeof S.${f} = null as unknown as typeof R.${f};`);
      lines.push(`export const b_${f}: typeof R.${f} = null as unknown as typeof S.${f};`);
    }
    await Deno.writeTextFile(`${dir}/types.ts`, lines.join("\n") + "\n");
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["check", "--config", new URL("deno.json", root).pathname, `${dir}/types.ts`],
      stdout: "piped",
      stderr: "piped",
    }).output();
    await Deno.remove(dir, { recursive: true });
    assert.ok(out.success, new TextDecoder().decode(out.stderr));
  });
}

Deno.test("grader sandbox: an infinite loop, file, network and env access each give a clear ✗", async () => {
  const src = await Deno.readTextFile(new URL("tests/fixtures/grading/misbehaving.ts", root));
  const set = await exerciseSet("00_tour");
  const [ex] = (await gradeSet(set)).map((g) => g.exercise);
  const cases: [number, RegExp][] = [
    [1, /timed out/],
    [2, /files, network, env/],
    [4, /files, network, env/],
  ];
  for (const [mode, pattern] of cases) {
    const dir = await Deno.makeTempDir();
    await Deno.writeTextFile(
      `${dir}/00_tour.ts`,
      src.replace("const MODE = 0;", `const MODE = ${mode};`),
    );
    const results = await gradeExercise(
      { ...set, implUrl: new URL(`file://${dir}/00_tour.ts`) },
      ex,
      3,
    );
    await Deno.remove(dir, { recursive: true });
    assert.ok(results.every((r) => !r.passed), `mode ${mode}: ${summary(results)}`);
    assert.ok(results.some((r) => pattern.test(r.hint ?? "")), `mode ${mode}: ${summary(results)}`);
  }
});
