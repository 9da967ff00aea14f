/**
 * Hidden checks of notebook 02 (nbgrader's hidden tests): run by `deno task grade`, not shown in
 * the notebook. Keyed by grade id.
 * @module
 */
import { type Check, expectClose, type Remote } from "../../lib/grading/mod.ts";
import { adamInit } from "../../lib/scratch/mod.ts";
import {
  type AdamStep,
  compareAdam,
  compareEpoch,
  compareLine,
  type LineLossAndGrad,
  sgdCase,
  type SgdEpoch,
} from "../../notebooks/exercises/checks/02_gradient_descent.ts";

/** Hidden checks by grade id. */
export const hidden: Record<
  string,
  Check<SgdEpoch>[] | Check<LineLossAndGrad>[] | Check<AdamStep>[]
> = {
  "02.1-sgd-epoch": [
    {
      name: "hidden: B = 1 (stochastic) and x is left unchanged",
      points: 1,
      run: async (f: Remote<SgdEpoch>) => {
        await compareEpoch(f, 4, 7, 1);
        const { model, x, labels, order } = sgdCase(9, 3, 4, 2, 5);
        const { args } = await f.inspect(model, x, labels, order, 2, 0.1);
        expectClose("x after the epoch", args[1].data, x.data, 0);
      },
    },
  ],
  "02.2-line-gradient": [
    {
      name: "hidden: another batch (N = 12) and another point",
      points: 1,
      run: (f: Remote<LineLossAndGrad>) => compareLine(f, 3.5, 0.25, 12, 9),
    },
  ],
  "02.3-adam-step": [
    {
      name: "hidden: from a state at t = 9, other β's (P = 5), inputs left unchanged",
      points: 1,
      run: async (f: Remote<AdamStep>) => {
        const opts = { lr: 0.02, beta1: 0.5, beta2: 0.9, eps: 1e-6 };
        const state = adamInit(5);
        state.m.set([0.1, -0.2, 0.3, 0, 0.05]);
        state.v.set([0.01, 0.04, 0.09, 0.001, 0.0025]);
        state.t = 9;
        const params = Float64Array.of(1, 2, 3, 4, 5), grads = Float64Array.of(0.5, -0.5, 1, 0, 2);
        await compareAdam(f, params, grads, state, opts);
        const { args } = await f.inspect(params, grads, state, opts);
        expectClose("params after the call", args[0], params, 0);
        expectClose("state.m after the call", args[2].m, state.m, 0);
        expectClose("state.v after the call", args[2].v, state.v, 0);
      },
    },
  ],
};
