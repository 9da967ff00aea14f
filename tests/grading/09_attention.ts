/**
 * Hidden checks of notebook 09 (nbgrader's hidden tests): run by `deno task grade`, not shown in
 * the notebook. Keyed by grade id.
 * @module
 */
import { type Check, expectClose } from "../../lib/grading/mod.ts";
import { matrix, tensor3 } from "../../lib/scratch/mod.ts";
import {
  attentionCase,
  attentionRef,
  type AttentionStep,
  expectRowsSumToOne,
} from "../../notebooks/exercises/checks/09_attention.ts";

/** Hidden checks by grade id. */
export const hidden: Record<string, Check<AttentionStep>[]> = {
  "09.1-attention-step": [
    {
      name: "hidden: other sizes (N=3, S=5, H=2) and a single source position",
      points: 1,
      run: (f) => {
        const { hDec, hEnc } = attentionCase(3, 5, 2, 21);
        const got = f(hDec, hEnc), want = attentionRef(hDec, hEnc);
        expectRowsSumToOne(got.weights);
        expectClose("context (N=3, S=5, H=2)", got.context, want.context);
        const one = attentionCase(2, 1, 3, 22);
        expectClose("weights with S = 1", f(one.hDec, one.hEnc).weights, [1, 1]);
        expectClose("context with S = 1", f(one.hDec, one.hEnc).context, one.hEnc.data);
      },
    },
    {
      name: "hidden: equal scores give uniform weights and the mean encoder state",
      points: 1,
      run: (f) => {
        const hEnc = tensor3(1, 4, 2, [1, 0, 3, 0, -1, 0, 5, 0]);
        const got = f(matrix(1, 2, [0, 7]), hEnc); // orthogonal to every encoder state
        expectClose("weights for equal scores", got.weights, [0.25, 0.25, 0.25, 0.25]);
        expectClose("context for equal scores", got.context, [2, 0]);
      },
    },
  ],
};
