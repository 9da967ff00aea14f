/**
 * A plausible wrong answer for each exercise of notebook 06, to prove the checks catch it.
 * @module
 */
import { addRow, matmul, type Matrix, matrix, sigmoid } from "../../lib/scratch/mod.ts";

/** CS231n's block order i | f | o | g instead of the course's i | f | g | o. */
export function lstmStepForward(
  x: Matrix,
  hPrev: Matrix,
  cPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
): { out: Matrix; cNext: Matrix } {
  const [N, H] = hPrev.shape;
  const xa = addRow(matmul(x, Wx), b), ha = matmul(hPrev, Wh);
  const out = matrix(N, H), cNext = matrix(N, H);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < H; j++) {
      const a = (blk: number) =>
        xa.data[n * 4 * H + blk * H + j] + ha.data[n * 4 * H + blk * H + j];
      const i = sigmoid(a(0)), f = sigmoid(a(1)), o = sigmoid(a(2)), g = Math.tanh(a(3));
      const k = n * H + j;
      cNext.data[k] = f * cPrev.data[k] + i * g;
      out.data[k] = o * Math.tanh(cNext.data[k]);
    }
  }
  return { out, cNext };
}

/** Cho et al.'s reset-before variant, n = tanh(ax_n + (r ⊙ hPrev)·Wh_n + bh_n). */
export function gruStepForward(
  x: Matrix,
  hPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  bx: Float64Array,
  bh: Float64Array,
): { out: Matrix } {
  const [N, H] = hPrev.shape;
  const ax = addRow(matmul(x, Wx), bx), ah = addRow(matmul(hPrev, Wh), bh);
  const r = matrix(N, H), z = matrix(N, H);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < H; j++) {
      const q = n * 3 * H + j;
      r.data[n * H + j] = sigmoid(ax.data[q] + ah.data[q]);
      z.data[n * H + j] = sigmoid(ax.data[q + H] + ah.data[q + H]);
    }
  }
  const rh = matrix(N, H, r.data.map((v, k) => v * hPrev.data[k]));
  const an = addRow(matmul(rh, Wh), bh); // only the n block is read
  const out = matrix(N, H);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < H; j++) {
      const q = n * 3 * H + 2 * H + j, k = n * H + j;
      const nn = Math.tanh(ax.data[q] + an.data[q]);
      out.data[k] = (1 - z.data[k]) * nn + z.data[k] * hPrev.data[k];
    }
  }
  return { out };
}

/** Which check each wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures = {
  "06.1-lstm-step-forward": /i \| f \| g \| o/,
  "06.2-gru-step-forward": /after the matmul/,
};
