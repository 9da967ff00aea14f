/**
 * Trainable tfjs sequence layers for notebooks 04–09 and the char LM: {@link RNNLayer},
 * {@link LSTMLayer} and {@link GRULayer} map a whole sequence [N, T, D] to its hidden states
 * [N, T, H]. The weights are `tf.Variable`s in the course layout (lib/rnn/pytorch_layout.ts converts
 * to and from PyTorch): Wx [D, G·H], Wh [H, G·H], b [G·H] with gate blocks LSTM i | f | g | o,
 * GRU r | z | n (PyTorch's "reset after" variant, which needs two biases bx, bh), RNN G = 1.
 * On the wasm and cpu backends `forward` runs the fused ops (lstmFused, gruFused, rnnFused; about
 * 10× faster to train), elsewhere the plain per-step ops; both give the same numbers (tested).
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { Rng } from "../util/rng.ts";
import { dims } from "../shapes/seq_input.ts";
import { fusedSupported } from "../kernels/mod.ts";
import type { EmbeddedIds, SeqInput } from "../shapes/seq_input.ts";
import type { FusedOptions } from "../shapes/seq_input.ts";
import { lstmFused } from "../kernels/lstm_fused.ts";
import { gruFused } from "../kernels/gru_fused.ts";
import { type RnnActivation, rnnFused } from "../kernels/rnn_fused.ts";
import { lstmPlain } from "./lstm_plain.ts";
import { gruPlain } from "./gru_plain.ts";
import { rnnPlain } from "./rnn_plain.ts";

import type { CellKind } from "../shapes/seq_input.ts";
export type { CellKind } from "../shapes/seq_input.ts";

/** Options of the layer constructors. */
export interface RecurrentLayerOptions {
  /** D, the size of each input vector. */
  inputSize: number;
  /** H, the size of the hidden state. */
  hiddenSize: number;
  /** Seed of the initial weights (default 42): PyTorch's U(−1/√H, 1/√H) for every parameter. */
  seed?: number;
  /** RNN only: "tanh" (default), "relu" or "linear". */
  activation?: RnnActivation;
  /** Use the fused ops when the backend allows (default true); false forces plain tfjs ops. */
  fused?: boolean;
}

/** Options of {@link RecurrentLayer.forward}. */
export interface ForwardOptions extends FusedOptions {
  /** Initial hidden state // [N, H] (default zeros) */
  h0?: tf.Tensor;
  /** Initial cell state, LSTM only // [N, H] (default zeros) */
  c0?: tf.Tensor;
}

const GATES: Record<CellKind, number> = { rnn: 1, lstm: 4, gru: 3 };

/** What the three layers share: the variables, the forward dispatch and bookkeeping. */
export abstract class RecurrentLayer {
  /** Which cell this is. */
  abstract readonly kind: CellKind;
  /** D */
  readonly inputSize: number;
  /** H */
  readonly hiddenSize: number;
  /** The trainable parameters by course name (Wx, Wh, b; the GRU has bx, bh). */
  readonly params: Record<string, tf.Variable>;
  /** Whether forward uses the fused op (when the backend supports it). */
  fused: boolean;

  protected constructor(kind: CellKind, opts: RecurrentLayerOptions, biases: string[]) {
    const { inputSize: D, hiddenSize: H } = opts;
    for (const [name, v] of [["inputSize", D], ["hiddenSize", H]] as const) {
      if (!Number.isInteger(v) || v < 1) {
        throw new RangeError(
          `${kind.toUpperCase()}Layer: ${name} must be a positive integer, got ${v}`,
        );
      }
    }
    this.inputSize = D;
    this.hiddenSize = H;
    this.fused = opts.fused ?? true;
    const G = GATES[kind] * H, k = 1 / Math.sqrt(H), rng = new Rng(opts.seed ?? 42);
    // tf.variable copies its initial value, so the temporary tensor is freed by tidy.
    const init = (shape: number[]) =>
      tf.tidy(() =>
        tf.variable(
          tf.tensor(
            Float32Array.from(rng.uniformArray(shape.reduce((a, b) => a * b), -k, k)),
            shape,
          ),
        )
      );
    this.params = { Wx: init([D, G]), Wh: init([H, G]) };
    for (const b of biases) this.params[b] = init([G]);
  }

  /**
   * Run the layer over whole sequences.
   *
   * @param x inputs // [N, T, D] (or [T, N, D] with `timeMajor`), or `{ ids, table }` for token ids
   * @param opts initial states, layout, final-state callback, BPTT hook and truncation
   * @returns the hidden state of every step // [N, T, H] (or [T, N, H])
   * @throws {RangeError} if the shapes do not fit the layer
   * @throws {Error} if `truncate` or `onBackwardStep` is asked of the plain (unfused) path
   */
  forward(x: SeqInput, opts: ForwardOptions = {}): tf.Tensor {
    return tf.tidy(() => {
      const N = dims(x instanceof tf.Tensor ? x : x.ids)[opts.timeMajor ? 1 : 0];
      const h0 = opts.h0 ?? tf.zeros([N, this.hiddenSize]);
      if (this.fused && fusedSupported()) return this.runFused(x, h0, opts);
      if (opts.truncate !== undefined || opts.onBackwardStep) {
        throw new Error(
          `${this.constructor.name}.forward: truncate and onBackwardStep need the fused ops ` +
            `(fused: true on the wasm or cpu backend, now ${tf.getBackend()})`,
        );
      }
      const xs = x instanceof tf.Tensor ? x : embed(x);
      const xb = opts.timeMajor ? tf.transpose(xs, [1, 0, 2]) : xs;
      const out = this.runPlain(xb, h0, opts);
      return opts.timeMajor ? tf.transpose(out, [1, 0, 2]) : out;
    });
  }

  /** The variables in a fixed order (for optimizers). */
  variables(): tf.Variable[] {
    return Object.values(this.params);
  }

  /** Number of trainable scalars. */
  paramCount(): number {
    return this.variables().reduce((n, v) => n + v.size, 0);
  }

  /**
   * Overwrite the weights, e.g. with scratch or PyTorch-converted values.
   *
   * @param values by parameter name; each a tensor or flat numbers of the right size
   * @throws {RangeError} on an unknown name or a wrong size
   */
  setWeights(
    values: Record<string, tf.Tensor | ArrayLike<number> | { data: ArrayLike<number> }>,
  ): void {
    for (const [name, v] of Object.entries(values)) {
      const p = this.params[name];
      if (!p) {
        throw new RangeError(
          `${this.constructor.name}.setWeights: unknown parameter "${name}" (has ${
            Object.keys(this.params)
          })`,
        );
      }
      const data = v instanceof tf.Tensor ? v.dataSync() : "data" in v ? v.data : v;
      if (data.length !== p.size) {
        throw new RangeError(
          `${this.constructor.name}.setWeights: ${name} needs ${p.size} values [${p.shape}], got ${data.length}`,
        );
      }
      p.assign(tf.tensor(Float32Array.from(data), p.shape));
    }
  }

  /** Free the variables. */
  dispose(): void {
    tf.dispose(this.variables());
  }

  protected abstract runFused(x: SeqInput, h0: tf.Tensor, opts: ForwardOptions): tf.Tensor;
  protected abstract runPlain(x: tf.Tensor, h0: tf.Tensor, opts: ForwardOptions): tf.Tensor;
}

/** Look ids up in their table (one-hot matMul: trainable on wasm, which lacks gather's gradient). */
function embed(x: EmbeddedIds): tf.Tensor {
  const [a, b] = dims(x.ids), V = dims(x.table)[0];
  const oneHot = tf.oneHot(tf.reshape(x.ids, [a * b]), V).toFloat(); // [a·b, V]
  return tf.reshape(tf.matMul(oneHot, x.table), [a, b, dims(x.table)[1]]);
}

/**
 * An LSTM layer: gates a = x·Wx + hPrev·Wh + b, blocks i | f | g | o (PyTorch's order),
 * c = f⊙cPrev + i⊙g, h = o⊙tanh(c). Parameters Wx [D, 4H], Wh [H, 4H], b [4H].
 *
 * @example Hidden states of a batch
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { LSTMLayer } from "./recurrent_layer.ts";
 * const lstm = new LSTMLayer({ inputSize: 4, hiddenSize: 5 });
 * console.log(lstm.forward(tf.ones([2, 3, 4])).shape, lstm.paramCount()); // [2, 3, 5] 200
 * ```
 * @see notebooks/06_lstm_gru.ipynb; Hochreiter & Schmidhuber (1997)
 */
export class LSTMLayer extends RecurrentLayer {
  readonly kind = "lstm";
  /** @param opts sizes, seed, fused */
  constructor(opts: RecurrentLayerOptions) {
    super("lstm", opts, ["b"]);
  }
  protected runFused(x: SeqInput, h0: tf.Tensor, o: ForwardOptions): tf.Tensor {
    const { Wx, Wh, b } = this.params;
    return lstmFused(x, h0, o.c0 ?? tf.zerosLike(h0), Wx, Wh, b, o);
  }
  protected runPlain(x: tf.Tensor, h0: tf.Tensor, o: ForwardOptions): tf.Tensor {
    const { Wx, Wh, b } = this.params;
    return lstmPlain(x, h0, o.c0 ?? tf.zerosLike(h0), Wx, Wh, b, o);
  }
}

/**
 * A GRU layer, PyTorch's "reset after" variant: r, z = σ(·), n = tanh(x·Wx_n + bx_n +
 * r ⊙ (hPrev·Wh_n + bh_n)), h = (1 − z)⊙n + z⊙hPrev; blocks r | z | n. Parameters Wx [D, 3H],
 * Wh [H, 3H], bx [3H] (bias_ih), bh [3H] (bias_hh).
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { GRULayer } from "./recurrent_layer.ts";
 * console.log(new GRULayer({ inputSize: 4, hiddenSize: 5 }).forward(tf.ones([2, 3, 4])).shape); // [2, 3, 5]
 * ```
 * @see notebooks/06_lstm_gru.ipynb; Cho et al. (2014)
 */
export class GRULayer extends RecurrentLayer {
  readonly kind = "gru";
  /** @param opts sizes, seed, fused */
  constructor(opts: RecurrentLayerOptions) {
    super("gru", opts, ["bx", "bh"]);
  }
  protected runFused(x: SeqInput, h0: tf.Tensor, o: ForwardOptions): tf.Tensor {
    const { Wx, Wh, bx, bh } = this.params;
    return gruFused(x, h0, Wx, Wh, bx, bh, o);
  }
  protected runPlain(x: tf.Tensor, h0: tf.Tensor, o: ForwardOptions): tf.Tensor {
    const { Wx, Wh, bx, bh } = this.params;
    return gruPlain(x, h0, Wx, Wh, bx, bh, o);
  }
}

/**
 * A vanilla (Elman) RNN layer: h_t = act(x_t·Wx + h_{t-1}·Wh + b), act tanh (default), relu or
 * linear. Parameters Wx [D, H], Wh [H, H], b [H].
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { RNNLayer } from "./recurrent_layer.ts";
 * console.log(new RNNLayer({ inputSize: 4, hiddenSize: 5 }).forward(tf.ones([2, 3, 4])).shape); // [2, 3, 5]
 * ```
 * @see notebooks/04_rnn.ipynb; Elman (1990)
 */
export class RNNLayer extends RecurrentLayer {
  readonly kind = "rnn";
  /** The nonlinearity. */
  readonly activation: RnnActivation;
  /** @param opts sizes, seed, activation, fused */
  constructor(opts: RecurrentLayerOptions) {
    super("rnn", opts, ["b"]);
    this.activation = opts.activation ?? "tanh";
  }
  protected runFused(x: SeqInput, h0: tf.Tensor, o: ForwardOptions): tf.Tensor {
    const { Wx, Wh, b } = this.params;
    return rnnFused(x, h0, Wx, Wh, b, { ...o, activation: this.activation });
  }
  protected runPlain(x: tf.Tensor, h0: tf.Tensor, o: ForwardOptions): tf.Tensor {
    const { Wx, Wh, b } = this.params;
    return rnnPlain(x, h0, Wx, Wh, b, this.activation, o);
  }
}

/**
 * Make a layer of the given kind.
 *
 * @param kind "lstm", "gru" or "rnn"
 * @param opts sizes, seed, activation, fused
 * @returns the layer
 * @throws {RangeError} on an unknown kind
 * @example
 * ```ts
 * import { makeRecurrentLayer } from "./recurrent_layer.ts";
 * console.log(makeRecurrentLayer("gru", { inputSize: 3, hiddenSize: 4 }).paramCount()); // 108
 * ```
 */
export function makeRecurrentLayer(kind: CellKind, opts: RecurrentLayerOptions): RecurrentLayer {
  if (kind === "lstm") return new LSTMLayer(opts);
  if (kind === "gru") return new GRULayer(opts);
  if (kind === "rnn") return new RNNLayer(opts);
  throw new RangeError(`makeRecurrentLayer: kind must be "lstm", "gru" or "rnn", got "${kind}"`);
}
