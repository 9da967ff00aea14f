/**
 * Hidden checks of notebook 08 (nbgrader's hidden tests): run by `deno task grade`, not shown in
 * the notebook. Keyed by grade id.
 * @module
 */
import { type Check, expectClose, expectTrue } from "../../lib/grading/mod.ts";
import { matrix, residualBlockForward } from "../../lib/scratch/mod.ts";
import {
  type BlockBackward,
  blockCase,
  checkBlock,
} from "../../notebooks/exercises/checks/08_residual.ts";

/** Hidden checks by grade id. */
export const hidden: Record<string, Check<BlockBackward>[]> = {
  "08.1-residual-block-backward": [
    {
      name: "hidden: other sizes (N=3, H=2, K=6), sigmoid and leaky ReLU, every gradient",
      points: 1,
      run: async (f) => {
        const all = ["dx", "dW1", "db1", "dW2", "db2"] as const;
        await checkBlock(f, blockCase(3, 2, 6, 11), "sigmoid", true, [...all]);
        await checkBlock(f, blockCase(1, 3, 2, 12), "leakyRelu", true, [...all]);
      },
    },
    {
      name: "hidden: a zero upstream gradient gives zeros, and the cache is left unchanged",
      points: 1,
      run: async (f) => {
        const c = blockCase(2, 3, 4, 13);
        const { cache } = residualBlockForward(c.x, c.p);
        const before = Array.from(cache.dense1.x.data);
        const { result: g, args: [, after] } = await f.inspect(matrix(2, 3), cache);
        expectClose("dx for dOut = 0", g.dx, new Float64Array(6), 0);
        expectClose("dW1 for dOut = 0", g.dW1, new Float64Array(12), 0);
        expectTrue(
          Array.from(after.dense1.x.data).every((v, i) => v === before[i]),
          "the backward pass changed x in the cache; compute new matrices instead",
        );
      },
    },
  ],
};
