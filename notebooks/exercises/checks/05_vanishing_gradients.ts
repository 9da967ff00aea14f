/**
 * Visible checks of notebook 05's exercises; the check cell after each exercise runs them, and
 * `deno task grade 05` runs them (plus hidden ones from tests/grading/) in a sandbox. Expected
 * values are computed here from the definitions (plain loops over a real RNN's hidden states), and
 * a wrong answer is compared with what each common mistake gives, so the hint can name it.
 * @module
 */
import { type Exercise, expectClose, expectShape, expectTrue } from "../../../lib/grading/mod.ts";
import { type Matrix, matrix, rnnForward, tensor3 } from "../../../lib/scratch/mod.ts";
import { orthogonalMatrix } from "../../../lib/rnn/recurrent_init.ts";
import { Rng } from "../../../lib/util/rng.ts";
import { expectCloseOrName } from "./_diagnose.ts";

/** The student function's type. */
export type BpttGradNorms = (Wh: Matrix, hs: Matrix, dLast: Float64Array) => number[];
/** The student function's type. */
export type ClipByGlobalNorm = (
  grads: Record<string, Float64Array>,
  maxNorm: number,
) => { grads: Record<string, Float64Array>; norm: number };

/**
 * ‖∂L/∂h_t‖ by plain loops, with switches for the common mistakes: the tanh derivative taken at
 * h_t (right), at h_{t−1}, or left out; the step through Whᵀ (right) or Wh.
 */
export function bpttNormsRef(
  Wh: Matrix,
  hs: Matrix,
  dLast: Float64Array,
  mistake: "none" | "no tanh derivative" | "hPrev in derivative" | "Wh not transposed" = "none",
): number[] {
  const [T, H] = hs.shape, out = new Array<number>(T);
  let v = Float64Array.from(dLast);
  for (let t = T - 1; t >= 0; t--) {
    out[t] = Math.hypot(...v);
    const hAt = mistake === "hPrev in derivative" ? t - 1 : t;
    const da = v.map((g, j) =>
      mistake === "no tanh derivative" ? g : g * (1 - (hAt >= 0 ? hs.data[hAt * H + j] : 0) ** 2)
    );
    const next = new Float64Array(H);
    for (let i = 0; i < H; i++) {
      for (let j = 0; j < H; j++) {
        // right: next_i = Σ_j da_j Wh[i, j] (da·Whᵀ); mistake: Σ_j da_j Wh[j, i] (da·Wh)
        next[i] += da[j] *
          (mistake === "Wh not transposed" ? Wh.data[j * H + i] : Wh.data[i * H + j]);
      }
    }
    v = next;
  }
  return out;
}

/** The hidden states [T, H] of a tanh RNN run over one random sequence, and its Wh. */
export function rnnStates(T: number, D: number, H: number, seed: number, whScale = 0.9) {
  const r = new Rng(seed);
  const x = tensor3(1, T, D, r.normalArray(T * D));
  const Wx = matrix(D, H, r.normalArray(D * H, 0.6)), b = r.normalArray(H, 0.2);
  const Wh = matrix(H, H, r.normalArray(H * H, whScale / Math.sqrt(H)));
  const { out } = rnnForward(x, matrix(1, H), Wx, Wh, b);
  return { Wh, hs: matrix(T, H, out.data), dLast: r.normalArray(H) };
}

/** The named mistakes of 05.1 and the norms each gives. */
export function bpttNormMistakes(
  Wh: Matrix,
  hs: Matrix,
  dLast: Float64Array,
): [string, number[]][] {
  return [
    [
      "leaving out the tanh derivative (1 − h_t²) (the linear RNN's norms)",
      bpttNormsRef(Wh, hs, dLast, "no tanh derivative"),
    ],
    [
      "taking the tanh derivative at h_{t−1} instead of h_t (step t's derivative uses its own output)",
      bpttNormsRef(Wh, hs, dLast, "hPrev in derivative"),
    ],
    [
      "multiplying by Wh instead of Whᵀ (dh_{t−1} = da_t·Whᵀ for row vectors)",
      bpttNormsRef(Wh, hs, dLast, "Wh not transposed"),
    ],
  ];
}

/** Exercise 05.1: ‖∂L/∂h_t‖ through a tanh RNN. */
export const bpttGradNormsExercise: Exercise<BpttGradNorms> = {
  id: "05.1-bptt-grad-norms",
  hiddenPoints: 1,
  fn: "bpttGradNorms",
  title: "Gradient norms through a tanh RNN",
  checks: [
    {
      name: "one norm per step, the last one ‖dLast‖",
      points: 1,
      run: async (f) => {
        const { Wh, hs } = rnnStates(6, 2, 3, 1);
        const norms = await f(Wh, hs, Float64Array.of(3, 0, 4));
        expectShape("norms (T=6)", norms, [6]);
        expectClose("norms[T−1] = ‖dLast‖ for dLast = [3, 0, 4]", norms[5], 5, 1e-12);
      },
    },
    {
      name: "all h_t = 0 and Wh = ρ·Q (Q orthogonal): ρ^(T−1−t)·‖dLast‖, as the linear RNN",
      points: 1,
      run: async (f) => {
        const dLast = Float64Array.of(1, -2, 2, 0); // norm 3
        for (const rho of [0.5, 1.5]) {
          const got = await f(orthogonalMatrix(4, new Rng(2), rho), matrix(8, 4), dLast);
          const want = Array.from({ length: 8 }, (_, t) => 3 * rho ** (7 - t));
          expectClose(`norms for ρ = ${rho}`, got, want, 1e-9);
        }
      },
    },
    {
      name: "a real tanh RNN's states (T=7, H=5, non-symmetric Wh): the Jacobian of every step",
      points: 2,
      run: async (f) => {
        const { Wh, hs, dLast } = rnnStates(7, 3, 5, 3);
        expectCloseOrName(
          "norms",
          await f(Wh, hs, dLast),
          bpttNormsRef(Wh, hs, dLast),
          bpttNormMistakes(Wh, hs, dLast),
          1e-9,
        );
      },
    },
  ],
};

/** Global norm of a set of arrays. */
export const globalNormOf = (g: Record<string, ArrayLike<number>>) =>
  Math.sqrt(Object.values(g).reduce((s, a) => s + Array.from(a).reduce((t, v) => t + v * v, 0), 0));

/** Each array clipped to maxNorm on its own: the common mistake of 05.2. */
export function clipEachSeparately(g: Record<string, Float64Array>, maxNorm: number) {
  return Object.fromEntries(
    Object.entries(g).map(([k, a]) => {
      const n = Math.hypot(...a);
      return [k, a.map((v) => (n > maxNorm ? (v * maxNorm) / n : v))];
    }),
  );
}

/** Exercise 05.2: clipping by global norm. */
export const clipByGlobalNormExercise: Exercise<ClipByGlobalNorm> = {
  id: "05.2-clip-by-global-norm",
  hiddenPoints: 1,
  fn: "clipByGlobalNorm",
  title: "Clipping by global norm",
  checks: [
    {
      name: "returns the norm before clipping and leaves small gradients alone",
      points: 1,
      run: async (f) => {
        const out = await f({ dW: Float64Array.of(0.3, -0.4), db: Float64Array.of(0) }, 1);
        expectClose("norm of { dW: [0.3, −0.4], db: [0] }", out.norm, 0.5, 1e-12);
        expectClose(
          "dW after clipping to 1 (its norm 0.5 is below 1)",
          out.grads.dW,
          [0.3, -0.4],
          1e-12,
        );
        expectClose("db", out.grads.db, [0], 1e-12);
      },
    },
    {
      name: "rescales all arrays by one factor to the global norm maxNorm",
      points: 2,
      run: async (f) => {
        const g = {
          dWx: Float64Array.of(6, 0),
          dWh: Float64Array.of(0, 8, 0),
          db: Float64Array.of(24),
        };
        const out = await f(g, 6.5); // global norm 26; each array alone is above 6.5 only for db
        expectCloseOrName("the returned norm", out.norm, 26, [
          ["returning the norm after clipping; it must be the norm before (what a loop logs)", 6.5],
        ], 1e-12);
        const each = clipEachSeparately(g, 6.5);
        const want = { dWx: [1.5, 0], dWh: [0, 2, 0], db: [6] };
        for (const k of ["dWx", "dWh", "db"] as const) {
          expectCloseOrName(
            `${k} (every array scaled by maxNorm / global norm = 0.25)`,
            out.grads[k],
            want[k],
            [
              ["clipping each array to maxNorm separately instead of by the global norm", each[k]],
            ],
            1e-12,
          );
        }
        const after = globalNormOf(out.grads);
        expectTrue(
          Math.abs(after - 6.5) < 1e-9,
          `global norm after clipping is ${after}, expected 6.5`,
        );
      },
    },
  ],
};
