/**
 * Visible checks of notebook 06's exercises; the check cell after each exercise runs them, and
 * `deno task grade 06` runs them (plus hidden ones from tests/grading/) in a sandbox. Expected
 * values come from CS231n's published LSTM numbers, the course's lib/scratch cells, and numeric
 * gradients (4th-order centred differences). Sizes all differ (N=2, T=3, D=4, H=5) so a swapped
 * axis fails loudly. When a result is wrong, the hint compares it with what the common mistakes
 * give (wrong gate order, a dropped path of the chain rule, ...) and names the one it matches.
 * @module
 */
import {
  CheckFailure,
  type Exercise,
  expectClose,
  expectShape,
  type Numeric,
  type Remote,
} from "../../../lib/grading/mod.ts";
import {
  gruStepBackward,
  type GruStepCache,
  gruStepForward,
  type GruStepGrads,
  lstmBackward,
  type LstmCache,
  lstmForward,
  type LstmGrads,
  lstmStepBackward,
  type LstmStepCache,
  lstmStepForward,
  type LstmStepGrads,
  type Matrix,
  matrix,
  numericGradientArray,
  setTimeStep,
  type Tensor3,
  tensor3,
  timeStep,
} from "../../../lib/scratch/mod.ts";
import { relError } from "../../../lib/util/all_close.ts";
import { Rng } from "../../../lib/util/rng.ts";
import { linspace } from "./04_rnn_bptt.ts";

/** The student function's type. */
export type LstmStep = (
  x: Matrix,
  hPrev: Matrix,
  cPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
) => { out: Matrix; cNext: Matrix; cache: LstmStepCache };
/** The student function's type. */
export type GruStep = (
  x: Matrix,
  hPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  bx: Float64Array,
  bh: Float64Array,
) => { out: Matrix; cache: GruStepCache };
/** The student function's type. */
export type LstmStepBack = (dhNext: Matrix, dcNext: Matrix, cache: LstmStepCache) => LstmStepGrads;
/** The student function's type. */
export type LstmSeq = (
  x: Tensor3,
  h0: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
  c0?: Matrix,
) => { out: Tensor3; c: Tensor3; cache: LstmCache };
/** The student function's type. */
export type LstmSeqBack = (dh: Tensor3, cache: LstmCache, opts?: { dcLast?: Matrix }) => LstmGrads;
/** The student function's type. */
export type GruStepBack = (dhNext: Matrix, cache: GruStepCache) => GruStepGrads;

/** Seeded inputs of a gated cell with G gate blocks: x [N, D], hPrev, cPrev [N, H], weights. */
export function gatedInputs(N: number, D: number, H: number, G: number, seed: number) {
  const r = new Rng(seed);
  return {
    x: matrix(N, D, r.normalArray(N * D)),
    hPrev: matrix(N, H, r.normalArray(N * H)),
    cPrev: matrix(N, H, r.normalArray(N * H)),
    Wx: matrix(D, G * H, r.normalArray(D * G * H, 0.6)),
    Wh: matrix(H, G * H, r.normalArray(H * G * H, 0.6)),
    b: r.normalArray(G * H, 0.6),
    bh: r.normalArray(G * H, 0.6),
    dh: matrix(N, H, r.normalArray(N * H)),
    dc: matrix(N, H, r.normalArray(N * H)),
  };
}

/** Seeded LSTM sequence inputs: x [N, T, D], h0, c0 [N, H], weights, upstream dh [N, T, H]. */
export function lstmSeqInputs(N: number, T: number, D: number, H: number, seed: number) {
  const r = new Rng(seed);
  return {
    x: tensor3(N, T, D, r.normalArray(N * T * D)),
    h0: matrix(N, H, r.normalArray(N * H)),
    c0: matrix(N, H, r.normalArray(N * H)),
    Wx: matrix(D, 4 * H, r.normalArray(D * 4 * H, 0.5)),
    Wh: matrix(H, 4 * H, r.normalArray(H * 4 * H, 0.5)),
    b: r.normalArray(4 * H, 0.5),
    dh: tensor3(N, T, H, r.normalArray(N * T * H)),
    dcLast: matrix(N, H, r.normalArray(N * H)),
  };
}

/** Whether two results agree to 1e-7 (used to recognise a known mistake). */
function same(a: Numeric | undefined, b: Numeric): boolean {
  if (a === undefined || a === null) return false;
  const v = (x: Numeric) =>
    typeof x === "object" && "data" in x && "shape" in x ? Float64Array.from(x.data) : x;
  try {
    return relError(v(a), v(b)) < 1e-7;
  } catch {
    return false;
  }
}

/**
 * expectClose, but when the value is wrong and equals what a known mistake gives, the hint names
 * that mistake.
 */
export function expectCloseOrName(
  what: string,
  got: Numeric,
  expected: Numeric,
  mistakes: [label: string, value: Numeric][],
  tol = 1e-6,
): void {
  try {
    expectClose(what, got, expected, tol);
  } catch (err) {
    const hit = mistakes.find(([, v]) => same(got, v));
    if (hit) throw new CheckFailure(`${what} is what you get by ${hit[0]}`);
    throw err;
  }
}

/** Columns of an [R, 4H] matrix (or a [4H] vector) with blocks 2 and 3 (g and o) swapped. */
export function swapGO<T extends Matrix | Float64Array>(a: T): T {
  const m = a as Matrix, v = a as Float64Array, isM = "shape" in a;
  const data: Float64Array = isM ? m.data : v, cols = isM ? m.shape[1] : v.length;
  const H = cols / 4, out = data.slice();
  for (let r = 0; r < data.length / cols; r++) {
    for (let j = 0; j < H; j++) {
      out[r * cols + 2 * H + j] = data[r * cols + 3 * H + j];
      out[r * cols + 3 * H + j] = data[r * cols + 2 * H + j];
    }
  }
  return (isM ? matrix(m.shape[0], cols, out) : out) as T;
}

const GATE_ORDER = "reading the gate blocks in CS231n's order i | f | o | g (the course's order " +
  "is i | f | g | o)";

/** CS231n's i | f | o | g column blocks reordered to the course's i | f | g | o. */
function fromCs231nOrder(data: Float64Array, rows: number, H: number): Float64Array {
  return swapGO(matrix(rows, 4 * H, data)).data;
}

/** Exercise 06.1: one LSTM step forward. */
export const lstmStepForwardExercise: Exercise<LstmStep> = {
  id: "06.1-lstm-step-forward",
  hiddenPoints: 1,
  fn: "lstmStepForward",
  title: "LSTM step forward",
  checks: [
    {
      name: "hNext and cNext have shape [N, H]",
      points: 1,
      run: async (f) => {
        const p = gatedInputs(2, 4, 5, 4, 31);
        const { out, cNext } = await f(p.x, p.hPrev, p.cPrev, p.Wx, p.Wh, p.b);
        expectShape("hNext (N=2, D=4, H=5)", out, [2, 5]);
        expectShape("cNext", cNext, [2, 5]);
      },
    },
    {
      name: "values match CS231n's lstm_step_forward (its weights reordered to i | f | g | o)",
      points: 2,
      run: async (f) => {
        const [N, D, H] = [3, 4, 5];
        const args = [
          matrix(N, D, linspace(-0.4, 1.2, N * D)),
          matrix(N, H, linspace(-0.3, 0.7, N * H)),
          matrix(N, H, linspace(-0.4, 0.9, N * H)),
          matrix(D, 4 * H, fromCs231nOrder(linspace(-2.1, 1.3, 4 * D * H), D, H)),
          matrix(H, 4 * H, fromCs231nOrder(linspace(-0.7, 2.2, 4 * H * H), H, H)),
          fromCs231nOrder(linspace(0.3, 0.7, 4 * H), 1, H),
        ] as const;
        const { out, cNext } = await f(...args);
        const [x, hPrev, cPrev, Wx, Wh, b] = args;
        const swapped = lstmStepForward(x, hPrev, cPrev, swapGO(Wx), swapGO(Wh), swapGO(b));
        const mistakes: [string, Numeric][] = [[GATE_ORDER, swapped.cNext]];
        expectCloseOrName(
          "cNext",
          cNext,
          [
            [0.32986176, 0.39145139, 0.451556, 0.51014116, 0.56717407],
            [0.66382255, 0.76674007, 0.87195994, 0.97902709, 1.08751345],
            [0.74192008, 0.90592151, 1.07717006, 1.25120233, 1.42395676],
          ],
          mistakes,
          1e-6,
        );
        const ref = lstmStepForward(...args);
        expectCloseOrName("hNext", out, [
          [0.24635157, 0.28610883, 0.32240467, 0.35525807, 0.38474904],
          [0.49223563, 0.55611431, 0.61507696, 0.66844003, 0.7159181],
          [0.56735664, 0.66310127, 0.74419266, 0.80889665, 0.858299],
        ], [
          [GATE_ORDER, swapped.out],
          [
            "computing hNext = o ⊙ cNext, without the tanh on the cell state",
            ref.cache.o.data.map(
              (v, k) => v * ref.cNext.data[k],
            ),
          ],
        ], 1e-6);
      },
    },
    {
      name: "matches the course's lstmStepForward on random weights",
      points: 1,
      run: async (f) => {
        const p = gatedInputs(2, 4, 5, 4, 32);
        const got = await f(p.x, p.hPrev, p.cPrev, p.Wx, p.Wh, p.b);
        const ref = lstmStepForward(p.x, p.hPrev, p.cPrev, p.Wx, p.Wh, p.b);
        const swapped = lstmStepForward(
          p.x,
          p.hPrev,
          p.cPrev,
          swapGO(p.Wx),
          swapGO(p.Wh),
          swapGO(p.b),
        );
        expectCloseOrName("cNext", got.cNext, ref.cNext, [[GATE_ORDER, swapped.cNext]], 1e-9);
        expectCloseOrName("hNext", got.out, ref.out, [
          [GATE_ORDER, swapped.out],
          [
            "computing hNext = o ⊙ cNext, without the tanh on the cell state",
            ref.cache.o.data.map(
              (v, k) => v * ref.cNext.data[k],
            ),
          ],
        ], 1e-9);
      },
    },
    {
      name: "the cache holds x, hPrev, cPrev, Wx, Wh, the gates i, f, g, o, cNext and tanhC",
      points: 1,
      run: async (f) => {
        const p = gatedInputs(2, 4, 5, 4, 36);
        const { cache } = await f(p.x, p.hPrev, p.cPrev, p.Wx, p.Wh, p.b);
        const ref = lstmStepForward(p.x, p.hPrev, p.cPrev, p.Wx, p.Wh, p.b).cache;
        if (!cache || typeof cache !== "object") {
          throw new CheckFailure(
            "return { out, cNext, cache } with the cache described in the stub",
          );
        }
        for (const k of ["x", "hPrev", "cPrev", "Wx", "Wh", "cNext", "tanhC"] as const) {
          expectClose(`cache.${k}`, cache[k], ref[k], 1e-9);
        }
        for (const k of ["i", "f", "g", "o"] as const) {
          expectClose(`cache.${k} (the gate after its σ or tanh)`, cache[k], ref[k], 1e-9);
        }
      },
    },
  ],
};

/** Exercise 06.2: one GRU step forward (PyTorch's reset-after variant). */
export const gruStepForwardExercise: Exercise<GruStep> = {
  id: "06.2-gru-step-forward",
  hiddenPoints: 1,
  fn: "gruStepForward",
  title: "GRU step forward",
  checks: [
    {
      name: "hNext has shape [N, H]",
      points: 1,
      run: async (f) => {
        const p = gatedInputs(2, 4, 5, 3, 33);
        const { out } = await f(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh);
        expectShape("hNext (N=2, D=4, H=5)", out, [2, 5]);
      },
    },
    {
      name: "with zero weights z = 0.5 and n = 0, so hNext = hPrev / 2",
      points: 1,
      run: async (f) => {
        const hPrev = matrix(2, 5, new Rng(34).normalArray(10));
        const z = () => new Float64Array(15);
        const { out } = await f(matrix(2, 4), hPrev, matrix(4, 15), matrix(5, 15), z(), z());
        expectClose("hNext = (1 − z) ⊙ n + z ⊙ hPrev", out, hPrev.data.map((v) => v / 2), 1e-12);
      },
    },
    {
      name: "matches the course's gruStepForward (PyTorch's variant) on random weights",
      points: 2,
      run: async (f) => {
        const p = gatedInputs(2, 4, 5, 3, 35);
        const got = (await f(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh)).out;
        const ref = gruStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh);
        const before = gruStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh, { resetAfter: false });
        const { z, n } = ref.cache;
        const zSwapped = z.data.map((zk, k) => zk * n.data[k] + (1 - zk) * p.hPrev.data[k]);
        expectCloseOrName("hNext", got, ref.out, [
          [
            "using Cho et al.'s variant, (r ⊙ hPrev)·Wh_n (PyTorch's applies r after the matmul, " +
            "to hPrev·Wh_n + bh_n)",
            before.out,
          ],
          [
            "swapping z and 1 − z, hNext = z ⊙ n + (1 − z) ⊙ hPrev (z is the share of the OLD " +
            "state kept)",
            zSwapped,
          ],
        ], 1e-9);
      },
    },
    {
      name: "the cache holds x, hPrev, Wx, Wh, the gates r, z, the candidate n and hn",
      points: 1,
      run: async (f) => {
        const p = gatedInputs(2, 4, 5, 3, 37);
        const { cache } = await f(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh);
        const ref = gruStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh).cache;
        if (!cache || typeof cache !== "object") {
          throw new CheckFailure("return { out, cache } with the cache described in the stub");
        }
        for (const k of ["x", "hPrev", "Wx", "Wh", "r", "z", "n"] as const) {
          expectClose(`cache.${k}`, cache[k], ref[k], 1e-9);
        }
        expectClose(
          "cache.hn (the n block of hPrev·Wh + bh, before r multiplies it)",
          cache.hn,
          ref.hn,
          1e-9,
        );
        if (cache.resetAfter !== true) throw new CheckFailure("cache.resetAfter should be true");
      },
    },
  ],
};

/** hNext and cNext of one LSTM step, concatenated (what the numeric gradients differentiate). */
function stepOut(x: Matrix, h: Matrix, c: Matrix, Wx: Matrix, Wh: Matrix, b: Float64Array) {
  const s = lstmStepForward(x, h, c, Wx, Wh, b);
  const out = new Float64Array(2 * s.out.data.length);
  out.set(s.out.data);
  out.set(s.cNext.data, s.out.data.length);
  return out;
}

/** Numeric gradients of Σ hNext⊙dh + Σ cNext⊙dc with respect to every input of one LSTM step. */
export function numericLstmStep(p: ReturnType<typeof gatedInputs>, dh: Matrix, dc: Matrix) {
  const { x, hPrev: h, cPrev: c, Wx, Wh, b } = p;
  const up = new Float64Array(2 * dh.data.length);
  up.set(dh.data);
  up.set(dc.data, dh.data.length);
  const m = (a: Matrix, v: Float64Array) => matrix(a.shape[0], a.shape[1], v);
  const num = (fn: (v: Float64Array) => Float64Array, v: Float64Array) =>
    numericGradientArray(fn, v, up, 1e-3, 4);
  return {
    dx: num((v) => stepOut(m(x, v), h, c, Wx, Wh, b), x.data),
    dhPrev: num((v) => stepOut(x, m(h, v), c, Wx, Wh, b), h.data),
    dcPrev: num((v) => stepOut(x, h, m(c, v), Wx, Wh, b), c.data),
    dWx: num((v) => stepOut(x, h, c, m(Wx, v), Wh, b), Wx.data),
    dWh: num((v) => stepOut(x, h, c, Wx, m(Wh, v), b), Wh.data),
    db: num((v) => stepOut(x, h, c, Wx, Wh, v), b),
  };
}

/** What the common mistakes of an LSTM step backward give, computed with the course's cell. */
export function lstmStepMistakes(dh: Matrix, dc: Matrix, cache: LstmStepCache) {
  const { o, tanhC } = cache;
  const [N, H] = dh.shape;
  const ref = lstmStepBackward(dh, dc, cache);
  // swapped g/o blocks of ∂L/∂a: dx = swap(da)·Wxᵀ = da·swap(Wx)ᵀ; dW = swap(dW)
  const order = lstmStepBackward(dh, dc, { ...cache, Wx: swapGO(cache.Wx), Wh: swapGO(cache.Wh) });
  // without tanh′(cNext): the same as an extra dh⊙o⊙tanh²(cNext) arriving on the cell path
  const extra = matrix(
    N,
    H,
    dc.data.map((v, k) => v + dh.data[k] * o.data[k] * tanhC.data[k] ** 2),
  );
  const grads: Record<string, LstmStepGrads> = {
    [GATE_ORDER]: {
      ...order,
      dWx: swapGO(ref.dWx),
      dWh: swapGO(ref.dWh),
      db: swapGO(ref.db),
    },
    "ignoring dcNext, the gradient reaching the cell state from step t+1 (the cell-state path)":
      lstmStepBackward(dh, matrix(N, H), cache),
    "leaving out tanh′(cNext) = 1 − tanh²(cNext) on the path from hNext to cNext": lstmStepBackward(
      dh,
      extra,
      cache,
    ),
    "using cNext where the forget gate's derivative needs cPrev (∂cNext/∂f = cPrev)":
      lstmStepBackward(dh, dc, { ...cache, cPrev: cache.cNext }),
  };
  const avg = (a: Matrix | Float64Array) => ("data" in a ? a.data : a).map((v) => v / N);
  return {
    ref,
    named: (k: keyof LstmStepGrads): [string, Numeric][] => [
      ...Object.entries(grads).map(([label, g]): [string, Numeric] => [label, g[k]]),
      [
        "dividing by N (averaging over the batch; the loss is a sum, so is its gradient)",
        avg(ref[k]),
      ],
    ],
  };
}

/** Compare every gradient of one LSTM step with the numeric one, naming known mistakes. */
export async function checkLstmStep(
  f: Remote<LstmStepBack>,
  p: ReturnType<typeof gatedInputs>,
  dh: Matrix,
  dc: Matrix,
  keys: (keyof LstmStepGrads)[],
): Promise<void> {
  const { cache } = lstmStepForward(p.x, p.hPrev, p.cPrev, p.Wx, p.Wh, p.b);
  const g = await f(dh, dc, cache);
  const num = numericLstmStep(p, dh, dc);
  const { named } = lstmStepMistakes(dh, dc, cache);
  for (const k of keys) expectCloseOrName(k, g[k], num[k], named(k), 1e-6);
}

/** Exercise 06.3: one LSTM step backward. */
export const lstmStepBackwardExercise: Exercise<LstmStepBack> = {
  id: "06.3-lstm-step-backward",
  hiddenPoints: 2,
  fn: "lstmStepBackward",
  title: "LSTM step backward",
  checks: [
    {
      name: "every gradient has the shape of its variable",
      points: 1,
      run: async (f) => {
        const p = gatedInputs(2, 4, 5, 4, 51);
        const g = await f(
          p.dh,
          p.dc,
          lstmStepForward(p.x, p.hPrev, p.cPrev, p.Wx, p.Wh, p.b).cache,
        );
        expectShape("dx", g.dx, [2, 4]);
        expectShape("dhPrev", g.dhPrev, [2, 5]);
        expectShape("dcPrev", g.dcPrev, [2, 5]);
        expectShape("dWx", g.dWx, [4, 20]);
        expectShape("dWh", g.dWh, [5, 20]);
        expectShape("db", g.db, [20]);
      },
    },
    {
      name: "cell path only (dhNext = 0): dcPrev, dx and dWx match numeric gradients",
      points: 2,
      run: async (f) => {
        const p = gatedInputs(2, 4, 5, 4, 52);
        await checkLstmStep(f, p, matrix(2, 5), p.dc, ["dcPrev", "dx", "dWx"]);
      },
    },
    {
      name: "hidden path only (dcNext = 0): dx, dhPrev and dcPrev match numeric gradients",
      points: 2,
      run: async (f) => {
        const p = gatedInputs(2, 4, 5, 4, 53);
        await checkLstmStep(f, p, p.dh, matrix(2, 5), ["dcPrev", "dhPrev", "dx"]);
      },
    },
    {
      name: "both paths: all six gradients match numeric gradients",
      points: 2,
      run: async (f) => {
        const p = gatedInputs(2, 4, 5, 4, 54);
        await checkLstmStep(f, p, p.dh, p.dc, ["db", "dWx", "dWh", "dcPrev", "dhPrev", "dx"]);
      },
    },
  ],
};

/** Exercise 06.4: the LSTM over a sequence. */
export const lstmForwardExercise: Exercise<LstmSeq> = {
  id: "06.4-lstm-forward",
  hiddenPoints: 1,
  fn: "lstmForward",
  title: "LSTM forward over a sequence",
  checks: [
    {
      name: "out and c have shape [N, T, H]; the cache has one step per time step",
      points: 1,
      run: async (f) => {
        const p = lstmSeqInputs(2, 3, 4, 5, 61);
        const { out, c, cache } = await f(p.x, p.h0, p.Wx, p.Wh, p.b, p.c0);
        expectShape("out (N=2, T=3, D=4, H=5)", out, [2, 3, 5]);
        expectShape("c", c, [2, 3, 5]);
        if (!Array.isArray(cache?.steps) || cache.steps.length !== 3) {
          throw new CheckFailure(`cache.steps should hold T = 3 step caches`);
        }
      },
    },
    {
      name: "out and c match the course's lstmForward, with c0 given",
      points: 1,
      run: async (f) => {
        const p = lstmSeqInputs(2, 3, 4, 5, 62);
        const got = await f(p.x, p.h0, p.Wx, p.Wh, p.b, p.c0);
        const ref = lstmForward(p.x, p.h0, p.Wx, p.Wh, p.b, p.c0);
        const swapped = lstmForward(p.x, p.h0, swapGO(p.Wx), swapGO(p.Wh), swapGO(p.b), p.c0);
        const notCarried = lstmNotCarried(p);
        const mistakes: [string, Numeric][] = [
          [GATE_ORDER, swapped.c],
          [
            "starting every step from c0: the cell state must be carried from step to step",
            notCarried,
          ],
        ];
        expectCloseOrName("c (every cell state)", got.c, ref.c, mistakes, 1e-9);
        expectCloseOrName(
          "out (every hidden state)",
          got.out,
          ref.out,
          [[GATE_ORDER, swapped.out]],
          1e-9,
        );
      },
    },
    {
      name: "c0 omitted means zeros",
      points: 1,
      run: async (f) => {
        const p = lstmSeqInputs(2, 3, 4, 5, 63);
        const got = await f(p.x, p.h0, p.Wx, p.Wh, p.b);
        expectClose(
          "out with c0 omitted",
          got.out,
          lstmForward(p.x, p.h0, p.Wx, p.Wh, p.b).out,
          1e-9,
        );
      },
    },
    {
      name: "the cache works with the course's lstmBackward",
      points: 1,
      run: async (f) => {
        const p = lstmSeqInputs(2, 3, 4, 5, 64);
        const { cache } = await f(p.x, p.h0, p.Wx, p.Wh, p.b, p.c0);
        const ref = lstmForward(p.x, p.h0, p.Wx, p.Wh, p.b, p.c0).cache;
        expectClose(
          "dWh computed from your cache",
          lstmBackward(p.dh, cache).dWh,
          lstmBackward(p.dh, ref).dWh,
          1e-9,
        );
      },
    },
  ],
};

/** The cell states an LSTM gives when every step starts from c0 (a forgotten carry). */
function lstmNotCarried(p: ReturnType<typeof lstmSeqInputs>): Tensor3 {
  const [N, T] = p.x.shape, H = p.h0.shape[1], c = tensor3(N, T, H);
  let h = p.h0;
  for (let t = 0; t < T; t++) {
    const s = lstmStepForward(timeStep(p.x, t), h, p.c0, p.Wx, p.Wh, p.b);
    setTimeStep(c, t, s.cNext);
    h = s.out;
  }
  return c;
}

/**
 * BPTT through the course's step backward, optionally with a mistake: not carrying dh or dc from
 * step t+1, or keeping only the last computed step's weight gradients.
 */
export function bpttVariant(
  dh: Tensor3,
  cache: LstmCache,
  opts: { dcLast?: Matrix; carryH?: boolean; carryC?: boolean; sumW?: boolean } = {},
): LstmGrads {
  const { carryH = true, carryC = true, sumW = true } = opts;
  const [N, T, H] = dh.shape, D = cache.steps[0].x.shape[1];
  const dx = tensor3(N, T, D);
  let dWx = matrix(D, 4 * H), dWh = matrix(H, 4 * H), db: Float64Array = new Float64Array(4 * H);
  let dhNext = matrix(N, H), dcNext = opts.dcLast ?? matrix(N, H);
  for (let t = T - 1; t >= 0; t--) {
    const dhT = timeStep(dh, t);
    if (carryH) dhT.data.forEach((_, k) => dhT.data[k] += dhNext.data[k]);
    const g = lstmStepBackward(dhT, carryC || t === T - 1 ? dcNext : matrix(N, H), cache.steps[t]);
    setTimeStep(dx, t, g.dx);
    if (sumW) {
      g.dWx.data.forEach((v, k) => dWx.data[k] += v);
      g.dWh.data.forEach((v, k) => dWh.data[k] += v);
      g.db.forEach((v, k) => db[k] += v);
    } else [dWx, dWh, db] = [g.dWx, g.dWh, g.db];
    dhNext = g.dhPrev;
    dcNext = g.dcPrev;
  }
  return { dx, dh0: dhNext, dc0: dcNext, dWx, dWh, db };
}

/** Numeric gradients of Σ out⊙dh + Σ c_{T−1}⊙dcLast with respect to every input of lstmForward. */
export function numericLstmSeq(p: ReturnType<typeof lstmSeqInputs>, dh: Tensor3, dcLast?: Matrix) {
  const { x, h0, c0, Wx, Wh, b } = p, [N, T, D] = x.shape, H = h0.shape[1];
  const run = (q: Partial<typeof p>) => {
    const r = lstmForward(q.x ?? x, q.h0 ?? h0, q.Wx ?? Wx, q.Wh ?? Wh, q.b ?? b, q.c0 ?? c0);
    const out = new Float64Array(N * T * H + N * H);
    out.set(r.out.data);
    for (let n = 0; n < N; n++) {
      for (let j = 0; j < H; j++) out[N * T * H + n * H + j] = r.c.data[(n * T + T - 1) * H + j];
    }
    return out;
  };
  const up = new Float64Array(N * T * H + N * H);
  up.set(dh.data);
  if (dcLast) up.set(dcLast.data, N * T * H);
  const num = (fn: (v: Float64Array) => Float64Array, v: Float64Array) =>
    numericGradientArray(fn, v, up, 1e-3, 4);
  return {
    dx: num((v) => run({ x: tensor3(N, T, D, v) }), x.data),
    dh0: num((v) => run({ h0: matrix(N, H, v) }), h0.data),
    dc0: num((v) => run({ c0: matrix(N, H, v) }), c0.data),
    dWx: num((v) => run({ Wx: matrix(D, 4 * H, v) }), Wx.data),
    dWh: num((v) => run({ Wh: matrix(H, 4 * H, v) }), Wh.data),
    db: num((v) => run({ b: v }), b),
  };
}

/** The labelled results of the common BPTT mistakes, for one gradient. */
export function lstmSeqMistakes(dh: Tensor3, cache: LstmCache, dcLast?: Matrix) {
  const variants: [string, LstmGrads][] = [
    [
      "dropping the cell-state gradient between steps (the c path: step t's dcPrev is step t−1's " +
      "dcNext)",
      bpttVariant(dh, cache, { dcLast, carryC: false }),
    ],
    [
      "forgetting the gradient carried back from step t+1 through h (add step t+1's dhPrev to dh[:, t])",
      bpttVariant(dh, cache, { dcLast, carryH: false }),
    ],
    [
      "keeping one step's weight gradient instead of the total over all steps",
      bpttVariant(dh, cache, { dcLast, sumW: false }),
    ],
  ];
  return (k: keyof LstmGrads): [string, Numeric][] => variants.map(([l, g]) => [l, g[k]]);
}

/** Exercise 06.5: backpropagation through time in an LSTM. */
export const lstmBackwardExercise: Exercise<LstmSeqBack> = {
  id: "06.5-lstm-backward",
  hiddenPoints: 2,
  fn: "lstmBackward",
  title: "LSTM backpropagation through time",
  checks: [
    {
      name: "gradients have the shapes of x, h0, c0, Wx, Wh, b",
      points: 1,
      run: async (f) => {
        const p = lstmSeqInputs(2, 3, 4, 5, 71);
        const g = await f(p.dh, lstmForward(p.x, p.h0, p.Wx, p.Wh, p.b, p.c0).cache);
        expectShape("dx", g.dx, [2, 3, 4]);
        expectShape("dh0", g.dh0, [2, 5]);
        expectShape("dc0", g.dc0, [2, 5]);
        expectShape("dWx", g.dWx, [4, 20]);
        expectShape("dWh", g.dWh, [5, 20]);
        expectShape("db", g.db, [20]);
      },
    },
    {
      name: "loss on every step: all gradients match numeric gradients",
      points: 2,
      run: async (f) => {
        const p = lstmSeqInputs(2, 3, 4, 5, 72);
        const { cache } = lstmForward(p.x, p.h0, p.Wx, p.Wh, p.b, p.c0);
        const g = await f(p.dh, cache);
        const num = numericLstmSeq(p, p.dh), named = lstmSeqMistakes(p.dh, cache);
        for (const k of ["dh0", "dc0", "dWh", "dWx", "db", "dx"] as const) {
          expectCloseOrName(k, g[k], num[k], named(k), 1e-6);
        }
      },
    },
    {
      name: "loss on the last step only: the gradient reaches h0 and c0 through every step",
      points: 1,
      run: async (f) => {
        const p = lstmSeqInputs(2, 4, 3, 5, 73);
        const dh = tensor3(2, 4, 5);
        for (let k = 0; k < 2 * 5; k++) {
          dh.data[(Math.floor(k / 5) * 4 + 3) * 5 + (k % 5)] = p.dh.data[k];
        }
        const { cache } = lstmForward(p.x, p.h0, p.Wx, p.Wh, p.b, p.c0);
        const g = await f(dh, cache);
        const num = numericLstmSeq(p, dh), named = lstmSeqMistakes(dh, cache);
        for (const k of ["dc0", "dh0", "dWh"] as const) {
          expectCloseOrName(k, g[k], num[k], named(k), 1e-6);
        }
      },
    },
    {
      name: "a loss on the final cell state (opts.dcLast) flows back to c0, h0 and the weights",
      points: 1,
      run: async (f) => {
        const p = lstmSeqInputs(2, 3, 4, 5, 74);
        const { cache } = lstmForward(p.x, p.h0, p.Wx, p.Wh, p.b, p.c0);
        const dh = tensor3(2, 3, 5);
        const g = await f(dh, cache, { dcLast: p.dcLast });
        const num = numericLstmSeq(p, dh, p.dcLast), named = lstmSeqMistakes(dh, cache, p.dcLast);
        for (const k of ["dc0", "dh0", "dWx"] as const) {
          expectCloseOrName(`${k} (dh = 0, dcLast ≠ 0)`, g[k], num[k], named(k), 1e-6);
        }
      },
    },
    {
      name:
        "composes: BPTT over steps 2..T−1, then over 0..1 with dh0 and dc0 carried, equals one call",
      points: 1,
      run: async (f) => {
        const p = lstmSeqInputs(2, 5, 4, 3, 75);
        const { cache } = lstmForward(p.x, p.h0, p.Wx, p.Wh, p.b, p.c0);
        const whole = await f(p.dh, cache);
        const [N, T, H] = p.dh.shape, k = 2;
        const part = (lo: number, hi: number) => {
          const out = tensor3(N, hi - lo, H);
          for (let t = lo; t < hi; t++) setTimeStep(out, t - lo, timeStep(p.dh, t));
          return out;
        };
        const late = await f(part(k, T), { steps: cache.steps.slice(k) });
        const early = part(0, k);
        const last = timeStep(early, k - 1);
        last.data.forEach((_, i) => last.data[i] += late.dh0.data[i]);
        setTimeStep(early, k - 1, last);
        const first = await f(early, { steps: cache.steps.slice(0, k) }, { dcLast: late.dc0 });
        expectClose("dc0 of the split run vs the whole run", first.dc0, whole.dc0, 1e-9);
        expectClose("dh0 of the split run vs the whole run", first.dh0, whole.dh0, 1e-9);
        const sum = first.dWh.data.map((v, i) => v + late.dWh.data[i]);
        expectClose("dWh of the two calls, summed, vs the whole run", sum, whole.dWh, 1e-9);
      },
    },
  ],
};

/** Numeric gradients of Σ hNext⊙dh with respect to every input of one GRU step (reset after). */
export function numericGruStep(p: ReturnType<typeof gatedInputs>, dh: Matrix) {
  const { x, hPrev: h, Wx, Wh, b: bx, bh } = p;
  const m = (a: Matrix, v: Float64Array) => matrix(a.shape[0], a.shape[1], v);
  const run = (
    q: { x?: Matrix; h?: Matrix; Wx?: Matrix; Wh?: Matrix; bx?: Float64Array; bh?: Float64Array },
  ) => gruStepForward(q.x ?? x, q.h ?? h, q.Wx ?? Wx, q.Wh ?? Wh, q.bx ?? bx, q.bh ?? bh).out.data;
  const num = (fn: (v: Float64Array) => Float64Array, v: Float64Array) =>
    numericGradientArray(fn, v, dh.data, 1e-3, 4);
  return {
    dx: num((v) => run({ x: m(x, v) }), x.data),
    dhPrev: num((v) => run({ h: m(h, v) }), h.data),
    dWx: num((v) => run({ Wx: m(Wx, v) }), Wx.data),
    dWh: num((v) => run({ Wh: m(Wh, v) }), Wh.data),
    dbx: num((v) => run({ bx: v }), bx),
    dbh: num((v) => run({ bh: v }), bh),
  };
}

/** The labelled results of the common GRU-backward mistakes, for one gradient. */
export function gruStepMistakes(dh: Matrix, cache: GruStepCache) {
  const ref = gruStepBackward(dh, cache);
  const rh = matrix(...cache.hPrev.shape, cache.r.data.map((v, k) => v * cache.hPrev.data[k]));
  const variants: [string, GruStepGrads][] = [
    [
      "using Cho et al.'s reset-before derivatives, (r ⊙ hPrev)·Wh_n (in PyTorch's variant r " +
      "multiplies after the matmul)",
      gruStepBackward(dh, { ...cache, resetAfter: false, hn: rh }),
    ],
    [
      "leaving out the direct path hNext ← z ⊙ hPrev",
      {
        ...ref,
        dhPrev: matrix(
          ...ref.dhPrev.shape,
          ref.dhPrev.data.map((v, k) => v - dh.data[k] * cache.z.data[k]),
        ),
      },
    ],
    ["copying dbx into dbh (they agree in the r and z blocks, not in n)", { ...ref, dbh: ref.dbx }],
  ];
  return (k: keyof GruStepGrads): [string, Numeric][] => variants.map(([l, g]) => [l, g[k]]);
}

/** Exercise 06.6: one GRU step backward. */
export const gruStepBackwardExercise: Exercise<GruStepBack> = {
  id: "06.6-gru-step-backward",
  hiddenPoints: 2,
  fn: "gruStepBackward",
  title: "GRU step backward",
  checks: [
    {
      name: "every gradient has the shape of its variable",
      points: 1,
      run: async (f) => {
        const p = gatedInputs(2, 4, 5, 3, 81);
        const g = await f(p.dh, gruStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh).cache);
        expectShape("dx", g.dx, [2, 4]);
        expectShape("dhPrev", g.dhPrev, [2, 5]);
        expectShape("dWx", g.dWx, [4, 15]);
        expectShape("dWh", g.dWh, [5, 15]);
        expectShape("dbx", g.dbx, [15]);
        expectShape("dbh", g.dbh, [15]);
      },
    },
    {
      name: "dx and dhPrev match numeric gradients",
      points: 2,
      run: async (f) => {
        const p = gatedInputs(2, 4, 5, 3, 82);
        const { cache } = gruStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh);
        const g = await f(p.dh, cache);
        const num = numericGruStep(p, p.dh), named = gruStepMistakes(p.dh, cache);
        for (const k of ["dhPrev", "dx"] as const) expectCloseOrName(k, g[k], num[k], named(k));
      },
    },
    {
      name: "dWx, dWh, dbx and dbh match numeric gradients",
      points: 2,
      run: async (f) => {
        const p = gatedInputs(2, 4, 5, 3, 83);
        const { cache } = gruStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh);
        const g = await f(p.dh, cache);
        const num = numericGruStep(p, p.dh), named = gruStepMistakes(p.dh, cache);
        for (const k of ["dWh", "dbh", "dWx", "dbx"] as const) {
          expectCloseOrName(k, g[k], num[k], named(k));
        }
      },
    },
  ],
};
