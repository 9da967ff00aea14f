/**
 * `deno task grade [01 …] [--impl DIR] [--timeout S]`: grade the student files in
 * notebooks/exercises/ (or another folder) in no-permission sandboxes and print a score table per
 * exercise and the total. `--impl tests/solutions` grades the reference solutions.
 */
import { parseArgs } from "node:util";
import { exerciseSet, exerciseSetNames, gradeSet, score, textTable } from "../lib/grading/mod.ts";

const { values, positionals } = parseArgs({
  args: Deno.args,
  allowPositionals: true,
  options: {
    impl: { type: "string" },
    timeout: { type: "string", default: "20" },
    help: { type: "boolean" },
  },
});
if (values.help) {
  console.log("usage: deno task grade [PREFIX …] [--impl DIR] [--timeout SECONDS]");
  Deno.exit(0);
}
const implDir = values.impl
  ? new URL(`${values.impl.replace(/\/?$/, "/")}`, `file://${Deno.cwd()}/`)
  : undefined;
const names = (await exerciseSetNames()).filter((n) =>
  positionals.length === 0 || positionals.some((p) => n.startsWith(p))
);
if (names.length === 0) {
  console.error(
    `No exercise set matches ${positionals.join(", ")}; known: ${
      (await exerciseSetNames()).join(", ")
    }`,
  );
  Deno.exit(2);
}
const summary: [string, number, number][] = [];
for (const name of names) {
  for (
    const { exercise, results } of await gradeSet(await exerciseSet(name, implDir), {
      timeoutSec: Number(values.timeout),
    })
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
