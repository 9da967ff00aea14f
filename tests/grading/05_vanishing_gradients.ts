/**
 * Hidden checks of notebook 05 (nbgrader's hidden tests): run by `deno task grade`, not shown in
 * the notebook. Keyed by grade id.
 * @module
 */
import { type Check, expectClose, expectTrue } from "../../lib/grading/mod.ts";
import { type Matrix, matrix } from "../../lib/scratch/mod.ts";
import { Rng } from "../../lib/util/rng.ts";
import { linearNormsRef } from "../../notebooks/exercises/checks/05_vanishing_gradients.ts";

type LinearGradNorms = (Wh: Matrix, dLast: Float64Array, T: number) => number[];
type ClipByGlobalNorm = (grads: Record<string, Float64Array>, maxNorm: number) => number;

/** Hidden checks by grade id. */
export const hidden: Record<string, Check<LinearGradNorms>[] | Check<ClipByGlobalNorm>[]> = {
  "05.1-linear-grad-norms": [
    {
      name: "hidden: T=1, a random 6×6 Wh, and dLast left unchanged",
      points: 1,
      run: (f: LinearGradNorms) => {
        expectClose("norms for T=1", f(matrix(2, 2, [5, 1, 2, 3]), Float64Array.of(0.6, 0.8), 1), [
          1,
        ], 1e-12);
        const r = new Rng(21), Wh = matrix(6, 6, r.normalArray(36, 0.4)), dLast = r.normalArray(6);
        const copy = dLast.slice();
        expectClose("norms (H=6, T=12)", f(Wh, dLast, 12), linearNormsRef(Wh, copy, 12), 1e-9);
        expectTrue(dLast.every((v, i) => v === copy[i]), "linearGradNorms changed dLast");
      },
    },
  ],
  "05.2-clip-by-global-norm": [
    {
      name: "hidden: exactly at the limit, all zeros, and many arrays",
      points: 1,
      run: (f: ClipByGlobalNorm) => {
        const at = { a: Float64Array.of(3, 4) };
        expectClose("norm exactly at maxNorm = 5", f(at, 5), 5, 1e-12);
        expectClose("a at the limit (unchanged)", at.a, [3, 4], 1e-12);
        const zero = { a: new Float64Array(3) };
        expectClose("norm of zeros", f(zero, 1), 0, 1e-12);
        expectTrue(zero.a.every((v) => v === 0), "zero gradients must stay zero (no 0/0 = NaN)");
        const r = new Rng(22), many: Record<string, Float64Array> = {};
        for (let k = 0; k < 5; k++) many[`g${k}`] = r.normalArray(7, 3);
        const before = Object.fromEntries(Object.entries(many).map(([k, v]) => [k, v.slice()]));
        const n = f(many, 2);
        for (const [k, v] of Object.entries(many)) {
          expectClose(
            k,
            v,
            before[k].map((x) => (x * 2) / n),
            1e-9,
          );
        }
      },
    },
  ],
};
