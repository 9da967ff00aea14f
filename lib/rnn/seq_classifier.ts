/**
 * A sequence classifier on the float64 scratch layers: a vanilla RNN, LSTM or GRU reads x [N, T, D],
 * and a linear readout of the last hidden state gives the logits, logits = h_{T−1}·Wy + by. Its
 * backward pass is the scratch BPTT, optionally truncated to the last k steps, with the BPTT hook
 * that reads ‖∂L/∂h_t‖ as it runs: the float64 reference of the fused tfjs TfSeqModel
 * (tf_seq_model.ts), which starts from the same weights (`init`, `fromScratch`). Notebook 04 checks
 * the fused model's loss and gradients against it; notebooks 04–05 then train the fused model.
 * @module
 */
import { addRow, matmul, type Matrix, matrix, sumRows, transpose } from "../scratch/matrix.ts";
import { type Tensor3, tensor3, timeStep } from "../scratch/tensor3.ts";
import { type BpttHooks, rnnBackward, rnnForward } from "../scratch/rnn_sequence.ts";
import { lstmBackward, lstmForward } from "../scratch/lstm_sequence.ts";
import { gruBackward, gruForward } from "../scratch/gru_sequence.ts";
import { softmaxCrossEntropy } from "../scratch/losses.ts";
import { Rng } from "../util/rng.ts";
import type { ScratchRnnModel } from "./grad_norms.ts";
import type { CellKind } from "../shapes/seq_input.ts";
import { type RecurrentInit, recurrentWeights } from "./recurrent_init.ts";

/** A recurrent layer plus a linear readout of its last hidden state. */
export interface SeqClassifier {
  /** the recurrent layer, in the form the probes of grad_norms.ts take */
  cell: ScratchRnnModel;
  /** readout weights [H, C] */
  Wy: Matrix;
  /** readout bias [C] */
  by: Float64Array;
}

/** Options of {@link createSeqClassifier}. */
export interface SeqClassifierOptions {
  /** "rnn" (tanh, default), "lstm" or "gru" (PyTorch's reset-after variant) */
  kind?: CellKind;
  /** input size D */
  D: number;
  /** hidden size H */
  H: number;
  /** number of classes C */
  C: number;
  /** seed (default 0) */
  seed?: number;
  /** how to draw Wh (default "xavier") */
  init?: RecurrentInit;
  /** factor on Wh, e.g. its spectral radius for "orthogonal" (default 1) */
  scale?: number;
  /** LSTM forget-gate bias, so f ≈ σ(1) ≈ 0.73 at first (default 1) */
  forgetBias?: number;
}

/**
 * A freshly initialised classifier: Wx ~ N(0, 1/D), Wh from `init`, readout ~ N(0, 1/H), biases 0
 * (the LSTM's forget bias `forgetBias`).
 *
 * @param opts sizes, kind, init and seed
 * @returns the model
 * @throws {RangeError} if a size is not a positive integer
 * @example
 * ```ts
 * import { createSeqClassifier } from "./seq_classifier.ts";
 * const m = createSeqClassifier({ kind: "lstm", D: 4, H: 5, C: 3 });
 * console.log(m.cell.Wh.shape, m.Wy.shape); // [5, 20] [5, 3]
 * ```
 */
export function createSeqClassifier(opts: SeqClassifierOptions): SeqClassifier {
  const { kind = "rnn", D, H, C, seed = 0, init = "xavier", scale = 1, forgetBias = 1 } = opts;
  if (![D, H, C].every((v) => Number.isInteger(v) && v > 0)) {
    throw new RangeError(
      `createSeqClassifier: D, H, C must be positive integers, got ${D}, ${H}, ${C}`,
    );
  }
  const G = kind === "lstm" ? 4 : kind === "gru" ? 3 : 1, rng = new Rng(seed);
  const Wx = matrix(D, G * H, rng.normalArray(D * G * H, 1 / Math.sqrt(D))); // [D, G·H]
  const Wh = recurrentWeights(init, H, G, rng, scale); // [H, G·H]
  const b = new Float64Array(G * H);
  if (kind === "lstm") b.fill(forgetBias, H, 2 * H); // blocks i | f | g | o
  const cell: ScratchRnnModel = kind === "gru"
    ? { kind, Wx, Wh, bx: b, bh: new Float64Array(G * H) }
    : { kind, Wx, Wh, b };
  const Wy = matrix(H, C, rng.normalArray(H * C, 1 / Math.sqrt(H))); // [H, C]
  return { cell, Wy, by: new Float64Array(C) };
}

/**
 * Every parameter by name, as views into the model (changing them changes the model): Wx, Wh,
 * b (or bx, bh for the GRU), Wy, by.
 *
 * @param m the model
 * @returns name → values
 */
export function seqClassifierParams(m: SeqClassifier): Record<string, Float64Array> {
  const c = m.cell;
  const biases: Record<string, Float64Array> = c.kind === "gru"
    ? { bx: c.bx, bh: c.bh }
    : { b: c.b };
  return { Wx: c.Wx.data, Wh: c.Wh.data, ...biases, Wy: m.Wy.data, by: m.by };
}

function runCell(m: SeqClassifier, x: Tensor3) {
  const [N] = x.shape, H = m.cell.Wh.shape[0], h0 = matrix(N, H), c = m.cell;
  if (c.kind === "rnn") return { kind: c.kind, ...rnnForward(x, h0, c.Wx, c.Wh, c.b) };
  if (c.kind === "lstm") return { kind: c.kind, ...lstmForward(x, h0, c.Wx, c.Wh, c.b) };
  return { kind: c.kind, ...gruForward(x, h0, c.Wx, c.Wh, c.bx, c.bh, c) };
}

/**
 * The logits for a batch of sequences.
 *
 * @param m the model
 * @param x inputs // [N, T, D]
 * @returns `{ logits [N, C], hidden [N, T, H] }`
 */
export function seqClassifierForward(
  m: SeqClassifier,
  x: Tensor3,
): { logits: Matrix; hidden: Tensor3 } {
  const { out } = runCell(m, x);
  const hLast = timeStep(out, x.shape[1] - 1); // [N, H]
  return { logits: addRow(matmul(hLast, m.Wy), m.by), hidden: out }; // [N, C]
}

/** Options of {@link seqClassifierLossAndGrads}. */
export interface SeqLossOptions extends BpttHooks {
  /** backpropagate through the last k steps only (truncated BPTT; default: all T) */
  truncate?: number;
}

/**
 * Mean softmax cross-entropy of the last step's logits, and every parameter's gradient by BPTT.
 * `onStep(t, dhTotal)` sees ∂L/∂h_t for each step it reaches (t in the full sequence's numbering).
 *
 * @param m the model
 * @param x inputs // [N, T, D]
 * @param y class labels // [N]
 * @param opts truncation and the BPTT hook
 * @returns `{ loss, logits [N, C], grads }`, grads keyed "d" + parameter name
 * @throws {RangeError} if truncate is not in [1, T]
 */
export function seqClassifierLossAndGrads(
  m: SeqClassifier,
  x: Tensor3,
  y: ArrayLike<number>,
  opts: SeqLossOptions = {},
): { loss: number; logits: Matrix; grads: Record<string, Float64Array> } {
  const [N, T] = x.shape, H = m.cell.Wh.shape[0], k = opts.truncate ?? T;
  if (!(Number.isInteger(k) && k >= 1 && k <= T)) {
    throw new RangeError(`seqClassifierLossAndGrads: truncate ${k} must be in [1, ${T}]`);
  }
  const run = runCell(m, x);
  const hLast = timeStep(run.out, T - 1); // [N, H]
  const logits = addRow(matmul(hLast, m.Wy), m.by); // [N, C]
  const { loss, dLogits } = softmaxCrossEntropy(logits, y);
  const dhLast = matmul(dLogits, transpose(m.Wy)); // [N, H]
  const dh = tensor3(N, k, H); // only the last step gets a loss  [N, k, H]
  for (let n = 0; n < N; n++) {
    dh.data.set(dhLast.data.subarray(n * H, (n + 1) * H), (n * k + k - 1) * H);
  }
  const hooks: BpttHooks = { onStep: (t, d, dc) => opts.onStep?.(t + T - k, d, dc) };
  const grads: Record<string, Float64Array> = {
    dWy: matmul(transpose(hLast), dLogits).data, // [H, C]
    dby: sumRows(dLogits),
  };
  if (run.kind === "gru") {
    const g = gruBackward(dh, { steps: run.cache.steps.slice(T - k) }, hooks);
    Object.assign(grads, { dWx: g.dWx.data, dWh: g.dWh.data, dbx: g.dbx, dbh: g.dbh });
  } else {
    const g = run.kind === "lstm"
      ? lstmBackward(dh, { steps: run.cache.steps.slice(T - k) }, hooks)
      : rnnBackward(dh, { steps: run.cache.steps.slice(T - k) }, hooks);
    Object.assign(grads, { dWx: g.dWx.data, dWh: g.dWh.data, db: g.db });
  }
  return { loss, logits, grads };
}
