/**
 * Visible checks of notebook 04's exercises; the check cell after each exercise runs them, and
 * `deno task grade 04` runs them (plus hidden ones from tests/grading/) in a sandbox. Expected
 * values come from CS231n's published numbers, the course's lib/scratch, or numeric gradients;
 * sizes all differ (N=2, T=3, D=4, H=5) so a swapped axis fails loudly.
 * @module
 */
import { type Exercise, expectClose, expectShape, type Remote } from "../../../lib/grading/mod.ts";
import {
  addRow,
  matmul,
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
  setTimeStep,
  sumRows,
  type Tensor3,
  tensor3,
  timeStep,
  transpose,
} from "../../../lib/scratch/mod.ts";
import { Rng } from "../../../lib/util/rng.ts";
import { expectCloseOrName } from "./_diagnose.ts";

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

const tanhOf = (m: Matrix) => matrix(m.shape[0], m.shape[1], m.data.map(Math.tanh));
const plus = (a: Matrix, b: Matrix) =>
  matrix(a.shape[0], a.shape[1], a.data.map((v, k) => v + b.data[k]));
const times = (a: Matrix, f: (k: number) => number) =>
  matrix(a.shape[0], a.shape[1], a.data.map((v, k) => v * f(k)));

/** What common mistakes of a step forward give: [the mistake, hNext]. */
export function forwardMistakes(x: Matrix, hPrev: Matrix, Wx: Matrix, Wh: Matrix, b: Float64Array) {
  const xw = matmul(x, Wx), hw = matmul(hPrev, Wh), a = addRow(plus(xw, hw), b);
  return [
    ["forgetting the bias b", tanhOf(plus(xw, hw))],
    [
      "multiplying hPrev by Whᵀ instead of Wh",
      tanhOf(addRow(plus(xw, matmul(hPrev, transpose(Wh))), b)),
    ],
    ["leaving out the tanh (returning the pre-activation)", a],
  ] as [string, Matrix][];
}

/** The step backward with one common mistake switched on, to name it in a hint. */
export function stepBackwardMistake(
  dhNext: Matrix,
  c: RnnStepCache,
  mistake: "hNext for hPrev" | "no tanh derivative" | "mean over the batch",
): RnnStepGrads {
  const N = dhNext.shape[0];
  const da = mistake === "no tanh derivative"
    ? dhNext
    : times(dhNext, (k) => 1 - c.hNext.data[k] ** 2);
  const g = {
    dx: matmul(da, transpose(c.Wx)),
    dhPrev: matmul(da, transpose(c.Wh)),
    dWx: matmul(transpose(c.x), da),
    dWh: matmul(transpose(mistake === "hNext for hPrev" ? c.hNext : c.hPrev), da),
    db: sumRows(da),
  };
  if (mistake === "mean over the batch") {
    for (const k of ["dWx", "dWh"] as const) g[k] = times(g[k], () => 1 / N);
    g.db = g.db.map((v) => v / N);
  }
  return g;
}

/** The named step-backward mistakes: [description, its gradients]. */
function stepMistakes(dhNext: Matrix, cache: RnnStepCache): [string, RnnStepGrads][] {
  return [
    ["using hNext instead of hPrev in dWh", stepBackwardMistake(dhNext, cache, "hNext for hPrev")],
    [
      "leaving out the tanh derivative (1 − hNext²)",
      stepBackwardMistake(dhNext, cache, "no tanh derivative"),
    ],
    [
      "averaging over the batch instead of summing (the loss is a sum over N)",
      stepBackwardMistake(dhNext, cache, "mean over the batch"),
    ],
  ];
}

/** BPTT with one common mistake switched on, built from the course's step backward. */
export function bpttMistake(
  dh: Tensor3,
  cache: RnnCache,
  mistake: "no carried gradient" | "weight gradients overwritten" | "upstream dh ignored",
): RnnGrads {
  const [N, T, H] = dh.shape, D = cache.steps[0].x.shape[1];
  const dx = tensor3(N, T, D), dWx = matrix(D, H), dWh = matrix(H, H), db = new Float64Array(H);
  let carried = matrix(N, H);
  for (let t = T - 1; t >= 0; t--) {
    const own = timeStep(dh, t);
    const total = mistake === "no carried gradient"
      ? own
      : mistake === "upstream dh ignored" && t < T - 1
      ? carried
      : plus(own, carried);
    const g = rnnStepBackward(total, cache.steps[t]);
    setTimeStep(dx, t, g.dx);
    const keep = mistake === "weight gradients overwritten" ? 0 : 1;
    dWx.data.set(dWx.data.map((v, k) => keep * v + g.dWx.data[k]));
    dWh.data.set(dWh.data.map((v, k) => keep * v + g.dWh.data[k]));
    db.set(db.map((v, k) => keep * v + g.db[k]));
    carried = g.dhPrev;
  }
  return { dx, dh0: carried, dWx, dWh, db };
}

/** The named BPTT mistakes: [description, its gradients]. */
function bpttMistakes(dh: Tensor3, cache: RnnCache): [string, RnnGrads][] {
  return [
    [
      "forgetting the gradient carried back from step t+1 (dhPrev of the later step)",
      bpttMistake(dh, cache, "no carried gradient"),
    ],
    [
      "overwriting dWx, dWh, db at each step instead of summing them over the steps",
      bpttMistake(dh, cache, "weight gradients overwritten"),
    ],
    [
      "using only the carried gradient and dropping the step's own upstream dh[:, t]",
      bpttMistake(dh, cache, "upstream dh ignored"),
    ],
  ];
}

/** Exercise 04.1: one RNN step forward. */
export const rnnStepForwardExercise: Exercise<StepForward> = {
  id: "04.1-rnn-step-forward",
  hiddenPoints: 1,
  fn: "rnnStepForward",
  title: "RNN step forward",
  checks: [
    {
      name: "hNext has shape [N, H]",
      points: 1,
      run: async (f) => {
        const p = stepInputs(2, 4, 5, 1);
        expectShape("hNext (N=2, D=4, H=5)", (await f(p.x, p.hPrev, p.Wx, p.Wh, p.b)).out, [2, 5]);
      },
    },
    {
      name: "values match CS231n's rnn_step_forward on linspace inputs",
      points: 3,
      run: async (f) => {
        const [N, D, H] = [3, 10, 4];
        const args = [
          matrix(N, D, linspace(-0.4, 0.7, N * D)),
          matrix(N, H, linspace(-0.2, 0.5, N * H)),
          matrix(D, H, linspace(-0.1, 0.9, D * H)),
          matrix(H, H, linspace(-0.3, 0.7, H * H)),
          linspace(-0.2, 0.4, H),
        ] as const;
        const { out } = await f(...args);
        const expected = [
          [-0.58172089, -0.50182032, -0.41232771, -0.31410098],
          [0.66854692, 0.79562378, 0.87755553, 0.92795967],
          [0.97934501, 0.99144213, 0.99646691, 0.99854353],
        ];
        expectCloseOrName("hNext", out, expected.flat(), forwardMistakes(...args), 1e-6);
      },
    },
    {
      name: "the cache { x, hPrev, Wx, Wh, hNext } works with the course's rnnStepBackward",
      points: 1,
      run: async (f) => {
        const p = stepInputs(2, 4, 5, 2);
        const { cache } = await f(p.x, p.hPrev, p.Wx, p.Wh, p.b);
        const ref = rnnStepBackward(p.dOut, rnnStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b).cache);
        const right = rnnStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b).out;
        const preActivation = addRow(plus(matmul(p.x, p.Wx), matmul(p.hPrev, p.Wh)), p.b);
        expectCloseOrName("cache.hNext", cache.hNext, right, [
          ["storing the pre-activation a instead of hNext = tanh(a)", preActivation],
        ], 1e-9);
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
  hiddenPoints: 1,
  fn: "rnnStepBackward",
  title: "RNN step backward",
  checks: [
    {
      name: "every gradient has the shape of its variable",
      points: 1,
      run: async (f) => {
        const p = stepInputs(2, 4, 5, 3);
        const g = await f(p.dOut, rnnStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b).cache);
        expectShape("dx", g.dx, [2, 4]);
        expectShape("dhPrev", g.dhPrev, [2, 5]);
        expectShape("dWx", g.dWx, [4, 5]);
        expectShape("dWh", g.dWh, [5, 5]);
        expectShape("db", g.db, [5]);
      },
    },
    {
      name: "dx and dhPrev match numeric gradients",
      points: 2,
      run: async (f) => {
        const { x, hPrev, Wx, Wh, b, dOut } = stepInputs(2, 4, 5, 4);
        const g = await f(dOut, rnnStepForward(x, hPrev, Wx, Wh, b).cache);
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
        const named = stepMistakes(dOut, rnnStepForward(x, hPrev, Wx, Wh, b).cache);
        const m = (k: "dx" | "dhPrev") => named.map(([w, v]) => [w, v[k]] as [string, Matrix]);
        expectCloseOrName("dx", g.dx, num("x", x), m("dx"), 1e-6);
        expectCloseOrName("dhPrev", g.dhPrev, num("h", hPrev), m("dhPrev"), 1e-6);
      },
    },
    {
      name: "dWx, dWh and db match numeric gradients",
      points: 2,
      run: async (f) => {
        const { x, hPrev, Wx, Wh, b, dOut } = stepInputs(2, 4, 5, 5);
        const g = await f(dOut, rnnStepForward(x, hPrev, Wx, Wh, b).cache);
        const num = (fn: (v: Float64Array) => Float64Array, v: Float64Array) =>
          numericGradientArray(fn, v, dOut.data, 1e-3, 4);
        const dWx = num((v) => rnnStepForward(x, hPrev, matrix(4, 5, v), Wh, b).out.data, Wx.data);
        const dWh = num((v) => rnnStepForward(x, hPrev, Wx, matrix(5, 5, v), b).out.data, Wh.data);
        const db = num((v) => rnnStepForward(x, hPrev, Wx, Wh, v).out.data, b);
        const named = stepMistakes(dOut, rnnStepForward(x, hPrev, Wx, Wh, b).cache);
        const m = <K extends "dWx" | "dWh" | "db">(k: K) =>
          named.map(([w, v]) => [w, v[k]] as [string, RnnStepGrads[K]]);
        expectCloseOrName("dWx", g.dWx, dWx, m("dWx"), 1e-6);
        expectCloseOrName("dWh", g.dWh, dWh, m("dWh"), 1e-6);
        expectCloseOrName("db", g.db, db, m("db"), 1e-6);
      },
    },
  ],
};

/** Run the student's BPTT on a prefix/suffix split of a cache, carrying dh0 across the cut. */
async function splitBackward(
  f: Remote<SeqBackward>,
  dh: Tensor3,
  cache: RnnCache,
  k: number,
): Promise<RnnGrads> {
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
  const late = await f(part(k, T), { steps: cache.steps.slice(k) });
  const early = part(0, k);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < H; j++) early.data[(n * k + k - 1) * H + j] += late.dh0.data[n * H + j];
  }
  const first = await f(early, { steps: cache.steps.slice(0, k) });
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
  hiddenPoints: 1,
  fn: "rnnBackward",
  title: "Backpropagation through time",
  checks: [
    {
      name: "gradients have the shapes of x, h0, Wx, Wh, b",
      points: 1,
      run: async (f) => {
        const p = seqInputs(2, 3, 4, 5, 6);
        const g = await f(p.dh, rnnForward(p.x, p.h0, p.Wx, p.Wh, p.b).cache);
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
      run: async (f) => {
        const p = seqInputs(2, 3, 4, 5, 7);
        const g = await f(p.dh, rnnForward(p.x, p.h0, p.Wx, p.Wh, p.b).cache);
        const { cache } = rnnForward(p.x, p.h0, p.Wx, p.Wh, p.b);
        const num = numericSeqGrads(p, p.dh), named = bpttMistakes(p.dh, cache);
        for (const k of ["dh0", "dWh", "dWx", "db", "dx"] as const) {
          expectCloseOrName(k, g[k], num[k], named.map(([w, v]) => [w, v[k]]), 1e-6);
        }
      },
    },
    {
      name: "loss on the last step only: the gradient flows back to h0 through every step",
      points: 1,
      run: async (f) => {
        const p = seqInputs(2, 4, 3, 5, 8);
        const dh = tensor3(2, 4, 5);
        for (let n = 0; n < 2; n++) {
          for (let j = 0; j < 5; j++) dh.data[(n * 4 + 3) * 5 + j] = p.dh.data[j];
        }
        const { cache } = rnnForward(p.x, p.h0, p.Wx, p.Wh, p.b);
        const g = await f(dh, cache);
        const num = numericSeqGrads(p, dh), named = bpttMistakes(dh, cache);
        expectCloseOrName("dh0", g.dh0, num.dh0, named.map(([w, v]) => [w, v.dh0]), 1e-6);
        expectCloseOrName("dWh", g.dWh, num.dWh, named.map(([w, v]) => [w, v.dWh]), 1e-6);
      },
    },
    {
      name:
        "composes: BPTT over steps 2..T−1, then over 0..1 with the carried gradient, equals BPTT over all",
      points: 1,
      run: async (f) => {
        const p = seqInputs(2, 5, 4, 3, 9);
        const { cache } = rnnForward(p.x, p.h0, p.Wx, p.Wh, p.b);
        const whole = await f(p.dh, cache), split = await splitBackward(f, p.dh, cache, 2);
        expectClose("dh0 of the split run vs the whole run", split.dh0, whole.dh0, 1e-9);
        expectClose("dWh of the split run vs the whole run", split.dWh, whole.dWh, 1e-9);
      },
    },
  ],
};
