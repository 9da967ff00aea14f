/**
 * Wrong answer of notebook 06: the path from hNext to cNext skips tanh′(cNext), so the cell
 * gradient is dcNext + dhNext ⊙ o instead of going through the derivative of tanh.
 * @module
 */
import {
  type LstmStepCache,
  type LstmStepGrads,
  matmul,
  type Matrix,
  matrix,
  sumRows,
  transpose,
} from "../../../lib/scratch/mod.ts";

/** One LSTM step backward without tanh′(cNext) on the output path. */
export function lstmStepBackward(
  dhNext: Matrix,
  dcNext: Matrix,
  cache: LstmStepCache,
): LstmStepGrads {
  const { x, hPrev, cPrev, Wx, Wh, i, f, g, o, tanhC } = cache;
  const [N, H] = hPrev.shape;
  const da = matrix(N, 4 * H), dcPrev = matrix(N, H);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < H; j++) {
      const k = n * H + j, q = n * 4 * H + j, dh = dhNext.data[k];
      const dc = dcNext.data[k] + dh * o.data[k]; // wrong: no (1 − tanh²(cNext))
      da.data[q] = dc * g.data[k] * i.data[k] * (1 - i.data[k]);
      da.data[q + H] = dc * cPrev.data[k] * f.data[k] * (1 - f.data[k]);
      da.data[q + 2 * H] = dc * i.data[k] * (1 - g.data[k] ** 2);
      da.data[q + 3 * H] = dh * tanhC.data[k] * o.data[k] * (1 - o.data[k]);
      dcPrev.data[k] = dc * f.data[k];
    }
  }
  return {
    dx: matmul(da, transpose(Wx)),
    dhPrev: matmul(da, transpose(Wh)),
    dcPrev,
    dWx: matmul(transpose(x), da),
    dWh: matmul(transpose(hPrev), da),
    db: sumRows(da),
  };
}

/** Which check each wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "06.3-lstm-step-backward": /tanh′\(cNext\)/,
};
