/**
 * Visible checks of notebook 05's exercises; the check cell after each exercise runs them, and
 * `deno task grade 05` runs them (plus hidden ones from tests/grading/) in a sandbox. Expected
 * values are computed here from the definitions (closed forms and plain loops).
 * @module
 */
import { type Exercise, expectClose, expectShape, expectTrue } from "../../../lib/grading/mod.ts";
import { type Matrix, matrix } from "../../../lib/scratch/mod.ts";
import { orthogonalMatrix } from "../../../lib/rnn/recurrent_init.ts";
import { Rng } from "../../../lib/util/rng.ts";

type LinearGradNorms = (Wh: Matrix, dLast: Float64Array, T: number) => number[];
type ClipByGlobalNorm = (grads: Record<string, Float64Array>, maxNorm: number) => number;

/** ‖dLast·(Whᵀ)^k‖ for k = T−1..0 by plain loops: v ← v·Whᵀ, i.e. v'_i = Σ_j v_j Wh[i, j]. */
export function linearNormsRef(Wh: Matrix, dLast: Float64Array, T: number): number[] {
  const H = dLast.length, out = new Array<number>(T);
  let v = Float64Array.from(dLast);
  for (let t = T - 1; t >= 0; t--) {
    out[t] = Math.hypot(...v);
    const next = new Float64Array(H);
    for (let i = 0; i < H; i++) for (let j = 0; j < H; j++) next[i] += v[j] * Wh.data[i * H + j];
    v = next;
  }
  return out;
}

/** Exercise 05.1: gradient norms per step of a linear RNN. */
export const linearGradNormsExercise: Exercise<LinearGradNorms> = {
  id: "05.1-linear-grad-norms",
  fn: "linearGradNorms",
  title: "Gradient norms in a linear RNN",
  checks: [
    {
      name: "one norm per step, the last one ‖dLast‖",
      points: 1,
      run: (f) => {
        const norms = f(matrix(3, 3, new Rng(1).normalArray(9)), Float64Array.of(3, 0, 4), 6);
        expectShape("norms (T=6)", norms, [6]);
        expectClose("norms[T−1] = ‖dLast‖ for dLast = [3, 0, 4]", norms[5], 5, 1e-12);
      },
    },
    {
      name:
        "Wh = ρ·Q with Q orthogonal gives ρ^(T−1−t)·‖dLast‖ (vanishing for ρ < 1, exploding for ρ > 1)",
      points: 1,
      run: (f) => {
        const dLast = Float64Array.of(1, -2, 2, 0); // norm 3
        for (const rho of [0.5, 1.5]) {
          const got = f(orthogonalMatrix(4, new Rng(2), rho), dLast, 8);
          const want = Array.from({ length: 8 }, (_, t) => 3 * rho ** (7 - t));
          expectClose(`norms for ρ = ${rho}`, got, want, 1e-9);
        }
      },
    },
    {
      name: "a non-symmetric Wh: the gradient goes back through Whᵀ",
      points: 1,
      run: (f) => {
        const Wh = matrix(2, 2, [0.9, 0.8, 0, 0.3]), dLast = Float64Array.of(1, 0);
        expectClose(
          "norms (dh_{t−1} = dh_t·Whᵀ, not dh_t·Wh)",
          f(Wh, dLast, 5),
          linearNormsRef(Wh, dLast, 5),
          1e-9,
        );
      },
    },
  ],
};

const norm = (g: Record<string, Float64Array>) =>
  Math.sqrt(Object.values(g).reduce((s, a) => s + a.reduce((t, v) => t + v * v, 0), 0));

/** Exercise 05.2: clipping by global norm. */
export const clipByGlobalNormExercise: Exercise<ClipByGlobalNorm> = {
  id: "05.2-clip-by-global-norm",
  fn: "clipByGlobalNorm",
  title: "Clipping by global norm",
  checks: [
    {
      name: "returns the norm before clipping and leaves small gradients alone",
      points: 1,
      run: (f) => {
        const g = { dW: Float64Array.of(0.3, -0.4), db: Float64Array.of(0) };
        const n = f(g, 1);
        expectClose("returned norm of { dW: [0.3, −0.4], db: [0] }", n, 0.5, 1e-12);
        expectClose("dW after clipping to 1 (its norm 0.5 is below 1)", g.dW, [0.3, -0.4], 1e-12);
      },
    },
    {
      name: "rescales all arrays by one factor to the global norm maxNorm",
      points: 2,
      run: (f) => {
        const g = {
          dWx: Float64Array.of(3, 0),
          dWh: Float64Array.of(0, 4, 0),
          db: Float64Array.of(12),
        };
        const n = f(g, 6.5); // global norm 13
        expectClose("returned norm (the global norm before clipping)", n, 13, 1e-12);
        const want = { dWx: [1.5, 0], dWh: [0, 2, 0], db: [6] };
        for (const k of ["dWx", "dWh", "db"] as const) {
          expectClose(
            `${k} (every array scaled by maxNorm / global norm = 0.5)`,
            g[k],
            want[k],
            1e-12,
          );
        }
        expectTrue(
          Math.abs(norm(g) - 6.5) < 1e-9,
          `global norm after clipping is ${norm(g)}, expected 6.5`,
        );
      },
    },
  ],
};
