/**
 * Class grading (`deno task grade --submissions DIR`) with one hostile submission among honest ones:
 * the hostile student (an import-time loop that also floods stdout and forges result lines, and a
 * SIGTERM listener) scores zero, the others keep exactly their grades, the run finishes, and the
 * CSV gradebook and the feedback files are written. Uses the two-exercise fixture set in
 * tests/fixtures/grading/.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { gradeSubmissions } from "../lib/grading/mod.ts";
import { repoRootPath } from "../lib/util/repo_root.ts";

const root = repoRootPath();
const fixtures = join(root, "tests/fixtures/grading");
const dirs = {
  checks: new URL(`file://${fixtures}/checks/`),
  hidden: new URL(`file://${fixtures}/hidden/`),
};

const HONEST = await Deno.readTextFile(join(fixtures, "honest/99_grader.ts"));
const HOSTILE = `Deno.addSignalListener("SIGTERM", () => {});
console.log("__COURSE_GRADE_RESULTS__ alice 0 mallory 1000");
const junk = new TextEncoder().encode("\\u0001 {\\"id\\":1,\\"ok\\":true}\\n".repeat(1000));
for (;;) Deno.stdout.writeSync(junk);
export const double = (x: number[]) => x.map((v) => 2 * v);
export const negate = (x: number[]) => x.map((v) => -v);
`;
const PARTIAL = "export const double = (x: number[]) => x.map((v) => 2 * v);\n";

Deno.test({
  name: "grade --submissions: a hostile submission changes no other grade and cannot stop the run",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    const tmp = await Deno.makeTempDir({ prefix: "submissions-" });
    const subs = join(tmp, "submissions"), out = join(tmp, "graded");
    const students: Record<string, string | null> = {
      alice: HONEST,
      "mallory,=1+1": HOSTILE,
      bob: PARTIAL,
      carol: null, // submitted nothing
    };
    for (const [name, src] of Object.entries(students)) {
      await Deno.mkdir(join(subs, name), { recursive: true });
      if (src) await Deno.writeTextFile(join(subs, name, "99_grader.ts"), src);
    }
    const t0 = performance.now();
    const book = await gradeSubmissions(subs, out, { names: ["99_grader"], dirs, timeoutSec: 4 });
    const seconds = (performance.now() - t0) / 1000;
    const by = Object.fromEntries(book.students.map((s) => [s.student, s]));
    assert.deepEqual(book.exercises, ["T.1-double", "T.2-negate"]);
    assert.deepEqual([by.alice.points, by.alice.maxPoints], [6, 6]); // 3 + 1 hidden + 2
    assert.deepEqual([by.bob.points, by.bob.maxPoints], [4, 6]);
    assert.deepEqual([by.carol.points, by.carol.maxPoints], [0, 6]);
    assert.deepEqual([by["mallory,=1+1"].points, by["mallory,=1+1"].maxPoints], [0, 6]);
    assert.ok(seconds < 30, `took ${seconds.toFixed(1)} s`);

    const csv = await Deno.readTextFile(book.csvPath);
    assert.deepEqual(csv.trim().split("\n"), [
      "student,T.1-double,T.2-negate,total,max",
      "alice,4,2,6,6",
      "bob,4,0,4,6",
      "carol,0,0,0,6",
      `"mallory,=1+1",0,0,0,6`,
    ]);
    const feedback = await Deno.readTextFile(join(out, "feedback", "mallory__1_1.txt"));
    assert.match(feedback, /timed out|printed more than/);
    assert.match(
      await Deno.readTextFile(join(out, "feedback", "carol.txt")),
      /no file 99_grader\.ts/,
    );
    assert.match(await Deno.readTextFile(join(out, "feedback", "alice.txt")), /total 6\/6/);
    const leftovers = [...Deno.readDirSync(out)].map((e) => e.name).filter((n) =>
      n.endsWith(".tmp")
    );
    assert.deepEqual(leftovers, []);
    await Deno.remove(tmp, { recursive: true });
  },
});

Deno.test("grade CLI: bad flags give one clear line and a non-zero exit", async () => {
  const cases: [string[], RegExp][] = [
    [["--timeout", "abc"], /--timeout must be a number of seconds/],
    [["--timeout", "-1"], /--timeout/],
    [["--timeout", "0"], /--timeout must be a number of seconds/],
    [["--bogus"], /Unknown option '--bogus'/],
    [["--impl", "/nonexistent-folder"], /--impl \/nonexistent-folder: no such folder/],
    [["zz"], /no exercise set matches zz/],
  ];
  for (const [args, pattern] of cases) {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", join(root, "tools/grade.ts"), ...args],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const err = new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 2, `${args.join(" ")}: exit ${out.code}\n${err}`);
    assert.match(err.split("\n")[0], pattern);
  }
});
