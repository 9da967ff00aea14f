/**
 * Hidden checks of notebook 04 (nbgrader's hidden tests): run by `deno task grade`, not shown in
 * the notebook. Keyed by grade id.
 * @module
 */
import { type Check, expectClose, expectTrue, type Remote } from "../../lib/grading/mod.ts";
import {
  type Matrix,
  matrix,
  rnnBackward,
  rnnForward,
  rnnStepBackward,
  rnnStepForward,
  tensor3,
} from "../../lib/scratch/mod.ts";
import {
  type SeqBackward,
  seqInputs,
  type StepBackward,
  type StepForward,
  stepInputs,
} from "../../notebooks/exercises/checks/04_rnn_bptt.ts";

/** Hidden checks by grade id. */
export const hidden: Record<
  string,
  Check<StepForward>[] | Check<StepBackward>[] | Check<SeqBackward>[]
> = {
  "04.1-rnn-step-forward": [
    {
      name: "hidden: other sizes (N=1, D=7, H=3) and inputs left unchanged",
      points: 1,
      run: async (f: Remote<StepForward>) => {
        const p = stepInputs(1, 7, 3, 11);
        const before = [p.x, p.hPrev, p.Wx, p.Wh];
        const { result, args } = await f.inspect(p.x, p.hPrev, p.Wx, p.Wh, p.b);
        expectClose("hNext", result.out, rnnStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b).out, 1e-9);
        expectTrue(
          before.every((m, i) => m.data.every((v, k) => v === (args[i] as Matrix).data[k])),
          "rnnStepForward changed one of its inputs; build new arrays instead",
        );
      },
    },
  ],
  "04.2-rnn-step-backward": [
    {
      name: "hidden: other sizes (N=4, D=2, H=6) against the course's rnnStepBackward",
      points: 1,
      run: async (f: Remote<StepBackward>) => {
        const p = stepInputs(4, 2, 6, 12);
        const cache = rnnStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b).cache;
        const got = await f(p.dOut, cache), ref = rnnStepBackward(p.dOut, cache);
        for (const k of ["dx", "dhPrev", "dWx", "dWh", "db"] as const) {
          expectClose(k, got[k], ref[k], 1e-9);
        }
      },
    },
  ],
  "04.3-rnn-backward": [
    {
      name: "hidden: T=1 equals one step backward, and other sizes match the course's rnnBackward",
      points: 1,
      run: async (f: Remote<SeqBackward>) => {
        const one = seqInputs(3, 1, 2, 4, 13);
        const { cache } = rnnForward(one.x, one.h0, one.Wx, one.Wh, one.b);
        const step = rnnStepBackward(matrix(3, 4, one.dh.data), cache.steps[0]);
        expectClose("dh0 for T=1", (await f(one.dh, cache)).dh0, step.dhPrev, 1e-9);
        const p = seqInputs(3, 6, 2, 7, 14);
        const c2 = rnnForward(p.x, p.h0, p.Wx, p.Wh, p.b).cache;
        const dhCopy = tensor3(...p.dh.shape, p.dh.data.slice());
        const got = await f(p.dh, c2), ref = rnnBackward(dhCopy, c2);
        for (const k of ["dx", "dh0", "dWx", "dWh", "db"] as const) {
          expectClose(k, got[k], ref[k], 1e-9);
        }
      },
    },
  ],
};
