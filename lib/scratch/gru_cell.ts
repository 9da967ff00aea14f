/**
 * One step of a GRU (Cho et al. 2014), forward and backward, on Float64Array matrices. Taught in
 * notebook 06 (the GRU gate by gate).
 *
 * Exact convention: by default this computes the PyTorch/cuDNN variant ("reset after"), where the
 * reset gate multiplies the hidden matmul *after* it is taken, so n needs its own hidden bias:
 *   r = σ(x·Wx_r + bx_r + hPrev·Wh_r + bh_r)
 *   z = σ(x·Wx_z + bx_z + hPrev·Wh_z + bh_z)
 *   n = tanh(x·Wx_n + bx_n + r ⊙ (hPrev·Wh_n + bh_n))
 *   hNext = (1 − z) ⊙ n + z ⊙ hPrev
 * with Wx [D, 3H], Wh [H, 3H], bx [3H], bh [3H] whose column blocks are r | z | n (PyTorch's order).
 * PyTorch's weight_ih_l0 = Wxᵀ, weight_hh_l0 = Whᵀ, bias_ih_l0 = bx, bias_hh_l0 = bh, unchanged
 * (lib/rnn/pytorch_layout.ts). For r and z only bx + bh matters; for n they differ.
 * Cho et al. (2014)'s original applies r *before* the matmul, n = tanh(x·Wx_n + (r ⊙ hPrev)·Wh_n +
 * bx_n + bh_n); pass `{ resetAfter: false }` for it. That is what tf.layers.gru computes (tfjs has
 * no reset_after), though Keras orders the blocks z | r | h and keeps one bias.
 * @module
 */
import { sigmoid } from "./activations.ts";
import { type Matrix, matrix } from "./matrix.ts";
import {
  _addRow,
  _expectShape,
  _expectVector,
  _matmulAdd,
  _matmulTAAdd,
  _matmulTBAdd,
  _sumRowsAdd,
} from "./_rnn_ops.ts";

/** Which GRU variant to compute. */
export interface GruOptions {
  /** true (default): PyTorch/cuDNN, r ⊙ (hPrev·Wh_n + bh_n); false: Cho et al. 2014, (r ⊙ hPrev)·Wh_n */
  resetAfter?: boolean;
}

/** What gruStepBackward needs; the gates are also what notebook 06 plots. */
export interface GruStepCache {
  /** input [N, D] */
  x: Matrix;
  /** previous hidden state [N, H] */
  hPrev: Matrix;
  /** input-to-gates weights [D, 3H] */
  Wx: Matrix;
  /** hidden-to-gates weights [H, 3H] */
  Wh: Matrix;
  /** reset gate [N, H] */
  r: Matrix;
  /** update gate [N, H] */
  z: Matrix;
  /** candidate state [N, H] */
  n: Matrix;
  /** resetAfter: hPrev·Wh_n + bh_n; otherwise r ⊙ hPrev [N, H] */
  hn: Matrix;
  /** the variant used */
  resetAfter: boolean;
}

/** Gradients of one GRU step, named after the inputs. */
export interface GruStepGrads {
  /** ∂L/∂x [N, D] */
  dx: Matrix;
  /** ∂L/∂hPrev [N, H] */
  dhPrev: Matrix;
  /** ∂L/∂Wx [D, 3H] */
  dWx: Matrix;
  /** ∂L/∂Wh [H, 3H] */
  dWh: Matrix;
  /** ∂L/∂bx [3H] */
  dbx: Float64Array;
  /** ∂L/∂bh [3H] (equal to dbx in the r and z blocks) */
  dbh: Float64Array;
}

/**
 * Forward one GRU step (blocks r | z | n; PyTorch's reset-after variant unless told otherwise).
 *
 * @param x input [N, D]
 * @param hPrev previous hidden state [N, H]
 * @param Wx input-to-gates weights [D, 3H]
 * @param Wh hidden-to-gates weights [H, 3H]
 * @param bx input biases [3H]
 * @param bh hidden biases [3H]
 * @param opts `{ resetAfter }` (default true, PyTorch); false gives Cho et al. (2014)'s original
 * @returns `{ out, cache }` with out = hNext [N, H]
 * @throws {RangeError} if the shapes do not agree (the message names both)
 * @example With zero weights z = 0.5 and n = 0, so hNext = hPrev / 2
 * ```ts
 * import { gruStepForward } from "./gru_cell.ts";
 * import { matrix } from "./matrix.ts";
 * const h = matrix(1, 2, [1, -1]);
 * const { out } = gruStepForward(matrix(1, 3), h, matrix(3, 6), matrix(2, 6), new Float64Array(6), new Float64Array(6));
 * console.log(Array.from(out.data)); // [0.5, -0.5]
 * ```
 * @see notebook 06, "The GRU cell"; Cho et al. (2014)
 */
export function gruStepForward(
  x: Matrix,
  hPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  bx: Float64Array,
  bh: Float64Array,
  opts: GruOptions = {},
): { out: Matrix; cache: GruStepCache } {
  const fn = "gruStepForward", resetAfter = opts.resetAfter ?? true;
  _expectShape(fn, "x", x, [-1, -1]);
  const [N, D] = x.shape;
  _expectShape(fn, "hPrev", hPrev, [N, -1]);
  const H = hPrev.shape[1], M = 3 * H;
  _expectShape(fn, "Wx", Wx, [D, M]);
  _expectShape(fn, "Wh", Wh, [H, M]);
  _expectVector(fn, "bx", bx, M);
  _expectVector(fn, "bh", bh, M);
  const ax = new Float64Array(N * M), ah = new Float64Array(N * M);
  _matmulAdd(x.data, Wx.data, ax, N, D, M); // x·Wx  [N, 3H]
  _addRow(ax, bx, N, M); // + bx
  _matmulAdd(hPrev.data, Wh.data, ah, N, H, M); // hPrev·Wh  [N, 3H]
  _addRow(ah, bh, N, M); // + bh
  const r = matrix(N, H),
    z = matrix(N, H),
    n = matrix(N, H),
    hn = matrix(N, H),
    hNext = matrix(N, H);
  for (let p = 0; p < N * H; p++) {
    const q = Math.floor(p / H) * M + (p % H); // column j of block r in row n
    r.data[p] = sigmoid(ax[q] + ah[q]);
    z.data[p] = sigmoid(ax[q + H] + ah[q + H]);
    hn.data[p] = resetAfter ? ah[q + 2 * H] : r.data[p] * hPrev.data[p];
  }
  // reset-before only: (r ⊙ hPrev)·Wh + bh, of which the n block is read  [N, 3H]
  const an = resetAfter ? ah : new Float64Array(N * M);
  if (!resetAfter) {
    _matmulAdd(hn.data, Wh.data, an, N, H, M);
    _addRow(an, bh, N, M);
  }
  for (let p = 0; p < N * H; p++) {
    const q = Math.floor(p / H) * M + (p % H) + 2 * H; // block n
    const pre = resetAfter ? ax[q] + r.data[p] * hn.data[p] : ax[q] + an[q];
    n.data[p] = Math.tanh(pre);
    hNext.data[p] = (1 - z.data[p]) * n.data[p] + z.data[p] * hPrev.data[p];
  }
  return { out: hNext, cache: { x, hPrev, Wx, Wh, r, z, n, hn, resetAfter } };
}

/**
 * Backward one GRU step. dn = dhNext ⊙ (1 − z), dz = dhNext ⊙ (hPrev − n), and hPrev gets
 * dhNext ⊙ z directly plus what flows back through the three gates' matmuls.
 *
 * @param dhNext upstream gradient ∂L/∂hNext [N, H]
 * @param cache from gruStepForward
 * @returns `{ dx [N, D], dhPrev [N, H], dWx [D, 3H], dWh [H, 3H], dbx [3H], dbh [3H] }`
 * @throws {RangeError} if dhNext's shape differs from hPrev's
 * @example
 * ```ts
 * import { gruStepBackward, gruStepForward } from "./gru_cell.ts";
 * import { matrix } from "./matrix.ts";
 * const { cache } = gruStepForward(matrix(1, 3), matrix(1, 2), matrix(3, 6), matrix(2, 6), new Float64Array(6), new Float64Array(6));
 * console.log(Array.from(gruStepBackward(matrix(1, 2, [1, 1]), cache).dhPrev.data)); // [0.5, 0.5]
 * ```
 * @see notebook 06, "The GRU cell"
 */
export function gruStepBackward(dhNext: Matrix, cache: GruStepCache): GruStepGrads {
  const { x, hPrev, Wx, Wh, r, z, n, hn, resetAfter } = cache;
  const [N, H] = hPrev.shape, D = x.shape[1], M = 3 * H;
  _expectShape("gruStepBackward", "dhNext", dhNext, [N, H]);
  const dax = new Float64Array(N * M), dah = new Float64Array(N * M); // ∂L/∂(x·Wx+bx), ∂L/∂(h·Wh+bh)
  const dan = new Float64Array(N * M); // reset-before only: ∂L/∂((r ⊙ h)·Wh + bh), n block
  const dhPrev = matrix(N, H);
  for (let p = 0; p < N * H; p++) {
    const q = Math.floor(p / H) * M + (p % H), g = dhNext.data[p];
    const dPre = g * (1 - z.data[p]) * (1 - n.data[p] ** 2); // through n = tanh(pre)
    const daz = g * (hPrev.data[p] - n.data[p]) * z.data[p] * (1 - z.data[p]);
    dhPrev.data[p] = g * z.data[p];
    dax[q + H] = dah[q + H] = daz;
    dax[q + 2 * H] = dPre;
    if (resetAfter) {
      dah[q + 2 * H] = dPre * r.data[p];
      dax[q] = dah[q] = dPre * hn.data[p] * r.data[p] * (1 - r.data[p]);
    } else dan[q + 2 * H] = dPre;
  }
  if (!resetAfter) {
    const dhr = new Float64Array(N * H); // ∂L/∂(r ⊙ hPrev) = dan·Wh_nᵀ  [N, H]
    _matmulTBAdd(dan, Wh.data, dhr, N, H, M);
    for (let p = 0; p < N * H; p++) {
      const q = Math.floor(p / H) * M + (p % H);
      dax[q] = dah[q] = dhr[p] * hPrev.data[p] * r.data[p] * (1 - r.data[p]);
      dhPrev.data[p] += dhr[p] * r.data[p];
    }
  }
  const dx = matrix(N, D), dWx = matrix(D, M), dWh = matrix(H, M);
  const dbx = new Float64Array(M), dbh = new Float64Array(M);
  _matmulTBAdd(dax, Wx.data, dx.data, N, D, M); // dax·Wxᵀ  [N, D]
  _matmulTBAdd(dah, Wh.data, dhPrev.data, N, H, M); // + dah·Whᵀ  [N, H]
  _matmulTAAdd(x.data, dax, dWx.data, N, D, M); // xᵀ·dax  [D, 3H]
  _matmulTAAdd(hPrev.data, dah, dWh.data, N, H, M); // hPrevᵀ·dah  [H, 3H]
  _sumRowsAdd(dax, dbx, N, M);
  _sumRowsAdd(dah, dbh, N, M);
  if (!resetAfter) {
    _matmulTAAdd(hn.data, dan, dWh.data, N, H, M); // (r ⊙ hPrev)ᵀ·dan, n block only
    _sumRowsAdd(dan, dbh, N, M);
  }
  return { dx, dhPrev, dWx, dWh, dbx, dbh };
}
