/**
 * Visible checks of notebook 04's exercises; the check cell after each exercise runs them, and
 * `deno task grade 04` runs them (plus hidden ones from tests/grading/) in a sandbox. Expected
 * values come from CS231n's published numbers, the course's lib/scratch, or numeric gradients;
 * sizes all differ (N=2, T=3, D=4, H=5) so a swapped axis fails loudly.
 * @module
 */
import { type Exercise, expectClose, expectShape } from "../../../lib/grading/mod.ts";
import {
  type Matrix,
  matrix,
  numericGradientArray,
  type RnnCache,
  rnnForward,
  type RnnGrads,
  rnnStepBackward,
  type RnnStepCache,
  rnnStepForward,
  type RnnStepGrads,
  type Tensor3,
  tensor3,
} from "../../../lib/scratch/mod.ts";
import { Rng } from "../../../lib/util/rng.ts";

/** The student function's type. */
export type StepForward = (
  x: Matrix,
  hPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
) => { out: Matrix; cache: RnnStepCache };
/** The student function's type. */
export type StepBackward = (dhNext: Matrix, cache: RnnStepCache) => RnnStepGrads;
/** The student function's type. */
export type SeqBackward = (dh: Tensor3, cache: RnnCache) => RnnGrads;

/** NumPy's linspace(lo, hi, n) as a Float64Array. */
export function linspace(lo: number, hi: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

/** Seeded RNN inputs of the given sizes: x [N, D], hPrev [N, H], Wx, Wh, b, dh [N, H]. */
export function stepInputs(N: number, D: number, H: number, seed: number) {
  const r = new Rng(seed);
  return {
    x: matrix(N, D, r.normalArray(N * D)),
    hPrev: matrix(N, H, r.normalArray(N * H)),
    Wx: matrix(D, H, r.normalArray(D * H, 0.5)),
    Wh: matrix(H, H, r.normalArray(H * H, 0.5)),
    b: r.normalArray(H, 0.5),
    dOut: matrix(N, H, r.normalArray(N * H)),
  };
}

/** Seeded sequence inputs: x [N, T, D], h0 [N, H], weights, and an upstream dh [N, T, H]. */
export function seqInputs(N: number, T: number, D: number, H: number, seed: number) {
  const r = new Rng(seed);
  return {
    x: tensor3(N, T, D, r.normalArray(N * T * D)),
    h0: matrix(N, H, r.normalArray(N * H)),
    Wx: matrix(D, H, r.normalArray(D * H, 0.5)),
    Wh: matrix(H, H, r.normalArray(H * H, 0.5)),
    b: r.normalArray(H, 0.5),
    dh: tensor3(N, T, H, r.normalArray(N * T * H)),
  };
}

/** Numeric ∂(Σ rnnForward(...)·dh)/∂(each input), by the 4th-order stencil (error ≈ 1e-12). */
export function numericSeqGrads(p: ReturnType<typeof seqInputs>, dh: Tensor3) {
  const { x, h0, Wx, Wh, b } = p, [N, T, D] = x.shape, H = h0.shape[1];
  const run = (q: Partial<typeof p>) =>
    rnnForward(q.x ?? x, q.h0 ?? h0, q.Wx ?? Wx, q.Wh ?? Wh, q.b ?? b).out.data;
  const num = (f: (v: Float64Array) => Float64Array, v: Float64Array) =>
    numericGradientArray(f, v, dh.data, 1e-3, 4);
  return {
    dx: num((v) => run({ x: tensor3(N, T, D, v) }), x.data),
    dh0: num((v) => run({ h0: matrix(N, H, v) }), h0.data),
    dWx: num((v) => run({ Wx: matrix(D, H, v) }), Wx.data),
    dWh: num((v) => run({ Wh: matrix(H, H, v) }), Wh.data),
    db: num((v) => run({ b: v }), b),
  };
}

/** Exercise 04.1: one RNN step forward. */
export const rnnStepForwardExercise: Exercise<StepForward> = {
  id: "04.1-rnn-step-forward",
  fn: "rnnStepForward",
  title: "RNN step forward",
  checks: [
    {
      name: "hNext has shape [N, H]",
      points: 1,
      run: (f) => {
        const p = stepInputs(2, 4, 5, 1);
        expectShape("hNext (N=2, D=4, H=5)", f(p.x, p.hPrev, p.Wx, p.Wh, p.b).out, [2, 5]);
      },
    },
    {
      name: "values match CS231n's rnn_step_forward on linspace inputs",
      points: 2,
      run: (f) => {
        const [N, D, H] = [3, 10, 4];
        const { out } = f(
          matrix(N, D, linspace(-0.4, 0.7, N * D)),
          matrix(N, H, linspace(-0.2, 0.5, N * H)),
          matrix(D, H, linspace(-0.1, 0.9, D * H)),
          matrix(H, H, linspace(-0.3, 0.7, H * H)),
          linspace(-0.2, 0.4, H),
        );
        const expected = [
          [-0.58172089, -0.50182032, -0.41232771, -0.31410098],
          [0.66854692, 0.79562378, 0.87755553, 0.92795967],
          [0.97934501, 0.99144213, 0.99646691, 0.99854353],
        ];
        expectClose("hNext", out, expected, 1e-6);
      },
    },
    {
      name: "the cache { x, hPrev, Wx, Wh, hNext } works with the course's rnnStepBackward",
      points: 1,
      run: (f) => {
        const p = stepInputs(2, 4, 5, 2);
        const { cache } = f(p.x, p.hPrev, p.Wx, p.Wh, p.b);
        const ref = rnnStepBackward(p.dOut, rnnStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b).cache);
        const got = rnnStepBackward(p.dOut, cache);
        expectClose("dWh computed from your cache", got.dWh, ref.dWh, 1e-9);
        expectClose("dx computed from your cache", got.dx, ref.dx, 1e-9);
      },
    },
  ],
};

/** Exercise 04.2: one RNN step backward. */
export const rnnStepBackwardExercise: Exercise<StepBackward> = {
  id: "04.2-rnn-step-backward",
  fn: "rnnStepBackward",
  title: "RNN step backward",
  checks: [
    {
      name: "every gradient has the shape of its variable",
      points: 1,
      run: (f) => {
        const p = stepInputs(2, 4, 5, 3);
        const g = f(p.dOut, rnnStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b).cache);
        expectShape("dx", g.dx, [2, 4]);
        expectShape("dhPrev", g.dhPrev, [2, 5]);
        expectShape("dWx", g.dWx, [4, 5]);
        expectShape("dWh", g.dWh, [5, 5]);
        expectShape("db", g.db, [5]);
      },
    },
    {
      name: "dx and dhPrev match numeric gradients",
      points: 1,
      run: (f) => {
        const { x, hPrev, Wx, Wh, b, dOut } = stepInputs(2, 4, 5, 4);
        const g = f(dOut, rnnStepForward(x, hPrev, Wx, Wh, b).cache);
        const fwd = (q: Matrix, which: "x" | "h") =>
          rnnStepForward(which === "x" ? q : x, which === "h" ? q : hPrev, Wx, Wh, b).out.data;
        const num = (which: "x" | "h", m: Matrix) =>
          numericGradientArray(
            (v) => fwd(matrix(m.shape[0], m.shape[1], v), which),
            m.data,
            dOut.data,
            1e-3,
            4,
          );
        expectClose("dx", g.dx, num("x", x), 1e-6);
        expectClose("dhPrev", g.dhPrev, num("h", hPrev), 1e-6);
      },
    },
    {
      name: "dWx, dWh and db match numeric gradients",
      points: 2,
      run: (f) => {
        const { x, hPrev, Wx, Wh, b, dOut } = stepInputs(2, 4, 5, 5);
        const g = f(dOut, rnnStepForward(x, hPrev, Wx, Wh, b).cache);
        const num = (fn: (v: Float64Array) => Float64Array, v: Float64Array) =>
          numericGradientArray(fn, v, dOut.data, 1e-3, 4);
        const dWx = num((v) => rnnStepForward(x, hPrev, matrix(4, 5, v), Wh, b).out.data, Wx.data);
        const dWh = num((v) => rnnStepForward(x, hPrev, Wx, matrix(5, 5, v), b).out.data, Wh.data);
        const db = num((v) => rnnStepForward(x, hPrev, Wx, Wh, v).out.data, b);
        expectClose("dWx", g.dWx, dWx, 1e-6);
        expectClose("dWh", g.dWh, dWh, 1e-6);
        expectClose("db", g.db, db, 1e-6);
      },
    },
  ],
};

/** Run the student's BPTT on a prefix/suffix split of a cache, carrying dh0 across the cut. */
function splitBackward(f: SeqBackward, dh: Tensor3, cache: RnnCache, k: number): RnnGrads {
  const [N, T, H] = dh.shape;
  const part = (lo: number, hi: number) =>
    tensor3(
      N,
      hi - lo,
      H,
      Float64Array.from({ length: N * (hi - lo) * H }, (_, i) => {
        const n = Math.floor(i / ((hi - lo) * H)), rest = i % ((hi - lo) * H);
        return dh.data[n * T * H + lo * H + rest];
      }),
    );
  const late = f(part(k, T), { steps: cache.steps.slice(k) });
  const early = part(0, k);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < H; j++) early.data[(n * k + k - 1) * H + j] += late.dh0.data[n * H + j];
  }
  const first = f(early, { steps: cache.steps.slice(0, k) });
  const sum = (a: Float64Array, b: Float64Array) => a.map((v, i) => v + b[i]);
  return {
    dx: first.dx, // only the prefix's dx is compared
    dh0: first.dh0,
    dWx: matrix(first.dWx.shape[0], H, sum(first.dWx.data, late.dWx.data)),
    dWh: matrix(H, H, sum(first.dWh.data, late.dWh.data)),
    db: sum(first.db, late.db),
  };
}

/** Exercise 04.3: backpropagation through time. */
export const rnnBackwardExercise: Exercise<SeqBackward> = {
  id: "04.3-rnn-backward",
  fn: "rnnBackward",
  title: "Backpropagation through time",
  checks: [
    {
      name: "gradients have the shapes of x, h0, Wx, Wh, b",
      points: 1,
      run: (f) => {
        const p = seqInputs(2, 3, 4, 5, 6);
        const g = f(p.dh, rnnForward(p.x, p.h0, p.Wx, p.Wh, p.b).cache);
        expectShape("dx", g.dx, [2, 3, 4]);
        expectShape("dh0", g.dh0, [2, 5]);
        expectShape("dWx", g.dWx, [4, 5]);
        expectShape("dWh", g.dWh, [5, 5]);
        expectShape("db", g.db, [5]);
      },
    },
    {
      name: "loss on every step: all gradients match numeric gradients",
      points: 2,
      run: (f) => {
        const p = seqInputs(2, 3, 4, 5, 7);
        const g = f(p.dh, rnnForward(p.x, p.h0, p.Wx, p.Wh, p.b).cache);
        const num = numericSeqGrads(p, p.dh);
        for (const k of ["dx", "dh0", "dWx", "dWh", "db"] as const) {
          expectClose(k, g[k], num[k], 1e-6);
        }
      },
    },
    {
      name: "loss on the last step only: the gradient flows back to h0 through every step",
      points: 1,
      run: (f) => {
        const p = seqInputs(2, 4, 3, 5, 8);
        const dh = tensor3(2, 4, 5);
        for (let n = 0; n < 2; n++) {
          for (let j = 0; j < 5; j++) dh.data[(n * 4 + 3) * 5 + j] = p.dh.data[j];
        }
        const g = f(dh, rnnForward(p.x, p.h0, p.Wx, p.Wh, p.b).cache);
        const num = numericSeqGrads(p, dh);
        expectClose("dh0 (add the gradient carried back from step t+1)", g.dh0, num.dh0, 1e-6);
        expectClose("dWh (sum over all steps)", g.dWh, num.dWh, 1e-6);
      },
    },
    {
      name:
        "composes: BPTT over steps 2..T−1, then over 0..1 with the carried gradient, equals BPTT over all",
      points: 1,
      run: (f) => {
        const p = seqInputs(2, 5, 4, 3, 9);
        const { cache } = rnnForward(p.x, p.h0, p.Wx, p.Wh, p.b);
        const whole = f(p.dh, cache), split = splitBackward(f, p.dh, cache, 2);
        expectClose("dh0 of the split run vs the whole run", split.dh0, whole.dh0, 1e-9);
        expectClose("dWh of the split run vs the whole run", split.dWh, whole.dWh, 1e-9);
      },
    },
  ],
};
