/**
 * Hidden checks of notebook 00 (nbgrader's hidden tests): run by `deno task grade`, not shown in
 * the notebook. Keyed by grade id.
 * @module
 */
import { type Check, expectClose } from "../../lib/grading/mod.ts";
import { type Softmax, softmaxRef } from "../../notebooks/exercises/checks/00_tour.ts";

/** Hidden checks by grade id. */
export const hidden: Record<string, Check<Softmax>[]> = {
  "00.1-softmax": [
    {
      name: "hidden: very negative logits, a single entry, and the input left unchanged",
      points: 1,
      run: async (f) => {
        const z = [[-1000, -1000], [3, 3]];
        const { result, args } = await f.inspect(z);
        expectClose("softmax([[−1000, −1000], [3, 3]])", result, softmaxRef(z));
        expectClose("logits after the call", args[0], z, 0);
        expectClose("softmax([[7]])", await f([[7]]), [[1]]);
      },
    },
  ],
};
