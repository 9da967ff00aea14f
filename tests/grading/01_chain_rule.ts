/**
 * Hidden checks of notebook 01 (nbgrader's hidden tests): run by `deno task grade`, not shown in
 * the notebook. Keyed by grade id.
 * @module
 */
import {
  type Check,
  expectClose,
  expectShape,
  expectTrue,
  type Remote,
} from "../../lib/grading/mod.ts";
import {
  compareTwoLayer,
  crossEntropyLoss,
  type DenseBackward,
  denseCase,
  denseNumeric,
  randomMatrix,
  type SoftmaxCrossEntropy,
  type TwoLayerBackward,
  twoLayerCase,
} from "../../notebooks/exercises/checks/01_chain_rule.ts";

/** Hidden checks by grade id. */
export const hidden: Record<
  string,
  Check<DenseBackward>[] | Check<SoftmaxCrossEntropy>[] | Check<TwoLayerBackward>[]
> = {
  "01.1-dense-backward": [
    {
      name: "hidden: other sizes (N=6, D=3, H=1) and no change to the cache",
      points: 1,
      run: async (f: Remote<DenseBackward>) => {
        const { cache, dOut } = denseCase(6, 3, 1, 99);
        const xBefore = cache.x.data.slice(), wBefore = cache.W.data.slice();
        const { dx, dW, db } = await f(dOut, cache);
        const num = denseNumeric(cache, dOut);
        expectShape("dx", dx, [6, 3]);
        expectShape("dW", dW, [3, 1]);
        expectClose("dx", dx, num.dx, 1e-7);
        expectClose("dW", dW, num.dW, 1e-7);
        expectClose("db", db, num.db, 1e-7);
        expectClose("cache.x after the call", cache.x.data, xBefore, 0);
        expectClose("cache.W after the call", cache.W.data, wBefore, 0);
      },
    },
  ],
  "01.2-softmax-cross-entropy": [
    {
      name: "hidden: one example, and every row of dLogits sums to 0",
      points: 1,
      run: async (f: Remote<SoftmaxCrossEntropy>) => {
        const one = randomMatrix(1, 4, 3);
        expectClose("loss (N=1)", (await f(one, [3])).loss, crossEntropyLoss(one, [3]));
        const logits = randomMatrix(4, 6, 5);
        const { dLogits } = await f(logits, [5, 0, 0, 2]);
        for (let i = 0; i < 4; i++) {
          const s = dLogits.data.subarray(i * 6, i * 6 + 6).reduce((a, b) => a + b, 0);
          expectTrue(Math.abs(s) < 1e-12, `row ${i} of dLogits sums to ${s}, expected 0`);
        }
      },
    },
  ],
  "01.3-two-layer-backward": [
    {
      name: "hidden: other sizes (N=5, D=2, H=3, C=1), every gradient",
      points: 1,
      run: (f: Remote<TwoLayerBackward>) =>
        compareTwoLayer(f, [5, 2, 3, 1], 71, ["dx", "dW1", "db1", "dW2", "db2"]),
    },
    {
      name: "hidden: saturated tanh units (W1 × 8) and the cache left unchanged",
      points: 1,
      run: async (f: Remote<TwoLayerBackward>) => {
        await compareTwoLayer(f, [3, 4, 6, 2], 81, ["dW1", "db1", "dx"], 8, 1e-4);
        const { cache, dLogits } = twoLayerCase(3, 4, 6, 2, 91);
        const { args } = await f.inspect(dLogits, cache);
        expectClose("cache.h after the call", args[1].h.data, cache.h.data, 0);
        expectClose("dLogits after the call", args[0].data, dLogits.data, 0);
      },
    },
  ],
};
