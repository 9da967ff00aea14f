/**
 * Visible checks of notebook 00's exercises; the check cell after each exercise runs them, and
 * `deno task grade 00` runs them (plus hidden ones from tests/grading/) in a sandbox.
 * @module
 */
import { type Exercise, expectClose, expectShape, expectTrue } from "../../../lib/grading/mod.ts";

type Softmax = (logits: number[]) => number[];

/** Reference values, computed independently of any solution. */
function softmaxRef(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** Exercise 00.1: a numerically stable softmax. */
export const softmaxExercise: Exercise<Softmax> = {
  id: "00.1-softmax",
  fn: "softmax",
  title: "Softmax",
  checks: [
    {
      name: "small logits",
      points: 1,
      run: (f) => {
        const z = [1, 2, 3, 0.5];
        const p = f(z);
        expectShape("softmax([1, 2, 3, 0.5])", p, [4]);
        expectClose("softmax([1, 2, 3, 0.5])", p, softmaxRef(z));
      },
    },
    {
      name: "sums to one",
      points: 1,
      run: (f) => {
        const s = f([-1, 0, 4, 2, 2]).reduce((a, b) => a + b, 0);
        expectTrue(Math.abs(s - 1) < 1e-12, `probabilities sum to ${s}, expected 1`);
      },
    },
    {
      name: "large logits (stability)",
      points: 2,
      run: (f) => {
        const p = f([1000, 1001, 1002]);
        expectTrue(
          p.every(Number.isFinite),
          `softmax([1000, 1001, 1002]) gave ${p.join(", ")}: exp overflowed to Infinity and ` +
            `Infinity/Infinity is NaN; subtract the largest logit first`,
        );
        expectClose("softmax([1000, 1001, 1002])", p, softmaxRef([1000, 1001, 1002]));
      },
    },
  ],
};
