/**
 * Conversion between PyTorch's `nn.RNN`/`nn.LSTM`/`nn.GRU` parameters (one layer, the names of
 * `state_dict()`) and the course's batch-first layout used by lib/scratch and lib/rnn. Notebook 06
 * loads PyTorch weights with it, and tests/rnn_pytorch_test.ts checks outputs and gradients against
 * PyTorch through it.
 *
 * PyTorch stores weight_ih_l0 [G·H, D], weight_hh_l0 [G·H, H], bias_ih_l0 [G·H], bias_hh_l0 [G·H]
 * (G = 1 RNN, 4 LSTM, 3 GRU) and computes x·weight_ihᵀ. The course stores Wx [D, G·H] = weight_ihᵀ and
 * Wh [H, G·H] = weight_hhᵀ, with the same gate blocks in the same order: LSTM i | f | g | o, GRU
 * r | z | n. The RNN and LSTM add the two biases, so b = bias_ih + bias_hh (going back, any split
 * gives the same function: bias_ih = b, bias_hh = 0). The GRU keeps both, bx = bias_ih and
 * bh = bias_hh, because PyTorch's GRU multiplies the reset gate into (h·W_hn + b_hn) after the
 * matmul (the "reset after" variant that the scratch GRU computes by default).
 * @module
 */
import { type Matrix, matrix } from "../scratch/matrix.ts";
import type { CellKind } from "../shapes/seq_input.ts";

/** One layer's parameters as PyTorch's `state_dict()` names them, as nested number arrays. */
export interface TorchRnnParams {
  /** [G·H, D] */
  weight_ih_l0: ArrayLike<number>[];
  /** [G·H, H] */
  weight_hh_l0: ArrayLike<number>[];
  /** [G·H] */
  bias_ih_l0: ArrayLike<number>;
  /** [G·H] */
  bias_hh_l0: ArrayLike<number>;
}

/** A vanilla RNN's (G = 1) or an LSTM's (G = 4, blocks i | f | g | o) parameters, course layout. */
export interface RnnParams {
  /** input weights [D, G·H] */
  Wx: Matrix;
  /** recurrent weights [H, G·H] */
  Wh: Matrix;
  /** bias [G·H] = bias_ih + bias_hh */
  b: Float64Array;
}

/** A GRU's parameters (blocks r | z | n), course layout. */
export interface GruParams {
  /** input weights [D, 3H] */
  Wx: Matrix;
  /** recurrent weights [H, 3H] */
  Wh: Matrix;
  /** input bias [3H] = bias_ih */
  bx: Float64Array;
  /** hidden bias [3H] = bias_hh */
  bh: Float64Array;
}

const GATES: Record<CellKind, number> = { rnn: 1, lstm: 4, gru: 3 };

/** Transpose nested rows [R, C] into a Matrix [C, R], checking the shape. */
function transposeRows(
  fn: string,
  name: string,
  rows: ArrayLike<number>[],
  r: number,
  c: number,
): Matrix {
  if (rows.length !== r || rows.some((row) => row.length !== c)) {
    const got = `[${rows.length}, ${rows[0]?.length ?? 0}]`;
    throw new RangeError(`${fn}: ${name} must have shape [${r}, ${c}], got ${got}`);
  }
  const out = matrix(c, r);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out.data[j * r + i] = rows[i][j];
  return out;
}

/** A Matrix [R, C] as nested rows of its transpose [C, R]. */
function transposeToRows(m: Matrix): number[][] {
  const [r, c] = m.shape;
  return Array.from(
    { length: c },
    (_, j) => Array.from({ length: r }, (_, i) => m.data[i * c + j]),
  );
}

function vector(fn: string, name: string, v: ArrayLike<number>, n: number): Float64Array {
  if (v.length !== n) {
    throw new RangeError(`${fn}: ${name} must have shape [${n}], got [${v.length}]`);
  }
  return Float64Array.from(v);
}

/** Read and check the four tensors of one layer; returns Wx, Wh and both biases. */
function read(kind: CellKind, fn: string, p: TorchRnnParams) {
  const G = GATES[kind], GH = p.weight_hh_l0.length, H = GH / G;
  if (!Number.isInteger(H) || H === 0) {
    throw new RangeError(`${fn}: weight_hh_l0 has ${GH} rows, not a positive multiple of ${G}`);
  }
  const D = p.weight_ih_l0[0]?.length ?? 0;
  return {
    Wx: transposeRows(fn, "weight_ih_l0", p.weight_ih_l0, GH, D), // [D, G·H]
    Wh: transposeRows(fn, "weight_hh_l0", p.weight_hh_l0, GH, H), // [H, G·H]
    bx: vector(fn, "bias_ih_l0", p.bias_ih_l0, GH),
    bh: vector(fn, "bias_hh_l0", p.bias_hh_l0, GH),
  };
}

/**
 * PyTorch `nn.RNN` (tanh) parameters to the course layout: Wx = weight_ihᵀ, Wh = weight_hhᵀ,
 * b = bias_ih + bias_hh.
 *
 * @param p the layer's `state_dict()` as nested arrays
 * @returns `{ Wx [D, H], Wh [H, H], b [H] }` for rnnForward
 * @throws {RangeError} if the shapes are inconsistent (the message names the tensor and shapes)
 * @example
 * ```ts
 * import { rnnFromPyTorch } from "./pytorch_layout.ts";
 * const p = { weight_ih_l0: [[1, 2]], weight_hh_l0: [[3]], bias_ih_l0: [0.5], bias_hh_l0: [0.25] };
 * const { Wx, b } = rnnFromPyTorch(p);
 * console.log(Wx.shape, b[0]); // [2, 1] 0.75
 * ```
 * @see notebook 06, "Same weights, three libraries"
 */
export function rnnFromPyTorch(p: TorchRnnParams): RnnParams {
  const { Wx, Wh, bx, bh } = read("rnn", "rnnFromPyTorch", p);
  return { Wx, Wh, b: bx.map((v, i) => v + bh[i]) };
}

/**
 * PyTorch `nn.LSTM` parameters to the course layout: Wx = weight_ihᵀ, Wh = weight_hhᵀ,
 * b = bias_ih + bias_hh; the gate blocks keep PyTorch's order i | f | g | o.
 *
 * @param p the layer's `state_dict()` as nested arrays
 * @returns `{ Wx [D, 4H], Wh [H, 4H], b [4H] }` for lstmForward
 * @throws {RangeError} if the shapes are inconsistent
 * @example
 * ```ts
 * import { lstmFromPyTorch } from "./pytorch_layout.ts";
 * const w = (r: number, c: number) => Array.from({ length: r }, () => new Array(c).fill(0));
 * const p = { weight_ih_l0: w(8, 3), weight_hh_l0: w(8, 2), bias_ih_l0: w(1, 8)[0], bias_hh_l0: w(1, 8)[0] };
 * console.log(lstmFromPyTorch(p).Wx.shape); // [3, 8]
 * ```
 */
export function lstmFromPyTorch(p: TorchRnnParams): RnnParams {
  const { Wx, Wh, bx, bh } = read("lstm", "lstmFromPyTorch", p);
  return { Wx, Wh, b: bx.map((v, i) => v + bh[i]) };
}

/**
 * PyTorch `nn.GRU` parameters to the course layout: Wx = weight_ihᵀ, Wh = weight_hhᵀ, bx = bias_ih,
 * bh = bias_hh (gate order r, z, n kept; use the scratch GRU's default `resetAfter: true`).
 *
 * @param p the layer's `state_dict()` as nested arrays
 * @returns `{ Wx [D, 3H], Wh [H, 3H], bx [3H], bh [3H] }` for gruForward
 * @throws {RangeError} if the shapes are inconsistent
 * @example
 * ```ts
 * import { gruFromPyTorch } from "./pytorch_layout.ts";
 * const w = (r: number, c: number) => Array.from({ length: r }, () => new Array(c).fill(0));
 * const p = { weight_ih_l0: w(6, 4), weight_hh_l0: w(6, 2), bias_ih_l0: w(1, 6)[0], bias_hh_l0: w(1, 6)[0] };
 * console.log(gruFromPyTorch(p).Wh.shape); // [2, 6]
 * ```
 */
export function gruFromPyTorch(p: TorchRnnParams): GruParams {
  return read("gru", "gruFromPyTorch", p);
}

/** One layer's parameters in PyTorch's `state_dict()` layout, as plain nested arrays. */
export interface TorchRnnParamsJson {
  /** [G·H, D] */
  weight_ih_l0: number[][];
  /** [G·H, H] */
  weight_hh_l0: number[][];
  /** [G·H] */
  bias_ih_l0: number[];
  /** [G·H] */
  bias_hh_l0: number[];
}

/**
 * Course-layout RNN parameters to PyTorch's `state_dict()` layout (nested arrays, ready for
 * `JSON.stringify` and `torch.tensor`). The summed bias goes to bias_ih; bias_hh is zeros.
 *
 * @param p `{ Wx [D, H], Wh [H, H], b [H] }`
 * @returns `{ weight_ih_l0 [H, D], weight_hh_l0 [H, H], bias_ih_l0 [H], bias_hh_l0 [H] }`
 * @example Round trip
 * ```ts
 * import { rnnFromPyTorch, rnnToPyTorch } from "./pytorch_layout.ts";
 * import { matrix } from "../scratch/matrix.ts";
 * const t = rnnToPyTorch({ Wx: matrix(2, 1, [1, 2]), Wh: matrix(1, 1, [3]), b: Float64Array.of(1) });
 * console.log(t.weight_ih_l0, rnnFromPyTorch(t).Wx.data); // [[1, 2]] Float64Array(2) [1, 2]
 * ```
 */
export function rnnToPyTorch(p: RnnParams): TorchRnnParamsJson {
  return {
    weight_ih_l0: transposeToRows(p.Wx),
    weight_hh_l0: transposeToRows(p.Wh),
    bias_ih_l0: Array.from(p.b),
    bias_hh_l0: new Array(p.b.length).fill(0),
  };
}

/**
 * Course-layout LSTM parameters to PyTorch's `state_dict()` layout (gate blocks i | f | g | o
 * unchanged; the summed bias goes to bias_ih, bias_hh is zeros).
 *
 * @param p `{ Wx [D, 4H], Wh [H, 4H], b [4H] }`
 * @returns `{ weight_ih_l0 [4H, D], weight_hh_l0 [4H, H], bias_ih_l0 [4H], bias_hh_l0 [4H] }`
 */
export function lstmToPyTorch(p: RnnParams): TorchRnnParamsJson {
  return rnnToPyTorch(p);
}

/**
 * Course-layout GRU parameters to PyTorch's `state_dict()` layout (exact: both biases kept).
 *
 * @param p `{ Wx [D, 3H], Wh [H, 3H], bx [3H], bh [3H] }`
 * @returns `{ weight_ih_l0 [3H, D], weight_hh_l0 [3H, H], bias_ih_l0 [3H], bias_hh_l0 [3H] }`
 */
export function gruToPyTorch(p: GruParams): TorchRnnParamsJson {
  return {
    weight_ih_l0: transposeToRows(p.Wx),
    weight_hh_l0: transposeToRows(p.Wh),
    bias_ih_l0: Array.from(p.bx),
    bias_hh_l0: Array.from(p.bh),
  };
}

/**
 * Scratch gradients in PyTorch's layout, to compare with `param.grad` after `loss.backward()`.
 * For the RNN and LSTM, b = bias_ih + bias_hh, so both bias gradients equal db.
 *
 * @param g `{ dWx, dWh, db }` (rnnBackward, lstmBackward) or `{ dWx, dWh, dbx, dbh }` (gruBackward)
 * @returns `{ weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0 }` gradients as nested arrays
 * @example
 * ```ts
 * import { gradsToPyTorch } from "./pytorch_layout.ts";
 * import { matrix } from "../scratch/matrix.ts";
 * const g = gradsToPyTorch({ dWx: matrix(2, 1, [1, 2]), dWh: matrix(1, 1), db: Float64Array.of(3) });
 * console.log(g.weight_ih_l0, g.bias_hh_l0); // [[1, 2]] [3]
 * ```
 */
export function gradsToPyTorch(
  g: { dWx: Matrix; dWh: Matrix; db: Float64Array } | {
    dWx: Matrix;
    dWh: Matrix;
    dbx: Float64Array;
    dbh: Float64Array;
  },
): TorchRnnParamsJson {
  const [bi, bh] = "db" in g ? [g.db, g.db] : [g.dbx, g.dbh];
  return {
    weight_ih_l0: transposeToRows(g.dWx),
    weight_hh_l0: transposeToRows(g.dWh),
    bias_ih_l0: Array.from(bi),
    bias_hh_l0: Array.from(bh),
  };
}
