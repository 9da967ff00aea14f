/**
 * `deno task release OUT` (tools/release.ts): the students' copy holds no reference solutions,
 * planted wrong answers, hidden checks or tests that need them, still announces hidden points, and
 * passes its own format, lint and type checks and its grader tests (the notebook runs are left to
 * the copy's full `deno task test`, which takes minutes). Instructors only: left out of the copy.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { INSTRUCTOR_TESTS, release, walkFiles } from "../tools/release.ts";
import { repoRootPath } from "../lib/util/repo_root.ts";

const root = repoRootPath();

async function run(cwd: string, args: string[]): Promise<{ ok: boolean; text: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const dec = new TextDecoder();
  return { ok: out.success, text: (dec.decode(out.stdout) + dec.decode(out.stderr)).slice(-3000) };
}

async function* walk(dir: string): AsyncGenerator<string> {
  for await (const e of Deno.readDir(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory) yield* walk(p);
    else if (e.isFile) yield p;
  }
}

Deno.test("release: the students' copy has no solutions, passes its checks and its grader tests", async () => {
  const out = join(await Deno.makeTempDir({ prefix: "release-" }), "course");
  try {
    const { written, omitted } = await release(out);
    assert.ok(written.includes("notebooks/exercises/04_rnn_bptt.ts"));
    for (const d of ["tests/solutions", "tests/wrong", "tests/grading"]) {
      assert.equal(await Deno.stat(join(out, d)).catch(() => null), null, `${d} was released`);
      assert.ok(omitted.some((p) => p.startsWith(d)));
    }
    for (const t of INSTRUCTOR_TESTS) assert.ok(!written.includes(t), `${t} was released`);
    // No released file holds a reference solution's code.
    const solutions: string[] = [];
    for await (const f of walk(join(root, "tests/solutions"))) {
      const src = await Deno.readTextFile(f);
      solutions.push(...[...src.matchAll(/export function [\s\S]*?\n}\n/g)].map((m) => m[0]));
    }
    assert.ok(solutions.length > 0);
    for await (const f of walk(out)) {
      if (!/\.(ts|ipynb|md|json)$/.test(f)) continue;
      const text = await Deno.readTextFile(f);
      for (const s of solutions) assert.ok(!text.includes(s), `${f} holds a reference solution`);
    }
    const checks = await Deno.readTextFile(join(out, "notebooks/exercises/checks/04_rnn_bptt.ts"));
    assert.match(checks, /hiddenPoints: [1-9]/);

    for (const args of [["fmt", "--check"], ["lint"], ["task", "check"]]) {
      const r = await run(out, args);
      assert.ok(r.ok, `deno ${args.join(" ")} fails in the copy:\n${r.text}`);
    }
    const tests = await run(out, [
      "test",
      "-A",
      "lib/grading/",
      "tests/grader_hostile_test.ts",
      "tests/grade_submissions_test.ts",
    ]);
    assert.ok(tests.ok, `the copy's grader tests fail:\n${tests.text}`);
    // The copy grades the shipped stubs with visible checks only.
    const grade = await run(out, ["run", "-A", "tools/grade.ts", "00"]);
    assert.match(grade.text, /not implemented/);
  } finally {
    await Deno.remove(join(out, ".."), { recursive: true });
  }
});

Deno.test("release: refuses a non-empty folder or one inside the repository", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(join(dir, "x"), "");
  await assert.rejects(() => release(dir), /is not empty/);
  await assert.rejects(() => release(join(root, "out", "rel")), /outside the repository/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("release's file walk, used without git, lists what git lists", async () => {
  const root = repoRootPath();
  const git = await new Deno.Command("git", {
    args: ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    cwd: root,
    stdout: "piped",
  }).output().catch(() => null);
  if (!git?.success) return; // a copy without git: nothing to compare with
  const listed = new TextDecoder().decode(git.stdout).split("\0").filter(Boolean)
    .filter((p) => Deno.statSync(`${root}/${p}`).isFile).sort();
  assert.deepEqual(await walkFiles(root), listed);
});
