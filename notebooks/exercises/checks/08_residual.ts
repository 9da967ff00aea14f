/**
 * Visible checks of notebook 08's exercise; the check cell after the exercise runs them, and
 * `deno task grade 08` runs them (plus hidden ones from tests/grading/) in a sandbox. Expected
 * gradients are numeric (centred differences of the course's residualBlockForward), never a
 * solution's output; sizes all differ (N=2, H=4, K=5) so a transposed product fails loudly.
 * @module
 */
import {
  type Exercise,
  expectClose,
  expectShape,
  expectTrue,
  type Remote,
} from "../../../lib/grading/mod.ts";
import {
  type Activation,
  activationBackward,
  denseBackward,
  type Matrix,
  matrix,
  numericGradientArray,
  type ResidualBlockCache,
  residualBlockForward,
  type ResidualBlockGrads,
  type ResidualBlockParams,
} from "../../../lib/scratch/mod.ts";
import { relError } from "../../../lib/util/all_close.ts";
import { Rng } from "../../../lib/util/rng.ts";

/** The student's backward pass. */
export type BlockBackward = (dOut: Matrix, cache: ResidualBlockCache) => ResidualBlockGrads;

/** A seeded block case: x [N, H], weights with a branch of width K, an upstream gradient. */
export function blockCase(N: number, H: number, K: number, seed: number) {
  const r = new Rng(seed);
  const p: ResidualBlockParams = {
    W1: matrix(H, K, r.normalArray(H * K, 0.5)),
    b1: r.normalArray(K, 0.5),
    W2: matrix(K, H, r.normalArray(K * H, 0.5)),
    b2: r.normalArray(H, 0.5),
  };
  return { x: matrix(N, H, r.normalArray(N * H)), p, dOut: matrix(N, H, r.normalArray(N * H)) };
}

/** Numeric gradients of Σ out ⊙ dOut with respect to x, W1, b1, W2, b2 (error ≈ 1e-12). */
export function numericBlockGrads(
  c: ReturnType<typeof blockCase>,
  activation: Activation,
  shortcut: boolean,
) {
  const { x, p, dOut } = c, [N, H] = x.shape, K = p.W1.shape[1];
  const run = (q: Partial<ResidualBlockParams>, xx = x) =>
    residualBlockForward(xx, { ...p, ...q }, { activation, shortcut }).out.data;
  const num = (f: (v: Float64Array) => Float64Array, v: Float64Array) =>
    numericGradientArray(f, v, dOut.data, 1e-3, 4);
  return {
    dx: num((v) => run({}, matrix(N, H, v)), x.data),
    dW1: num((v) => run({ W1: matrix(H, K, v) }), p.W1.data),
    db1: num((v) => run({ b1: v }), p.b1),
    dW2: num((v) => run({ W2: matrix(K, H, v) }), p.W2.data),
    db2: num((v) => run({ b2: v }), p.b2),
  };
}

/** Run the student's backward on a case and compare every gradient; dx gets a pointed hint. */
export async function checkBlock(
  f: Remote<BlockBackward>,
  c: ReturnType<typeof blockCase>,
  activation: Activation,
  shortcut: boolean,
  names: (keyof ResidualBlockGrads)[],
): Promise<void> {
  const { cache } = residualBlockForward(c.x, c.p, { activation, shortcut });
  const g = await f(c.dOut, cache);
  const want = numericBlockGrads(c, activation, shortcut);
  for (const name of names) {
    if (name === "dx" && g.dx?.data && relError(g.dx.data, want.dx) > 1e-6) {
      // The classic slip: the shortcut's dz left out (or added to a plain block).
      const dz = activationBackward(c.dOut, cache.act2).dx.data;
      const other = want.dx.map((v, i) => (shortcut ? v - dz[i] : v + dz[i]));
      expectTrue(
        relError(g.dx.data, other) > 1e-6,
        shortcut
          ? "dx has only the branch's gradient: x also reaches the sum z = x + F(x) through the " +
            "shortcut, so add dz (the gradient at the sum) to the branch's dx"
          : "dx includes a shortcut term, but cache.shortcut is false (a plain block): there is " +
            "no identity path, dx comes from the branch only",
      );
    }
    const got = g[name] && "data" in g[name] ? (g[name] as Matrix).data : g[name] as Float64Array;
    if (got && relError(got, want[name]) > 1e-6) {
      const N = c.x.shape[0];
      expectTrue(
        relError(got, want[name].map((v) => v / N)) > 1e-6,
        `${name} is the mean over the N=${N} rows of the batch, not the sum: the same ` +
          `${name.slice(1)} serves every row, so the rows' contributions add up`,
      );
      const skip = skipFinalActivation(c.dOut, cache)[name];
      expectTrue(
        relError(got, "data" in skip ? skip.data : skip) > 1e-6,
        `${name} equals what skipping the final activation gives: out = act(z), so the ` +
          "gradient at the sum is dz = activationBackward(dOut, cache.act2), not dOut itself",
      );
    }
    expectClose(name, g[name], want[name], 1e-6);
  }
}

/** What a backward pass that forgets the final activation out = act(z) gives (dz = dOut). */
function skipFinalActivation(dOut: Matrix, cache: ResidualBlockCache): ResidualBlockGrads {
  const { dx: da1, dW: dW2, db: db2 } = denseBackward(dOut, cache.dense2);
  const dd1 = activationBackward(da1, cache.act1).dx;
  const { dx: dxBranch, dW: dW1, db: db1 } = denseBackward(dd1, cache.dense1);
  const dx = cache.shortcut
    ? matrix(dOut.shape[0], dOut.shape[1], dOut.data.map((v, i) => v + dxBranch.data[i]))
    : dxBranch;
  return { dx, dW1, db1, dW2, db2 };
}

/** Exercise 08.1: the backward pass of a residual block. */
export const residualBlockBackwardExercise: Exercise<BlockBackward> = {
  id: "08.1-residual-block-backward",
  hiddenPoints: 2,
  fn: "residualBlockBackward",
  title: "Residual block backward",
  checks: [
    {
      name: "shapes (N=2, H=4, K=5)",
      points: 1,
      run: async (f) => {
        const c = blockCase(2, 4, 5, 1);
        const g = await f(c.dOut, residualBlockForward(c.x, c.p).cache);
        expectShape("dx", g.dx, [2, 4]);
        expectShape("dW1", g.dW1, [4, 5]);
        expectShape("db1", g.db1, [5]);
        expectShape("dW2", g.dW2, [5, 4]);
        expectShape("db2", g.db2, [4]);
      },
    },
    {
      name: "dW1, db1, dW2, db2 match the numeric gradient (ReLU)",
      points: 2,
      run: (f) => checkBlock(f, blockCase(2, 4, 5, 2), "relu", true, ["dW2", "db2", "dW1", "db1"]),
    },
    {
      name: "dx is the sum of the shortcut and the branch (tanh)",
      points: 2,
      run: (f) => checkBlock(f, blockCase(2, 4, 5, 3), "tanh", true, ["dx"]),
    },
    {
      name: "a plain block (shortcut off) has no identity path",
      points: 1,
      run: (f) => checkBlock(f, blockCase(2, 4, 5, 4), "tanh", false, ["dx", "dW1"]),
    },
  ],
};
