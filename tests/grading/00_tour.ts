/**
 * Hidden checks of notebook 00 (nbgrader's hidden tests): run by `deno task grade`, not shown in
 * the notebook. Keyed by grade id.
 * @module
 */
import { type Check, expectClose } from "../../lib/grading/mod.ts";

type Softmax = (logits: number[]) => number[];

/** Hidden checks by grade id. */
export const hidden: Record<string, Check<Softmax>[]> = {
  "00.1-softmax": [
    {
      name: "hidden: very negative logits and a single entry",
      points: 1,
      run: (f) => {
        expectClose("softmax([-1000, -1000])", f([-1000, -1000]), [0.5, 0.5]);
        expectClose("softmax([7])", f([7]), [1]);
      },
    },
  ],
};
