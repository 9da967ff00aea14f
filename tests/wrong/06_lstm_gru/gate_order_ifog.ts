/**
 * Wrong answers of notebook 06: the gate blocks read in CS231n's order i | f | o | g instead of
 * the course's (and PyTorch's) i | f | g | o, in the forward step, the backward step and the
 * sequence built on the wrong step.
 * @module
 */
import {
  addRow,
  type LstmCache,
  lstmStepBackward as courseStepBackward,
  type LstmStepCache,
  type LstmStepGrads,
  matmul,
  type Matrix,
  matrix,
  setTimeStep,
  sigmoid,
  type Tensor3,
  tensor3,
  timeStep,
} from "../../../lib/scratch/mod.ts";

/** One LSTM step with the blocks read as i | f | o | g. */
export function lstmStepForward(
  x: Matrix,
  hPrev: Matrix,
  cPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
): { out: Matrix; cNext: Matrix; cache: LstmStepCache } {
  const [N, H] = hPrev.shape;
  const a = addRow(matmul(x, Wx), b).data, ah = matmul(hPrev, Wh).data;
  const i = matrix(N, H), f = matrix(N, H), g = matrix(N, H), o = matrix(N, H);
  const cNext = matrix(N, H), tanhC = matrix(N, H), out = matrix(N, H);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < H; j++) {
      const pre = (blk: number) => a[n * 4 * H + blk * H + j] + ah[n * 4 * H + blk * H + j];
      const k = n * H + j;
      i.data[k] = sigmoid(pre(0));
      f.data[k] = sigmoid(pre(1));
      o.data[k] = sigmoid(pre(2)); // wrong: o is block 3
      g.data[k] = Math.tanh(pre(3)); // wrong: g is block 2
      cNext.data[k] = f.data[k] * cPrev.data[k] + i.data[k] * g.data[k];
      tanhC.data[k] = Math.tanh(cNext.data[k]);
      out.data[k] = o.data[k] * tanhC.data[k];
    }
  }
  return { out, cNext, cache: { x, hPrev, cPrev, Wx, Wh, i, f, g, o, cNext, tanhC } };
}

/** Swap column blocks 2 and 3 of an [R, 4H] matrix. */
function swap(m: Matrix): Matrix {
  const [R, C] = m.shape, H = C / 4, out = m.data.slice();
  for (let r = 0; r < R; r++) {
    for (let j = 0; j < H; j++) {
      out[r * C + 2 * H + j] = m.data[r * C + 3 * H + j];
      out[r * C + 3 * H + j] = m.data[r * C + 2 * H + j];
    }
  }
  return matrix(R, C, out);
}

/** One LSTM step backward that writes ∂L/∂a's g and o blocks in CS231n's order. */
export function lstmStepBackward(
  dhNext: Matrix,
  dcNext: Matrix,
  cache: LstmStepCache,
): LstmStepGrads {
  const g = courseStepBackward(dhNext, dcNext, {
    ...cache,
    Wx: swap(cache.Wx),
    Wh: swap(cache.Wh),
  });
  const db = swap(matrix(1, g.db.length, g.db)).data;
  return { ...g, dWx: swap(g.dWx), dWh: swap(g.dWh), db };
}

/** The LSTM over a sequence, built on the wrong step above. */
export function lstmForward(
  x: Tensor3,
  h0: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
  c0?: Matrix,
): { out: Tensor3; c: Tensor3; cache: LstmCache } {
  const [N, T] = x.shape, H = h0.shape[1];
  const out = tensor3(N, T, H), c = tensor3(N, T, H), steps: LstmStepCache[] = [];
  let h = h0, cell = c0 ?? matrix(N, H);
  for (let t = 0; t < T; t++) {
    const s = lstmStepForward(timeStep(x, t), h, cell, Wx, Wh, b);
    setTimeStep(out, t, s.out);
    setTimeStep(c, t, s.cNext);
    steps.push(s.cache);
    [h, cell] = [s.out, s.cNext];
  }
  return { out, c, cache: { steps } };
}

/** Which check each wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "06.1-lstm-step-forward": /i \| f \| o \| g/,
  "06.3-lstm-step-backward": /i \| f \| o \| g/,
  "06.4-lstm-forward": /i \| f \| o \| g/,
};
