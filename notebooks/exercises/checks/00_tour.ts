/**
 * Visible checks of notebook 00's exercises; the check cell after each exercise runs them, and
 * `deno task grade 00` runs them (plus hidden ones from tests/grading/) in a sandbox.
 * @module
 */
import { type Exercise, expectClose, expectShape, expectTrue } from "../../../lib/grading/mod.ts";

/** The student's softmax over rows. */
export type Softmax = (logits: number[][]) => number[][];

/** Reference row softmax, computed independently of any solution (the max shift keeps it finite). */
export function softmaxRef(logits: number[][]): number[][] {
  return logits.map((z) => {
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  });
}

/** What normalising down the columns (over the N examples) instead of along the rows gives. */
function softmaxOverColumns(logits: number[][]): number[][] {
  const cols = logits[0].map((_, j) => logits.map((row) => row[j]));
  const colProbs = softmaxRef(cols); // [V, N]
  return logits.map((row, i) => row.map((_, j) => colProbs[j][i]));
}

/** The largest absolute difference between two [N, V] arrays (Infinity if the shapes differ). */
function maxDiff(a: number[][], b: number[][]): number {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  a.forEach((row, i) => {
    if (row?.length !== b[i].length) d = Infinity;
    else row.forEach((v, j) => (d = Math.max(d, Math.abs(v - b[i][j]))));
  });
  return Number.isNaN(d) ? Infinity : d;
}

/** Fail with a hint naming the wrong axis when the result is normalised down the columns. */
function expectRowSoftmax(what: string, p: number[][], logits: number[][]): void {
  const n = logits.length, v = logits[0].length;
  expectShape(what, p, [n, v]);
  expectTrue(
    maxDiff(p, softmaxOverColumns(logits)) > 1e-9 || n === 1,
    `${what}: each column sums to 1, not each row: you normalised over the N examples (the ` +
      "wrong axis); softmax normalises the V scores of one example, row by row",
  );
  expectClose(what, p, softmaxRef(logits));
}

/** Exercise 00.1: a numerically stable softmax over the rows of a batch. */
export const softmaxExercise: Exercise<Softmax> = {
  id: "00.1-softmax",
  hiddenPoints: 1,
  fn: "softmax",
  title: "Softmax over rows",
  checks: [
    {
      name: "one row (N = 1, V = 4)",
      points: 1,
      run: async (f) => {
        const z = [[1, 2, 3, 0.5]];
        expectRowSoftmax("softmax([[1, 2, 3, 0.5]])", await f(z), z);
      },
    },
    {
      name: "a batch (N = 2, V = 3): every row sums to 1",
      points: 1,
      run: async (f) => {
        const z = [[-1, 0, 4], [2, 2, 0.5]];
        const p = await f(z);
        expectRowSoftmax("softmax of a [2, 3] batch", p, z);
        for (const [i, row] of p.entries()) {
          const s = row.reduce((a, b) => a + b, 0);
          expectTrue(Math.abs(s - 1) < 1e-12, `row ${i} sums to ${s}, expected 1`);
        }
      },
    },
    {
      name: "large logits stay finite (N = 2, V = 3)",
      points: 2,
      run: async (f) => {
        const z = [[1000, 1001, 1002], [-5, 0, 5]];
        const p = await f(z);
        expectTrue(
          p.every((row) => row.every(Number.isFinite)),
          `softmax([[1000, 1001, 1002], …]) gave [${p.map((r) => `[${r.join(", ")}]`)}]: ` +
            "exp(1000) overflowed to Infinity and Infinity / Infinity is NaN; subtract each " +
            "row's largest logit first (the invariant: it does not change the result)",
        );
        expectRowSoftmax("softmax([[1000, 1001, 1002], [−5, 0, 5]])", p, z);
      },
    },
  ],
};
