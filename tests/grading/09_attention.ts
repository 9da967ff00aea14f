/**
 * Hidden checks of notebook 09 (nbgrader's hidden tests): run by `deno task grade`, not shown in
 * the notebook. Keyed by grade id.
 * @module
 */
import { type Check, expectClose, expectTrue, type Remote } from "../../lib/grading/mod.ts";
import { matrix, tensor3 } from "../../lib/scratch/mod.ts";
import {
  attentionBackwardCase,
  attentionCase,
  attentionRef,
  type AttentionStep,
  type AttentionStepBackward,
  checkAttentionBackward,
  expectRowsSumToOne,
} from "../../notebooks/exercises/checks/09_attention.ts";

/** Hidden checks by grade id. */
export const hidden: Record<string, Check<AttentionStep>[] | Check<AttentionStepBackward>[]> = {
  "09.1-attention-step": [
    {
      name: "hidden: other sizes (N=3, S=5, H=2) and a single source position",
      points: 1,
      run: async (f: Remote<AttentionStep>) => {
        const { hDec, hEnc } = attentionCase(3, 5, 2, 21);
        const got = await f(hDec, hEnc), want = attentionRef(hDec, hEnc);
        expectRowsSumToOne(got.weights);
        expectClose("context (N=3, S=5, H=2)", got.context, want.context);
        const one = attentionCase(2, 1, 3, 22);
        expectClose("weights with S = 1", (await f(one.hDec, one.hEnc)).weights, [1, 1]);
        expectClose("context with S = 1", (await f(one.hDec, one.hEnc)).context, one.hEnc.data);
      },
    },
    {
      name: "hidden: equal scores give uniform weights and the mean encoder state",
      points: 1,
      run: async (f: Remote<AttentionStep>) => {
        const hEnc = tensor3(1, 4, 2, [1, 0, 3, 0, -1, 0, 5, 0]);
        const got = await f(matrix(1, 2, [0, 7]), hEnc); // orthogonal to every encoder state
        expectClose("weights for equal scores", got.weights, [0.25, 0.25, 0.25, 0.25]);
        expectClose("context for equal scores", got.context, [2, 0]);
      },
    },
  ],
  "09.2-attention-step-backward": [
    {
      name: "hidden: other sizes (N=3, S=5, H=2) and (N=1, S=2, H=6), every gradient",
      points: 1,
      run: async (f: Remote<AttentionStepBackward>) => {
        const all: ("dScores" | "dhDec" | "dhEnc")[] = ["dScores", "dhDec", "dhEnc"];
        await checkAttentionBackward(f, attentionBackwardCase(3, 5, 2, 41), all);
        await checkAttentionBackward(f, attentionBackwardCase(1, 2, 6, 42), all);
      },
    },
    {
      name: "hidden: one source position (dScores = 0, dhEnc = dContext), cache left unchanged",
      points: 1,
      run: async (f: Remote<AttentionStepBackward>) => {
        const c = attentionBackwardCase(2, 1, 3, 43);
        const before = Array.from(c.cache.weights.data);
        const { result: g, args: [, after] } = await f.inspect(c.dContext, c.cache);
        expectClose("dScores with S = 1", g.dScores, [0, 0], 0);
        expectClose("dhDec with S = 1", g.dhDec, new Float64Array(6), 0);
        expectClose("dhEnc with S = 1", g.dhEnc, c.dContext.data, 1e-12);
        expectTrue(
          Array.from(after.weights.data).every((v, i) => v === before[i]),
          "the backward pass changed the cached weights; compute new arrays instead",
        );
      },
    },
  ],
};
