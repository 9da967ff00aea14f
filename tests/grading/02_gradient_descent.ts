/**
 * Hidden checks of notebook 02 (nbgrader's hidden tests): run by `deno task grade`, not shown in
 * the notebook. Keyed by grade id.
 * @module
 */
import { type Check, expectClose } from "../../lib/grading/mod.ts";
import {
  compareEpoch,
  sgdCase,
  type SgdEpoch,
} from "../../notebooks/exercises/checks/02_gradient_descent.ts";

/** Hidden checks by grade id. */
export const hidden: Record<string, Check<SgdEpoch>[]> = {
  "02.1-sgd-epoch": [
    {
      name: "hidden: B = 1 (stochastic) and x is left unchanged",
      points: 1,
      run: (f) => {
        compareEpoch(f, 4, 7, 1);
        const { model, x, labels, order } = sgdCase(9, 3, 4, 2, 5);
        const before = x.data.slice();
        f(model, x, labels, order, 2, 0.1);
        expectClose("x after the epoch", x.data, before, 0);
      },
    },
  ],
};
