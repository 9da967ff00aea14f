/**
 * Probes for notebook 05's vanishing/exploding-gradient story, on the float64 scratch RNN, LSTM
 * and GRU: the gradient norm ‖∂L/∂h_t‖ at every step for a loss on the last step (read off BPTT as
 * it runs), the largest singular value of each step's Jacobian ∂h_t/∂h_{t−1} and of their product
 * ∂h_{T−1}/∂h_t, and the largest singular value of a matrix by power iteration. With
 * ∂h_{T−1}/∂h_t = Π_k ∂h_k/∂h_{k−1} and ∂h_k/∂h_{k−1} = Wh·diag(1 − h_k²) for a tanh RNN (row
 * vectors, W [in, out]), the product shrinks or grows roughly like σ_max(Wh)^(T−1−t): Bengio,
 * Simard & Frasconi (1994); Pascanu, Mikolov & Bengio (2013).
 * @module
 */
import { type Matrix, matrix } from "../scratch/matrix.ts";
import { type Tensor3, tensor3 } from "../scratch/tensor3.ts";
import { rnnStepBackward } from "../scratch/rnn_cell.ts";
import { lstmStepBackward } from "../scratch/lstm_cell.ts";
import { gruStepBackward } from "../scratch/gru_cell.ts";
import { type BpttHooks, rnnBackward, rnnForward } from "../scratch/rnn_sequence.ts";
import { lstmBackward, lstmForward } from "../scratch/lstm_sequence.ts";
import { gruBackward, gruForward } from "../scratch/gru_sequence.ts";
import { Rng } from "../util/rng.ts";
import type { GruParams, RnnParams } from "./pytorch_layout.ts";

/** A scratch recurrent layer with its parameters in the course layout (see pytorch_layout.ts). */
export type ScratchRnnModel =
  | ({ kind: "rnn" } & RnnParams)
  | ({ kind: "lstm" } & RnnParams)
  | ({ kind: "gru"; resetAfter?: boolean } & GruParams);

/** Inputs of the probes besides the model and x. */
export interface GradProbeOptions {
  /** initial hidden state [N, H] (default zeros) */
  h0?: Matrix;
  /** initial cell state [N, H], LSTM only (default zeros) */
  c0?: Matrix;
  /** ∂L/∂h at the last step [N, H] (default ones: L = Σ h_{T−1}) */
  dLast?: Matrix;
}

/** Run the model forward and back through time with a loss on the last step only. */
function bptt(model: ScratchRnnModel, x: Tensor3, opts: GradProbeOptions, hooks: BpttHooks) {
  const [N, T] = x.shape, H = model.Wh.shape[0];
  const h0 = opts.h0 ?? matrix(N, H);
  const dh = tensor3(N, T, H); // zeros except the last step
  const dLast = opts.dLast?.data ?? new Float64Array(N * H).fill(1);
  if (dLast.length !== N * H) {
    throw new RangeError(
      `gradNormsPerStep: dLast must have shape [${N}, ${H}], got [${opts.dLast?.shape}]`,
    );
  }
  for (let n = 0; n < N; n++) dh.data.set(dLast.subarray(n * H, (n + 1) * H), (n * T + T - 1) * H);
  if (model.kind === "rnn") {
    const { cache } = rnnForward(x, h0, model.Wx, model.Wh, model.b);
    return { steps: cache.steps, grads: rnnBackward(dh, cache, hooks) };
  }
  if (model.kind === "lstm") {
    const { cache } = lstmForward(x, h0, model.Wx, model.Wh, model.b, opts.c0);
    return { steps: cache.steps, grads: lstmBackward(dh, cache, hooks) };
  }
  const { cache } = gruForward(x, h0, model.Wx, model.Wh, model.bx, model.bh, model);
  return { steps: cache.steps, grads: gruBackward(dh, cache, hooks) };
}

const frob = (m: Matrix) => Math.hypot(...m.data);

/**
 * ‖∂L/∂h_t‖ (Frobenius over the batch) for every step t, for a loss on the last step only, read
 * from BPTT as it runs. For an LSTM, also ‖∂L/∂c_t‖.
 *
 * @param model `{ kind: "rnn" | "lstm", Wx, Wh, b }` or `{ kind: "gru", Wx, Wh, bx, bh, resetAfter? }`
 * @param x inputs [N, T, D]
 * @param opts h0, c0 and dLast = ∂L/∂h_{T−1} [N, H] (default ones)
 * @returns `{ dh: number[T], dc?: number[T] }`, index t = time step (dh[T−1] = ‖dLast‖)
 * @throws {RangeError} if the shapes do not agree
 * @example A zero Wh passes nothing back
 * ```ts
 * import { gradNormsPerStep } from "./grad_norms.ts";
 * import { matrix } from "../scratch/matrix.ts";
 * import { tensor3 } from "../scratch/tensor3.ts";
 * const model = { kind: "rnn" as const, Wx: matrix(4, 5), Wh: matrix(5, 5), b: new Float64Array(5) };
 * console.log(gradNormsPerStep(model, tensor3(1, 3, 4)).dh); // [0, 0, 2.23606797749979]
 * ```
 * @see notebook 05, "‖∂L/∂h_t‖ over time"
 */
export function gradNormsPerStep(
  model: ScratchRnnModel,
  x: Tensor3,
  opts: GradProbeOptions = {},
): { dh: number[]; dc?: number[] } {
  const T = x.shape[1];
  const dh = new Array<number>(T).fill(0), dc = new Array<number>(T).fill(0);
  bptt(model, x, opts, {
    onStep: (t, dhT, dcT) => {
      dh[t] = frob(dhT);
      if (dcT) dc[t] = frob(dcT);
    },
  });
  return model.kind === "lstm" ? { dh, dc } : { dh };
}

/**
 * The largest singular value σ_max(A) = ‖A‖₂ by power iteration on AᵀA from a fixed start.
 *
 * @param A [R, C]
 * @param iters the most iterations (stops early once σ changes by < 1e-12 relatively)
 * @returns σ_max ≥ 0
 * @example
 * ```ts
 * import { largestSingularValue } from "./grad_norms.ts";
 * import { matrix } from "../scratch/matrix.ts";
 * console.log(largestSingularValue(matrix(2, 2, [3, 0, 0, -4])).toFixed(6)); // "4.000000"
 * ```
 * @see notebook 05, "The product of Jacobians"
 */
export function largestSingularValue(A: Matrix, iters = 500): number {
  const [R, C] = A.shape;
  let v = new Rng(12345).normalArray(C);
  let sigma = 0;
  for (let it = 0; it < iters; it++) {
    const u = new Float64Array(R); // u = A·v
    for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) u[i] += A.data[i * C + j] * v[j];
    const w = new Float64Array(C); // w = Aᵀ·u
    for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) w[j] += A.data[i * C + j] * u[i];
    const vNorm = Math.hypot(...v), uNorm = Math.hypot(...u), wNorm = Math.hypot(...w);
    const next = vNorm > 0 ? uNorm / vNorm : 0; // ‖A v‖ / ‖v‖ → σ_max
    if (wNorm === 0) return 0;
    v = w.map((x) => x / wNorm);
    if (Math.abs(next - sigma) <= 1e-12 * next) return next;
    sigma = next;
  }
  return sigma;
}

/**
 * The product-of-Jacobians story in numbers, for one example of the batch: for every step t,
 * σ_max of the one-step Jacobian ∂h_t/∂h_{t−1} (h_{−1} = h0) and of the product ∂h_{T−1}/∂h_t,
 * both found exactly with the scratch backward passes (H unit vectors each). For an LSTM, the cell
 * state is held fixed in the one-step Jacobian; the product follows every path, through c as well.
 *
 * @param model as for gradNormsPerStep
 * @param x inputs [N, T, D]
 * @param opts h0, c0, and `example` (which sequence of the batch, default 0)
 * @returns `{ step: number[T], product: number[T] }` (product[T−1] = 1)
 * @throws {RangeError} if the shapes do not agree or example is out of range
 * @example For a linear-looking RNN (tiny inputs) the product decays like σ_max(Wh)^(T−1−t)
 * ```ts
 * import { jacobianNormsPerStep } from "./grad_norms.ts";
 * import { matrix } from "../scratch/matrix.ts";
 * import { tensor3 } from "../scratch/tensor3.ts";
 * const Wh = matrix(2, 2, [0.5, 0, 0, 0.25]);
 * const model = { kind: "rnn" as const, Wx: matrix(1, 2), Wh, b: new Float64Array(2) };
 * const { product } = jacobianNormsPerStep(model, tensor3(1, 4, 1));
 * console.log(product.map((p) => p.toFixed(4))); // ["0.1250", "0.2500", "0.5000", "1.0000"]
 * ```
 * @see notebook 05, "The product of Jacobians"
 */
export function jacobianNormsPerStep(
  model: ScratchRnnModel,
  x: Tensor3,
  opts: Omit<GradProbeOptions, "dLast"> & { example?: number } = {},
): { step: number[]; product: number[] } {
  const [N, T] = x.shape, H = model.Wh.shape[0], n = opts.example ?? 0;
  if (!(Number.isInteger(n) && n >= 0 && n < N)) {
    throw new RangeError(`jacobianNormsPerStep: example ${n} is outside the batch [0, ${N})`);
  }
  const J = Array.from({ length: T }, () => matrix(H, H)); // J[t] row j = ∂h_{T−1, j}/∂h_t
  let steps: ReturnType<typeof bptt>["steps"] = [];
  for (let j = 0; j < H; j++) {
    const dLast = matrix(N, H);
    dLast.data[n * H + j] = 1;
    steps = bptt(model, x, { ...opts, dLast }, {
      onStep: (t, dhT) => J[t].data.set(dhT.data.subarray(n * H, (n + 1) * H), j * H),
    }).steps;
  }
  const step = steps.map((cache) => {
    const Jk = matrix(H, H); // row j = ∂h_{t, j}/∂h_{t−1}
    for (let j = 0; j < H; j++) {
      const e = matrix(N, H);
      e.data[n * H + j] = 1;
      const dPrev = model.kind === "rnn"
        ? rnnStepBackward(e, cache as Parameters<typeof rnnStepBackward>[1]).dhPrev
        : model.kind === "lstm"
        ? lstmStepBackward(e, matrix(N, H), cache as Parameters<typeof lstmStepBackward>[2]).dhPrev
        : gruStepBackward(e, cache as Parameters<typeof gruStepBackward>[1]).dhPrev;
      Jk.data.set(dPrev.data.subarray(n * H, (n + 1) * H), j * H);
    }
    return largestSingularValue(Jk);
  });
  return { step, product: J.map((m) => largestSingularValue(m)) };
}
