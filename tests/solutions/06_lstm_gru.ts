/**
 * Reference solutions of notebook 06's exercises (instructors: delete tests/solutions/ before
 * handing the course out; see README "Exercises").
 * @module
 */
import { addRow, matmul, type Matrix, matrix, sigmoid } from "../../lib/scratch/mod.ts";

/** Reference LSTM step (blocks i | f | g | o). */
export function lstmStepForward(
  x: Matrix,
  hPrev: Matrix,
  cPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
): { out: Matrix; cNext: Matrix } {
  const [N, H] = hPrev.shape;
  const xa = addRow(matmul(x, Wx), b), ha = matmul(hPrev, Wh); // [N, 4H]
  const out = matrix(N, H), cNext = matrix(N, H);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < H; j++) {
      const a = (blk: number) =>
        xa.data[n * 4 * H + blk * H + j] + ha.data[n * 4 * H + blk * H + j];
      const i = sigmoid(a(0)), f = sigmoid(a(1)), g = Math.tanh(a(2)), o = sigmoid(a(3));
      const k = n * H + j;
      cNext.data[k] = f * cPrev.data[k] + i * g;
      out.data[k] = o * Math.tanh(cNext.data[k]);
    }
  }
  return { out, cNext };
}

/** Reference GRU step, PyTorch's reset-after variant (blocks r | z | n). */
export function gruStepForward(
  x: Matrix,
  hPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  bx: Float64Array,
  bh: Float64Array,
): { out: Matrix } {
  const [N, H] = hPrev.shape;
  const ax = addRow(matmul(x, Wx), bx), ah = addRow(matmul(hPrev, Wh), bh); // [N, 3H]
  const out = matrix(N, H);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < H; j++) {
      const q = n * 3 * H + j, k = n * H + j;
      const r = sigmoid(ax.data[q] + ah.data[q]);
      const z = sigmoid(ax.data[q + H] + ah.data[q + H]);
      const nn = Math.tanh(ax.data[q + 2 * H] + r * ah.data[q + 2 * H]);
      out.data[k] = (1 - z) * nn + z * hPrev.data[k];
    }
  }
  return { out };
}
