/**
 * Proofs of the graders (CS231n/nbgrader style), for every exercise set in
 * notebooks/exercises/checks/: the reference solution in tests/solutions/ gets full marks (hidden
 * checks included), the shipped stub scores zero with "not implemented" on every check, every
 * planted wrong answer in tests/wrong/<set>/<mistake>.ts fails each exercise it lists with a hint
 * that matches its pattern, every exercise has at least two planted mistakes, and stubs and
 * solutions have the same exported types. Instructors only: `deno task release` leaves it out.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  type CheckResult,
  exerciseSet,
  exerciseSetNames,
  exercisesOf,
  gradeSet,
  hiddenChecksOf,
  score,
} from "../lib/grading/mod.ts";
import { repoRootPath } from "../lib/util/repo_root.ts";

const root = repoRootPath();
const names = await exerciseSetNames();
const solutions = join(root, "tests/solutions");
const wrongDir = join(root, "tests/wrong");
const opts = { concurrency: 2 };

function summary(results: CheckResult[]): string {
  return results.map((r) => `${r.passed ? "✓" : "✗"} ${r.name} ${r.hint ?? ""}`).join("\n");
}

/** The planted wrong answers of a set: file path and the exercises it must fail. */
async function wrongFiles(
  name: string,
): Promise<{ file: string; expected: Record<string, RegExp> }[]> {
  const dir = join(wrongDir, name);
  const files: string[] = [];
  try {
    for await (const e of Deno.readDir(dir)) {
      if (e.isFile && e.name.endsWith(".ts")) files.push(e.name);
    }
  } catch {
    return [];
  }
  const out = [];
  for (const f of files.sort()) {
    const mod = await import(`file://${join(dir, f)}`);
    out.push({
      file: join(dir, f),
      expected: (mod.expectedFailures ?? {}) as Record<string, RegExp>,
    });
  }
  return out;
}

for (const name of names) {
  Deno.test(`grader ${name}: the reference solution gets full marks, hidden checks included`, async () => {
    for (const { exercise, results } of await gradeSet(await exerciseSet(name, solutions), opts)) {
      const s = score(results);
      assert.equal(s.points, s.maxPoints, `${exercise.id}:\n${summary(results)}`);
      assert.ok(exercise.checks.length >= 2, `${exercise.id} should have at least two checks`);
    }
  });

  Deno.test(`grader ${name}: the shipped stub scores zero, "not implemented" on every check`, async () => {
    for (const { exercise, results } of await gradeSet(await exerciseSet(name), opts)) {
      assert.equal(score(results).points, 0, `${exercise.id} stub scored:\n${summary(results)}`);
      assert.ok(results.every((r) => /not implemented/.test(r.hint ?? "")), summary(results));
    }
  });

  Deno.test(`grader ${name}: each planted wrong answer fails with a hint naming the mistake`, async () => {
    const ids = new Set((await exercisesOf((await exerciseSet(name)).checksUrl)).map((e) => e.id));
    const problems: string[] = [];
    const files = await wrongFiles(name);
    const gradeOne = async ({ file, expected }: (typeof files)[number]) => {
      const rel = file.slice(root.length + 1);
      const listed = Object.keys(expected);
      if (listed.length === 0) problems.push(`${rel} exports no expectedFailures`);
      for (const id of listed.filter((id) => !ids.has(id))) {
        problems.push(`${rel}: unknown exercise ${id}`);
      }
      const set = {
        ...(await exerciseSet(name, join(file, ".."))),
        implFile: file.split("/").pop(),
      };
      for (const { exercise, results } of await gradeSet(set, { ids: listed })) {
        const pattern = expected[exercise.id];
        const failed = results.filter((r) => !r.passed);
        if (failed.length === 0) problems.push(`${rel}: ${exercise.id} passed every check`);
        else if (!failed.some((r) => pattern.test(r.hint ?? ""))) {
          problems.push(`${rel}: ${exercise.id}: no hint matches ${pattern}:\n${summary(results)}`);
        }
      }
    };
    // Files are independent: grade three at a time (most of the cost is process start-up).
    let next = 0;
    await Promise.all([0, 1, 2].map(async () => {
      while (next < files.length) await gradeOne(files[next++]);
    }));
    assert.deepEqual(problems, []);
  });
}

Deno.test("grader: every stub and its reference solution have the same exported types", async () => {
  // One type check for every set (each `deno check` costs seconds).
  const dir = await Deno.makeTempDir();
  const lines: string[] = [];
  for (const [i, name] of names.entries()) {
    const stub = `file://${join(root, "notebooks/exercises", `${name}.ts`)}`;
    const sol = `file://${join(solutions, `${name}.ts`)}`;
    const fns = Object.entries(await import(sol)).filter(([, v]) => typeof v === "function")
      .map(([k]) => k);
    lines.push(`import type * as S${i} from ${JSON.stringify(stub)};`);
    lines.push(`import type * as R${i} from ${JSON.stringify(sol)};`);
    for (const f of fns) {
      lines.push(
        `export const a${i}_${f}: typeof S${i}.${f} = null as unknown as typeof R${i}.${f};`,
      );
      lines.push(
        `export const b${i}_${f}: typeof R${i}.${f} = null as unknown as typeof S${i}.${f};`,
      );
    }
  }
  await Deno.writeTextFile(`${dir}/types.ts`, lines.join("\n") + "\n");
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["check", "--config", join(root, "deno.json"), `${dir}/types.ts`],
    stdout: "piped",
    stderr: "piped",
  }).output();
  await Deno.remove(dir, { recursive: true });
  assert.ok(out.success, new TextDecoder().decode(out.stderr));
});

Deno.test("grader: every exercise has at least two planted wrong answers in tests/wrong/", async () => {
  const lacking: string[] = [];
  for (const name of names) {
    const files = await wrongFiles(name);
    for (const ex of await exercisesOf((await exerciseSet(name)).checksUrl)) {
      const n = files.filter((f) => ex.id in f.expected).length;
      if (n < 2) lacking.push(`${ex.id}: ${n} file${n === 1 ? "" : "s"} in tests/wrong/${name}/`);
    }
  }
  assert.deepEqual(
    lacking,
    [],
    `exercises with fewer than two planted mistakes:\n${lacking.join("\n")}`,
  );
});

Deno.test("grader: each exercise's hiddenPoints equals its hidden checks' points", async () => {
  const wrongSums: string[] = [];
  for (const name of names) {
    const set = await exerciseSet(name);
    const hidden = await hiddenChecksOf(set);
    const ids = new Set<string>();
    for (const ex of await exercisesOf(set.checksUrl)) {
      ids.add(ex.id);
      const sum = (hidden[ex.id] ?? []).reduce((s, c) => s + c.points, 0);
      if (ex.hiddenPoints !== sum) {
        wrongSums.push(`${ex.id}: hiddenPoints ${ex.hiddenPoints}, hidden checks sum to ${sum}`);
      }
    }
    for (const id of Object.keys(hidden)) {
      if (!ids.has(id)) wrongSums.push(`tests/grading/${name}.ts: hidden checks for unknown ${id}`);
    }
  }
  assert.deepEqual(wrongSums, []);
});
