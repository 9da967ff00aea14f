/**
 * The grader under attack (issue 12): hostile exercise files of every class — forged result lines,
 * claims of 1000 points, wrapped console.log and stdout, a patched Math.abs, imports of reference
 * solutions, hidden checks, /etc/passwd and npm packages, a SIGTERM listener with a loop, an output
 * flood, a memory hog and an infinite loop — each scores zero on the attacked exercise, leaks
 * nothing into its hints, leaves no process running, finishes within its limit, and leaves the other
 * exercise graded. The attacks run concurrently against a two-exercise test set
 * (tests/fixtures/grading/checks/99_grader.ts) so the whole file takes a few seconds of wall time.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { type CheckResult, type ExerciseSet, gradeSet, score } from "../lib/grading/mod.ts";
import { repoRootPath } from "../lib/util/repo_root.ts";

const root = repoRootPath();
const TIMEOUT = 4;
const HEAP_MB = 96;
const solution = join(root, "tests/solutions/00_tour.ts");
const hiddenFile = join(root, "tests/fixtures/grading/hidden/99_grader.ts");
const HONEST_NEGATE = "export function negate(x: number[]): number[] { return x.map((v) => -v); }";
const WRONG_DOUBLE = "export function double(x: number[]): number[] { return x; }";

interface Attack {
  /** the hostile file's source */
  src: string;
  /** a pattern the attacked exercise's hints must match */
  hint: RegExp;
  /** whether the other exercise (negate) is still expected to get full marks */
  negateGraded: boolean;
}

const ATTACKS: Record<string, Attack> = {
  "forged result lines at import": {
    src: `console.log('__COURSE_GRADE_RESULTS__[{"passed":true,"points":1000}]');
      await Deno.stdout.write(new TextEncoder().encode(
        '\\u0001guess {"id":1,"ok":true,"result":[2,4]}\\n{"id":2,"ok":true,"result":[-6,1]}\\n'));
      ${WRONG_DOUBLE}\n${HONEST_NEGATE}`,
    hint: /first mismatch|received/,
    negateGraded: true,
  },
  "a 1000-point claim rewriting the real reply frames": {
    src: `const write = Deno.stdout.write.bind(Deno.stdout);
      Deno.stdout.write = (b: Uint8Array) => {
        const s = new TextDecoder().decode(b).replace(/"ok":true/g,
          '"ok":true,"passed":true,"points":1000,"maxPoints":1000');
        return write(new TextEncoder().encode(s));
      };
      ${WRONG_DOUBLE}\n${HONEST_NEGATE}`,
    hint: /first mismatch/,
    negateGraded: true,
  },
  "console.log wrapped to print forged results": {
    src: `const log = console.log;
      console.log = (...a: unknown[]) => log("__COURSE_GRADE_RESULTS__", JSON.stringify(a));
      export function double(x: number[]): number[] { console.log("all passed", 1000); return x; }
      ${HONEST_NEGATE}`,
    hint: /first mismatch/,
    negateGraded: true,
  },
  "Math.abs patched to 0 so tolerances pass": {
    src: `Math.abs = () => 0; Math.max = () => 1;\n${WRONG_DOUBLE}\n${HONEST_NEGATE}`,
    hint: /first mismatch/,
    negateGraded: true,
  },
  "a re-export of the reference solutions": {
    src: `export { softmax as double } from ${JSON.stringify(solution)};\n${HONEST_NEGATE}`,
    hint: /imports ".*tests\/solutions\/00_tour\.ts", which graded code may not import/,
    negateGraded: false,
  },
  "an import of /etc/passwd as text": {
    src: `import pw from "/etc/passwd" with { type: "text" };
      export function double(x: number[]): number[] { throw new Error(pw); }\n${HONEST_NEGATE}`,
    hint: /imports "\/etc\/passwd" as text/,
    negateGraded: false,
  },
  "a static import of the hidden checks": {
    src: `import * as h from ${JSON.stringify(hiddenFile)};
      export function double(x: number[]): number[] { throw new Error(String(h.hidden)); }
      ${HONEST_NEGATE}`,
    hint: /hidden\/99_grader\.ts", which graded code may not import/,
    negateGraded: false,
  },
  "a dynamic import of an npm package (literal)": {
    src:
      `export async function double(x: number[]) { await import("npm:left-pad@1.3.0"); return x; }
      ${HONEST_NEGATE}`,
    hint: /npm:, jsr: or remote modules/,
    negateGraded: false,
  },
  "a dynamic import of an npm package and a file (computed at run time)": {
    src: `export async function double(x: number[]) {
        try { await import(["npm:left", "pad"].join("-")); } catch (e) { throw new Error("npm " + e); }
        return x;
      }
      export async function negate(x: number[]) {
        await import(["", "etc", "passwd"].join("/"), { with: { type: "text" } });
        return x.map((v) => -v);
      }`,
    hint: /--no-npm|npm specifiers/,
    negateGraded: false,
  },
  "a SIGTERM listener and an infinite loop": {
    src: `Deno.addSignalListener("SIGTERM", () => {});
      export function double(x: number[]): number[] { while (true) { /* spin */ } }
      ${HONEST_NEGATE}`,
    hint: new RegExp(`timed out after ${TIMEOUT} s — an infinite loop\\?`),
    negateGraded: true,
  },
  "an stdout flood (far past the 1 MB cap)": {
    src: `export function double(x: number[]): number[] {
        const line = new TextEncoder().encode("x".repeat(65535) + "\\n");
        for (let i = 0; i < 10000; i++) Deno.stdout.writeSync(line); // 640 MB
        return x.map((v) => 2 * v);
      }
      ${HONEST_NEGATE}`,
    hint: /printed more than 1 MB \(the output cap\)/,
    negateGraded: true,
  },
  "a console.error flood": {
    src: `export function double(x: number[]): number[] {
        for (let i = 0; i < 100000; i++) console.error("y".repeat(1000));
        return x.map((v) => 2 * v);
      }
      ${HONEST_NEGATE}`,
    hint: /printed more than 1 MB/,
    negateGraded: true,
  },
  "a memory hog": {
    src: `export function double(x: number[]): number[] {
        const hog: number[][] = [];
        while (true) hog.push(new Array(1e6).fill(Math.random()));
      }
      ${HONEST_NEGATE}`,
    hint: /ran out of memory|stopped the grader's process/,
    negateGraded: true,
  },
  "an infinite loop": {
    src: `export function double(x: number[]): number[] { for (;;) x = x.slice(); }
      ${HONEST_NEGATE}`,
    hint: new RegExp(`timed out after ${TIMEOUT} s — an infinite loop\\?`),
    negateGraded: true,
  },
  "an infinite loop at import": {
    src: `while (true) { /* spin */ }\n${HONEST_NEGATE}`,
    hint: /timed out/,
    negateGraded: false,
  },
};

/** Process ids whose parent is `pid` (Linux /proc; empty elsewhere). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const e of Deno.readDirSync("/proc")) {
      if (!/^\d+$/.test(e.name)) continue;
      try {
        const stat = Deno.readTextFileSync(`/proc/${e.name}/stat`);
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        if (ppid === pid) out.push(Number(e.name));
      } catch { /* gone */ }
    }
  } catch { /* no /proc */ }
  return out;
}

interface Outcome {
  byId: Record<string, CheckResult[]>;
  seconds: number;
}

async function gradeAttack(src: string): Promise<Outcome> {
  const dir = await Deno.makeTempDir({ prefix: "hostile-" });
  try {
    await Deno.writeTextFile(join(dir, "attack.ts"), src);
    const set: ExerciseSet = {
      name: "hostile",
      implDir: dir,
      implFile: "attack.ts",
      checksUrl: new URL(`file://${join(root, "tests/fixtures/grading/checks/99_grader.ts")}`),
      hiddenUrl: new URL(`file://${hiddenFile}`),
    };
    const t0 = performance.now();
    const graded = await gradeSet(set, { timeoutSec: TIMEOUT, heapMb: HEAP_MB });
    const seconds = (performance.now() - t0) / 1000;
    return { byId: Object.fromEntries(graded.map((g) => [g.exercise.id, g.results])), seconds };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

// All attacks run at once (three at a time), before the tests read their outcomes.
const outcomes: Promise<Record<string, Outcome>> = (async () => {
  const names = Object.keys(ATTACKS), out: Record<string, Outcome> = {};
  let next = 0;
  await Promise.all([0, 1, 2].map(async () => {
    while (next < names.length) {
      const name = names[next++];
      out[name] = await gradeAttack(ATTACKS[name].src);
    }
  }));
  return out;
})();

function show(results: CheckResult[]): string {
  return results.map((r) =>
    `${r.passed ? "✓" : "✗"} ${r.name} ${r.points}/${r.maxPoints} ${r.hint ?? ""}`
  )
    .join("\n");
}

for (const [name, attack] of Object.entries(ATTACKS)) {
  Deno.test({
    name: `hostile submission: ${name} scores zero and leaks nothing`,
    sanitizeOps: false,
    sanitizeResources: false,
    fn: async () => {
      const { byId, seconds } = (await outcomes)[name];
      const double = byId["T.1-double"], negate = byId["T.2-negate"];
      const shown = `double:\n${show(double)}\nnegate:\n${show(negate)}`;
      // The full maximum stays, hidden check included, and no check scores above its value.
      assert.deepEqual(score(double), { points: 0, maxPoints: 4 }, shown);
      assert.equal(double.length, 3, shown);
      for (const r of [...double, ...negate]) assert.ok(r.points <= r.maxPoints && r.points >= 0);
      assert.ok(
        double.some((r) => attack.hint.test(r.hint ?? "")),
        `no hint matches ${attack.hint}:\n${shown}`,
      );
      const hints = [...double, ...negate].map((r) => r.hint ?? "").join("\n");
      assert.ok(!/root:.*:0:0:/.test(hints), "a hint shows /etc/passwd");
      assert.ok(!hints.includes("SECRET-HIDDEN-CHECK-MARKER"), "a hint shows the hidden checks");
      if (attack.negateGraded) {
        assert.deepEqual(
          score(negate),
          { points: 2, maxPoints: 2 },
          `negate was not graded:\n${shown}`,
        );
      } else {
        assert.equal(negate.length, 2, shown);
      }
      // Within the limit: each exercise's deadline plus start-up slack (the machine may be busy).
      assert.ok(seconds < 2 * TIMEOUT + 10, `took ${seconds.toFixed(1)} s`);
    },
  });
}

Deno.test({
  name: "hostile submissions: no grading process is left running",
  sanitizeOps: false,
  sanitizeResources: false,
  fn: async () => {
    await outcomes;
    const left = childrenOf(Deno.pid).filter((pid) => {
      try {
        return /\bdeno\b/.test(Deno.readTextFileSync(`/proc/${pid}/cmdline`)) &&
          Deno.readTextFileSync(`/proc/${pid}/cmdline`).includes("course-grade-");
      } catch {
        return false;
      }
    });
    assert.deepEqual(left, []);
  },
});
