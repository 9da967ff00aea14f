/**
 * Hidden checks of notebook 06 (nbgrader's hidden tests): run by `deno task grade`, not shown in
 * the notebook. Keyed by grade id. Other sizes (a swapped axis fails), saturated cells, T = 1 and
 * inputs left unchanged.
 * @module
 */
import { type Check, expectClose, type Remote } from "../../lib/grading/mod.ts";
import {
  gruStepForward,
  lstmForward,
  lstmStepBackward,
  lstmStepForward,
  matrix,
  tensor3,
} from "../../lib/scratch/mod.ts";
import {
  checkLstmStep,
  expectCloseOrName,
  gatedInputs,
  type GruStep,
  type GruStepBack,
  gruStepMistakes,
  type LstmSeq,
  type LstmSeqBack,
  lstmSeqInputs,
  lstmSeqMistakes,
  type LstmStep,
  type LstmStepBack,
  numericGruStep,
  numericLstmSeq,
} from "../../notebooks/exercises/checks/06_lstm_gru.ts";

/** Hidden checks by grade id. */
export const hidden: Record<
  string,
  | Check<LstmStep>[]
  | Check<GruStep>[]
  | Check<LstmStepBack>[]
  | Check<LstmSeq>[]
  | Check<LstmSeqBack>[]
  | Check<GruStepBack>[]
> = {
  "06.1-lstm-step-forward": [
    {
      name: "hidden: other sizes (N=3, D=2, H=6) and inputs left unchanged",
      points: 1,
      run: async (f: Remote<LstmStep>) => {
        const p = gatedInputs(3, 2, 6, 4, 41);
        const { result: got, args } = await f.inspect(p.x, p.hPrev, p.cPrev, p.Wx, p.Wh, p.b);
        const ref = lstmStepForward(p.x, p.hPrev, p.cPrev, p.Wx, p.Wh, p.b);
        expectClose("cNext", got.cNext, ref.cNext, 1e-9);
        expectClose("hNext", got.out, ref.out, 1e-9);
        expectClose("cPrev after your call (inputs must not change)", args[2], p.cPrev, 0);
        expectClose("hPrev after your call (inputs must not change)", args[1], p.hPrev, 0);
      },
    },
  ],
  "06.2-gru-step-forward": [
    {
      name: "hidden: other sizes (N=1, D=6, H=2)",
      points: 1,
      run: async (f: Remote<GruStep>) => {
        const p = gatedInputs(1, 6, 2, 3, 42);
        const ref = gruStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh).out;
        expectClose("hNext", (await f(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh)).out, ref, 1e-9);
      },
    },
  ],
  "06.3-lstm-step-backward": [
    {
      name: "hidden: other sizes (N=3, D=2, H=4), both paths",
      points: 1,
      run: async (f: Remote<LstmStepBack>) => {
        const p = gatedInputs(3, 2, 4, 4, 43);
        await checkLstmStep(f, p, p.dh, p.dc, ["dx", "dhPrev", "dcPrev", "dWx", "dWh", "db"]);
      },
    },
    {
      name: "hidden: a saturated cell (|cNext| ≈ 3) and the cache left unchanged",
      points: 1,
      run: async (f: Remote<LstmStepBack>) => {
        const p = gatedInputs(2, 3, 4, 4, 44);
        const cPrev = matrix(2, 4, p.cPrev.data.map((v) => 3 * Math.sign(v)));
        const { cache } = lstmStepForward(p.x, p.hPrev, cPrev, p.Wx, p.Wh, p.b);
        const ref = lstmStepBackward(p.dh, p.dc, cache);
        const { result: got, args } = await f.inspect(p.dh, p.dc, cache);
        expectClose("dcPrev", got.dcPrev, ref.dcPrev, 1e-9);
        expectClose("dWh", got.dWh, ref.dWh, 1e-9);
        expectClose("dcNext after your call (inputs must not change)", args[1], p.dc, 0);
        expectClose("cache.f after your call (the cache must not change)", args[2].f, cache.f, 0);
      },
    },
  ],
  "06.4-lstm-forward": [
    {
      name: "hidden: T = 1 and other sizes (N=3, D=2, H=4)",
      points: 1,
      run: async (f: Remote<LstmSeq>) => {
        const p = lstmSeqInputs(3, 1, 2, 4, 45);
        const got = await f(p.x, p.h0, p.Wx, p.Wh, p.b, p.c0);
        const ref = lstmForward(p.x, p.h0, p.Wx, p.Wh, p.b, p.c0);
        expectClose("out", got.out, ref.out, 1e-9);
        expectClose("c", got.c, ref.c, 1e-9);
      },
    },
  ],
  "06.5-lstm-backward": [
    {
      name: "hidden: other sizes (N=3, T=4, D=2, H=3), every gradient",
      points: 1,
      run: async (f: Remote<LstmSeqBack>) => {
        const p = lstmSeqInputs(3, 4, 2, 3, 46);
        const { cache } = lstmForward(p.x, p.h0, p.Wx, p.Wh, p.b, p.c0);
        const g = await f(p.dh, cache, { dcLast: p.dcLast });
        const num = numericLstmSeq(p, p.dh, p.dcLast);
        const named = lstmSeqMistakes(p.dh, cache, p.dcLast);
        for (const k of ["dh0", "dc0", "dWh", "dWx", "db", "dx"] as const) {
          expectCloseOrName(k, g[k], num[k], named(k), 1e-6);
        }
      },
    },
    {
      name: "hidden: T = 1 equals one step backward; dh left unchanged",
      points: 1,
      run: async (f: Remote<LstmSeqBack>) => {
        const p = lstmSeqInputs(2, 1, 3, 4, 47);
        const { cache } = lstmForward(p.x, p.h0, p.Wx, p.Wh, p.b, p.c0);
        const dh = tensor3(2, 1, 4, p.dh.data.slice());
        const { result: got, args } = await f.inspect(dh, cache);
        const ref = lstmStepBackward(matrix(2, 4, p.dh.data), matrix(2, 4), cache.steps[0]);
        expectClose("dh0", got.dh0, ref.dhPrev, 1e-9);
        expectClose("dc0", got.dc0, ref.dcPrev, 1e-9);
        expectClose("dWx", got.dWx, ref.dWx, 1e-9);
        expectClose("dh after your call (inputs must not change)", args[0], p.dh, 0);
      },
    },
  ],
  "06.6-gru-step-backward": [
    {
      name: "hidden: other sizes (N=3, D=2, H=4), every gradient",
      points: 1,
      run: async (f: Remote<GruStepBack>) => {
        const p = gatedInputs(3, 2, 4, 3, 48);
        const { cache } = gruStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh);
        const g = await f(p.dh, cache);
        const num = numericGruStep(p, p.dh), named = gruStepMistakes(p.dh, cache);
        for (const k of ["dx", "dhPrev", "dWx", "dWh", "dbx", "dbh"] as const) {
          expectCloseOrName(k, g[k], num[k], named(k));
        }
      },
    },
    {
      name: "hidden: a closed update gate (z ≈ 1) passes dhNext straight to dhPrev",
      points: 1,
      run: async (f: Remote<GruStepBack>) => {
        const p = gatedInputs(2, 3, 4, 3, 49);
        for (let j = 4; j < 8; j++) p.b[j] = 30; // the z block: z = σ(30 + …) ≈ 1
        const { cache } = gruStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh);
        const g = await f(p.dh, cache);
        expectClose("dhPrev with z ≈ 1", g.dhPrev, p.dh, 1e-6);
      },
    },
  ],
};
