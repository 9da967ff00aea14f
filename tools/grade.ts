/**
 * `deno task grade [01 …] [--impl DIR] [--timeout S] [--no-hidden]`: grade the student files in
 * notebooks/exercises/ (or another folder) in no-permission sandboxes and print a score table per
 * exercise and the total. `--impl tests/solutions` grades the reference solutions.
 *
 * `deno task grade --submissions DIR [--out DIR]`: grade a class, one folder per student in DIR
 * holding that student's exercise files; writes a CSV gradebook and a feedback file per student.
 */
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import {
  exerciseSet,
  exerciseSetNames,
  gradeSet,
  gradeSubmissions,
  score,
  textTable,
} from "../lib/grading/mod.ts";

const USAGE = "usage: deno task grade [PREFIX …] [--impl DIR] [--timeout SECONDS] [--no-hidden]\n" +
  "       deno task grade --submissions DIR [--out DIR] [PREFIX …] [--timeout SECONDS]";

function fail(msg: string): never {
  console.error(`grade: ${msg}\n${USAGE}`);
  Deno.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    args: Deno.args,
    allowPositionals: true,
    strict: true,
    options: {
      impl: { type: "string" },
      submissions: { type: "string" },
      out: { type: "string" },
      timeout: { type: "string", default: "20" },
      "no-hidden": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
} catch (err) {
  fail((err as Error).message.split("\n")[0]);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  Deno.exit(0);
}
const timeoutSec = Number(values.timeout);
if (!/^\s*\d+(\.\d+)?\s*$/.test(values.timeout) || !(timeoutSec > 0) || timeoutSec > 3600) {
  fail(`--timeout must be a number of seconds in (0, 3600], got "${values.timeout}"`);
}
if (values.impl && values.submissions) fail("--impl and --submissions cannot be combined");
if (values.out && !values.submissions) fail("--out needs --submissions");
for (const [flag, dir] of [["--impl", values.impl], ["--submissions", values.submissions]]) {
  if (dir === undefined) continue;
  const info = await Deno.stat(dir).catch(() => null);
  if (!info?.isDirectory) fail(`${flag} ${dir}: no such folder`);
}
const known = await exerciseSetNames();
const names = known.filter((n) =>
  positionals.length === 0 || positionals.some((p) => n.startsWith(p))
);
if (names.length === 0) {
  fail(`no exercise set matches ${positionals.join(", ")}; known: ${known.join(", ")}`);
}

if (values.submissions) {
  const out = resolve(values.out ?? `${values.submissions.replace(/\/+$/, "")}_graded`);
  const book = await gradeSubmissions(resolve(values.submissions), out, { names, timeoutSec });
  for (const s of book.students) console.log(`${s.student.padEnd(24)} ${s.points}/${s.maxPoints}`);
  console.log(`\nwrote ${book.csvPath} and ${book.students.length} feedback files in ${out}`);
  Deno.exit(0);
}

const summary: [string, number, number][] = [];
for (const name of names) {
  const set = await exerciseSet(name, values.impl ? resolve(values.impl) : undefined);
  for (
    const { exercise, results } of await gradeSet(set, { timeoutSec, hidden: !values["no-hidden"] })
  ) {
    console.log(textTable(results, `${exercise.title} (${exercise.id})`) + "\n");
    const s = score(results);
    summary.push([exercise.id, s.points, s.maxPoints]);
  }
}
const w = Math.max(...summary.map((r) => r[0].length));
console.log("exercise".padEnd(w) + "  points");
for (const [id, p, m] of summary) console.log(`${id.padEnd(w)}  ${p}/${m}`);
const total = summary.reduce((s, r) => [s[0] + r[1], s[1] + r[2]], [0, 0]);
console.log(`${"total".padEnd(w)}  ${total[0]}/${total[1]}`);
