/**
 * Visible checks of notebook 06's exercises; the check cell after each exercise runs them, and
 * `deno task grade 06` runs them (plus hidden ones from tests/grading/) in a sandbox. Expected
 * values come from CS231n's published LSTM numbers and from the course's lib/scratch cells.
 * @module
 */
import { type Exercise, expectClose, expectShape } from "../../../lib/grading/mod.ts";
import { gruStepForward, lstmStepForward, type Matrix, matrix } from "../../../lib/scratch/mod.ts";
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
) => { out: Matrix; cNext: Matrix };
/** The student function's type. */
export type GruStep = (
  x: Matrix,
  hPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  bx: Float64Array,
  bh: Float64Array,
) => { out: Matrix };

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
  };
}

/** CS231n's i | f | o | g column blocks reordered to the course's i | f | g | o. */
function fromCs231nOrder(data: Float64Array, rows: number, H: number): Float64Array {
  const out = data.slice(), M = 4 * H;
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < H; j++) {
      out[r * M + 2 * H + j] = data[r * M + 3 * H + j];
      out[r * M + 3 * H + j] = data[r * M + 2 * H + j];
    }
  }
  return out;
}

/** Exercise 06.1: one LSTM step forward. */
export const lstmStepForwardExercise: Exercise<LstmStep> = {
  id: "06.1-lstm-step-forward",
  fn: "lstmStepForward",
  title: "LSTM step forward",
  checks: [
    {
      name: "hNext and cNext have shape [N, H]",
      points: 1,
      run: (f) => {
        const p = gatedInputs(2, 4, 5, 4, 31);
        const { out, cNext } = f(p.x, p.hPrev, p.cPrev, p.Wx, p.Wh, p.b);
        expectShape("hNext (N=2, D=4, H=5)", out, [2, 5]);
        expectShape("cNext", cNext, [2, 5]);
      },
    },
    {
      name: "values match CS231n's lstm_step_forward (its weights reordered to i | f | g | o)",
      points: 2,
      run: (f) => {
        const [N, D, H] = [3, 4, 5];
        const { out, cNext } = f(
          matrix(N, D, linspace(-0.4, 1.2, N * D)),
          matrix(N, H, linspace(-0.3, 0.7, N * H)),
          matrix(N, H, linspace(-0.4, 0.9, N * H)),
          matrix(D, 4 * H, fromCs231nOrder(linspace(-2.1, 1.3, 4 * D * H), D, H)),
          matrix(H, 4 * H, fromCs231nOrder(linspace(-0.7, 2.2, 4 * H * H), H, H)),
          fromCs231nOrder(linspace(0.3, 0.7, 4 * H), 1, H),
        );
        expectClose("cNext (cNext = f ⊙ cPrev + i ⊙ g; blocks i | f | g | o)", cNext, [
          [0.32986176, 0.39145139, 0.451556, 0.51014116, 0.56717407],
          [0.66382255, 0.76674007, 0.87195994, 0.97902709, 1.08751345],
          [0.74192008, 0.90592151, 1.07717006, 1.25120233, 1.42395676],
        ], 1e-6);
        expectClose("hNext (hNext = o ⊙ tanh(cNext))", out, [
          [0.24635157, 0.28610883, 0.32240467, 0.35525807, 0.38474904],
          [0.49223563, 0.55611431, 0.61507696, 0.66844003, 0.7159181],
          [0.56735664, 0.66310127, 0.74419266, 0.80889665, 0.858299],
        ], 1e-6);
      },
    },
    {
      name: "matches the course's lstmStepForward on random weights",
      points: 1,
      run: (f) => {
        const p = gatedInputs(2, 4, 5, 4, 32);
        const got = f(p.x, p.hPrev, p.cPrev, p.Wx, p.Wh, p.b);
        const ref = lstmStepForward(p.x, p.hPrev, p.cPrev, p.Wx, p.Wh, p.b);
        expectClose("cNext (gate blocks i | f | g | o)", got.cNext, ref.cNext, 1e-9);
        expectClose("hNext", got.out, ref.out, 1e-9);
      },
    },
  ],
};

/** Exercise 06.2: one GRU step forward (PyTorch's reset-after variant). */
export const gruStepForwardExercise: Exercise<GruStep> = {
  id: "06.2-gru-step-forward",
  fn: "gruStepForward",
  title: "GRU step forward",
  checks: [
    {
      name: "hNext has shape [N, H]",
      points: 1,
      run: (f) => {
        const p = gatedInputs(2, 4, 5, 3, 33);
        expectShape("hNext (N=2, D=4, H=5)", f(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh).out, [2, 5]);
      },
    },
    {
      name: "with zero weights z = 0.5 and n = 0, so hNext = hPrev / 2",
      points: 1,
      run: (f) => {
        const hPrev = matrix(2, 5, new Rng(34).normalArray(10));
        const z = () => new Float64Array(15);
        const { out } = f(matrix(2, 4), hPrev, matrix(4, 15), matrix(5, 15), z(), z());
        expectClose("hNext = (1 − z) ⊙ n + z ⊙ hPrev", out, hPrev.data.map((v) => v / 2), 1e-12);
      },
    },
    {
      name: "matches the course's gruStepForward (PyTorch's variant) on random weights",
      points: 2,
      run: (f) => {
        const p = gatedInputs(2, 4, 5, 3, 35);
        const got = f(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh).out;
        const ref = gruStepForward(p.x, p.hPrev, p.Wx, p.Wh, p.b, p.bh).out;
        expectClose(
          "hNext (blocks r | z | n; n = tanh(x·Wx_n + bx_n + r ⊙ (hPrev·Wh_n + bh_n)), r applied after the matmul)",
          got,
          ref,
          1e-9,
        );
      },
    },
  ],
};
