/**
 * Hidden checks of notebook 06 (nbgrader's hidden tests): run by `deno task grade`, not shown in
 * the notebook. Keyed by grade id.
 * @module
 */
import { type Check, expectClose, expectTrue } from "../../lib/grading/mod.ts";
import { gruStepForward, lstmStepForward } from "../../lib/scratch/mod.ts";
import {
  gatedInputs,
  type GruStep,
  type LstmStep,
} from "../../notebooks/exercises/checks/06_lstm_gru.ts";

/** Hidden checks by grade id. */
export const hidden: Record<string, Check<LstmStep>[] | Check<GruStep>[]> = {
  "06.1-lstm-step-forward": [
    {
      name: "hidden: other sizes (N=3, D=2, H=6) and inputs left unchanged",
      points: 1,
      run: (f: LstmStep) => {
        const p = gatedInputs(3, 2, 6, 4, 41);
        const before = p.cPrev.data.slice();
        const got = f(p.x, p.hPrev, p.cPrev, p.Wx, p.Wh, p.b);
        const ref = lstmStepForward(p.x, p.hPrev, p.cPrev, p.Wx, p.Wh, p.b);
        expectClose("cNext", got.cNext, ref.cNext, 1e-9);
        expectClose("hNext", got.out, ref.out, 1e-9);
        expectTrue(p.cPrev.data.every((v, i) => v === before[i]), "lstmStepForward changed cPrev");
      },
    },
  ],
  "06.2-gru-step-forward": [
    {
      name: "hidden: other sizes (N=1, D=6, H=2)",
      points: 1,
      run: (f: GruStep) => {
        const p = gatedInputs(1, 6, 2, 3, 42);
        const ref = gruStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh).out;
        expectClose("hNext", f(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh).out, ref, 1e-9);
      },
    },
  ],
};
