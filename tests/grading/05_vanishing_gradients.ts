/**
 * Hidden checks of notebook 05 (nbgrader's hidden tests): run by `deno task grade`, not shown in
 * the notebook. Keyed by grade id.
 * @module
 */
import { type Check, expectClose, expectTrue, type Remote } from "../../lib/grading/mod.ts";
import { matrix } from "../../lib/scratch/mod.ts";
import { Rng } from "../../lib/util/rng.ts";
import {
  type BpttGradNorms,
  bpttNormMistakes,
  bpttNormsRef,
  type ClipByGlobalNorm,
  rnnStates,
} from "../../notebooks/exercises/checks/05_vanishing_gradients.ts";
import { expectCloseOrName } from "../../notebooks/exercises/checks/_diagnose.ts";

/** Hidden checks by grade id. */
export const hidden: Record<string, Check<BpttGradNorms>[] | Check<ClipByGlobalNorm>[]> = {
  "05.1-bptt-grad-norms": [
    {
      name: "hidden: T=1, a saturating RNN (H=6, T=12), and inputs left unchanged",
      points: 1,
      run: async (f: Remote<BpttGradNorms>) => {
        const one = await f(
          matrix(2, 2, [5, 1, 2, 3]),
          matrix(1, 2, [0.9, -0.2]),
          Float64Array.of(0.6, 0.8),
        );
        expectClose("norms for T=1", one, [1], 1e-12);
        const { Wh, hs, dLast } = rnnStates(12, 4, 6, 21, 2.5);
        const { result, args } = await f.inspect(Wh, hs, dLast);
        expectCloseOrName(
          "norms (H=6, T=12)",
          result,
          bpttNormsRef(Wh, hs, dLast),
          bpttNormMistakes(Wh, hs, dLast),
          1e-9,
        );
        expectTrue(args[2].every((v, i) => v === dLast[i]), "bpttGradNorms changed dLast");
        expectTrue(args[1].data.every((v, i) => v === hs.data[i]), "bpttGradNorms changed hs");
      },
    },
  ],
  "05.2-clip-by-global-norm": [
    {
      name: "hidden: exactly at the limit, all zeros, many arrays, inputs left unchanged",
      points: 1,
      run: async (f: Remote<ClipByGlobalNorm>) => {
        const at = await f({ a: Float64Array.of(3, 4) }, 5);
        expectClose("norm exactly at maxNorm = 5", at.norm, 5, 1e-12);
        expectClose("a at the limit (unchanged)", at.grads.a, [3, 4], 1e-12);
        const zero = await f({ a: new Float64Array(3) }, 1);
        expectClose("norm of zeros", zero.norm, 0, 1e-12);
        expectTrue(
          zero.grads.a.every((v) => v === 0),
          "zero gradients must stay zero (no 0/0 = NaN)",
        );
        const r = new Rng(22), many: Record<string, Float64Array> = {};
        for (let k = 0; k < 5; k++) many[`g${k}`] = r.normalArray(7, 3);
        const { result, args } = await f.inspect(many, 2);
        for (const [k, v] of Object.entries(result.grads)) {
          expectClose(k, v, many[k].map((x) => (x * 2) / result.norm), 1e-9);
          expectTrue(args[0][k].every((x, i) => x === many[k][i]), `clipByGlobalNorm changed ${k}`);
        }
      },
    },
  ],
};
