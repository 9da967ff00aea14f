/**
 * Hidden checks of notebook 03 (nbgrader's hidden tests): run by `deno task grade`, not shown in
 * the notebook. Keyed by grade id.
 * @module
 */
import { type Check, expectClose, namedFn, type Remote } from "../../lib/grading/mod.ts";
import { matrix } from "../../lib/scratch/mod.ts";
import {
  comparePreserving,
  type GradCheck,
  type LayerStats,
  type PreservingStd,
  reluCase,
} from "../../notebooks/exercises/checks/03_backprop_pitfalls.ts";

/** Hidden checks by grade id. */
export const hidden: Record<
  string,
  Check<GradCheck>[] | Check<LayerStats>[] | Check<PreservingStd>[]
> = {
  "03.2-grad-check": [
    {
      name: "hidden: the step h is used ((1+h)³ − (1−h)³) / 2h = 3 + h²",
      points: 1,
      run: async (f: Remote<GradCheck>) => {
        const { numeric } = await f(namedFn("cubeOfFirst"), Float64Array.of(1), [3], 1e-3);
        expectClose("numeric with h = 1e-3", numeric, [3 + 1e-6], 1e-9);
      },
    },
  ],
  "03.1-layer-stats": [
    {
      name: "hidden: leaky ReLU has no dead units; one example",
      points: 1,
      run: async (f: Remote<LayerStats>) => {
        expectClose("dead (leakyRelu)", (await f(reluCase, "leakyRelu")).dead, 0);
        const one = await f(matrix(1, 3, [0, 2, 0]), "relu");
        expectClose("dead (N = 1)", one.dead, 2 / 3);
        expectClose("mean (N = 1)", one.mean, 2 / 3);
      },
    },
  ],
  "03.3-preserving-std": [
    {
      name: "hidden: one input (fanIn = 1) and lib's leaky slope α = 0.01 (fanIn = 100)",
      points: 1,
      run: async (f: Remote<PreservingStd>) => {
        await comparePreserving(f, 1, 0);
        await comparePreserving(f, 100, 0.01);
      },
    },
  ],
};
