/**
 * The character-level language model of notebook 07 and the CLI (Karpathy's char-rnn; the
 * tfjs-examples LSTM text generator): an embedding table, L recurrent layers (LSTM by default, GRU
 * or vanilla RNN), dropout between layers, and a dense layer to V logits. Training runs through the
 * fused ops (lib/kernels/lstm_fused.ts, lib/kernels/dense_cross_entropy.ts) in time-major order with no
 * transposes; sampling feeds one character at a time and carries the states between calls.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { Rng } from "../util/rng.ts";
import { fusedSupported } from "../kernels/mod.ts";
import { dims, type SeqInput } from "../shapes/seq_input.ts";
import { denseCrossEntropy } from "../kernels/dense_cross_entropy.ts";
import { type CellKind, makeRecurrentLayer, type RecurrentLayer } from "./recurrent_layer.ts";

/** The model's hyperparameters. */
export interface CharLMConfig {
  /** V, the number of distinct characters (65 for Tiny Shakespeare). */
  vocabSize: number;
  /** Size of each character's embedding vector. */
  embedSize: number;
  /** H, the hidden size of every recurrent layer. */
  hiddenSize: number;
  /** L, the number of stacked recurrent layers. */
  layers: number;
  /** The recurrent cell. */
  cell: CellKind;
  /** Dropout rate between layers and before the output layer while training (0 = off). */
  dropout: number;
  /** Seed of the initial weights. */
  seed: number;
}

/** Defaults: config (A) of the benchmark, a 1-layer LSTM of 128 over 32-dim embeddings. */
export const CHAR_LM_DEFAULTS: Omit<CharLMConfig, "vocabSize"> = {
  embedSize: 32,
  hiddenSize: 128,
  layers: 1,
  cell: "lstm",
  dropout: 0,
  seed: 42,
};

/** A batch of ids as lib/text's getBatch makes it: row-major [N, T] inputs and next-char targets. */
export interface TokenBatch {
  /** input ids // [N * T] */
  x: Int32Array;
  /** target ids // [N * T] */
  y: Int32Array;
  /** N */
  batchSize: number;
  /** T */
  seqLen: number;
}

/** Per-layer recurrent states of a batch, to carry across batches: h (and c for an LSTM) // [N * H] */
export type CharLMState = { h: Float32Array; c?: Float32Array }[];

/** Options of {@link CharLM.loss}. */
export interface CharLMLossOptions {
  /** Dropout on (training). */
  training?: boolean;
  /** Seed of the dropout masks. */
  seed?: number;
  /** States to start each layer from (default zeros); plain arrays, so BPTT stops here (detached). */
  initialState?: CharLMState;
  /** Receives every layer's state after the last step, e.g. to start the next batch from it. */
  onFinalState?: (state: CharLMState) => void;
}

/** One-character-at-a-time access for lib/text's `generate` (its `step` and `reset`). */
export interface CharSampler {
  /** Feed one character id; returns the logits of the next character // [V] */
  step: (charIndex: number) => Float32Array;
  /** Zero every state. */
  reset: () => void;
  /** The current states, per layer: h (and c for an LSTM) // [H] each */
  state: () => { h: Float32Array; c?: Float32Array }[];
}

/**
 * A character-level recurrent language model.
 *
 * @example Loss at initialisation is close to ln V
 * ```ts
 * import { CharLM } from "./char_lm.ts";
 * const lm = new CharLM({ vocabSize: 5, hiddenSize: 8, embedSize: 4 });
 * const x = Int32Array.of(0, 1, 2, 3), y = Int32Array.of(1, 2, 3, 4);
 * console.log(lm.loss({ x, y, batchSize: 1, seqLen: 4 }).dataSync()[0] < 2); // true (ln 5 = 1.61)
 * ```
 * @see notebooks/07_char_lstm.ipynb; Karpathy (2015) "The Unreasonable Effectiveness of RNNs"
 */
export class CharLM {
  /** The full configuration (defaults filled in). */
  readonly config: CharLMConfig;
  /** Embedding table // [V, embedSize] */
  readonly embedding: tf.Variable;
  /** The recurrent layers, bottom first. */
  readonly layers: RecurrentLayer[];
  /** Output weights // [H, V] */
  readonly Wy: tf.Variable;
  /** Output biases // [V] */
  readonly by: tf.Variable;

  /**
   * @param config at least `vocabSize`; the rest defaults to {@link CHAR_LM_DEFAULTS}
   * @throws {RangeError} on a size that is not a positive integer or a dropout outside [0, 1)
   */
  constructor(config: Partial<CharLMConfig> & { vocabSize: number }) {
    const c = { ...CHAR_LM_DEFAULTS, ...config };
    for (const k of ["vocabSize", "embedSize", "hiddenSize", "layers"] as const) {
      if (!Number.isInteger(c[k]) || c[k] < 1) {
        throw new RangeError(`CharLM: ${k} must be a positive integer, got ${c[k]}`);
      }
    }
    if (!(c.dropout >= 0 && c.dropout < 1)) {
      throw new RangeError(`CharLM: dropout must be in [0, 1), got ${c.dropout}`);
    }
    this.config = c;
    const rng = new Rng(c.seed), V = c.vocabSize, H = c.hiddenSize, k = 1 / Math.sqrt(H);
    const variable = (data: Float64Array, shape: number[]) => {
      const init = tf.tensor(Float32Array.from(data), shape);
      const v = tf.variable(init); // keeps its own reference to the data
      init.dispose();
      return v;
    };
    // PyTorch's defaults: nn.Embedding N(0, 1), nn.Linear and the recurrent layers U(−1/√H, 1/√H).
    this.embedding = variable(rng.normalArray(V * c.embedSize), [V, c.embedSize]);
    this.layers = Array.from({ length: c.layers }, (_, l) =>
      makeRecurrentLayer(c.cell, {
        inputSize: l === 0 ? c.embedSize : H,
        hiddenSize: H,
        seed: rng.seed(),
      }));
    this.Wy = variable(rng.uniformArray(H * V, -k, k), [H, V]);
    this.by = variable(rng.uniformArray(V, -k, k), [V]);
  }

  /** The trainable variables by name: "embedding", "layer0.Wx", …, "Wy", "by". */
  params(): Record<string, tf.Variable> {
    const out: Record<string, tf.Variable> = { embedding: this.embedding };
    this.layers.forEach((layer, l) => {
      for (const [name, v] of Object.entries(layer.params)) out[`layer${l}.${name}`] = v;
    });
    out.Wy = this.Wy;
    out.by = this.by;
    return out;
  }

  /** Number of trainable scalars. */
  paramCount(): number {
    return Object.values(this.params()).reduce((n, v) => n + v.size, 0);
  }

  /**
   * Mean next-character cross-entropy of a batch, in nats (differentiable).
   *
   * @param batch row-major inputs and targets, as lib/text's getBatch returns them // [N * T] each
   * @param opts `training` turns dropout on; `seed` makes its masks reproducible; `initialState`
   *   and `onFinalState` carry the states across batches (stateful truncated BPTT)
   * @returns the loss, a scalar
   * @throws {RangeError} on an empty batch (N or T not a positive integer) or if the arrays do not
   *   hold N·T ids
   */
  loss(batch: TokenBatch, opts: CharLMLossOptions = {}): tf.Scalar {
    const { x, y, batchSize: N, seqLen: T } = batch;
    checkBatchShape("CharLM.loss", N, T);
    if (x.length !== N * T || y.length !== N * T) {
      throw new RangeError(
        `CharLM.loss: x and y must hold N·T = ${N}·${T} ids, got ${x.length} and ${y.length}`,
      );
    }
    const yt = timeMajor(y, N, T);
    return tf.tidy(() => {
      const h = this.#hidden(tf.tensor2d(timeMajor(x, N, T), [T, N], "int32"), opts);
      const hs = tf.reshape(h, [T * N, this.config.hiddenSize]); // rows t·N + n
      if (fusedSupported()) return denseCrossEntropy(hs, this.Wy, this.by, yt);
      const logits = tf.add(tf.matMul(hs, this.Wy), this.by);
      const labels = tf.oneHot(tf.tensor1d(yt, "int32"), this.config.vocabSize);
      return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
    });
  }

  /**
   * Next-character logits at every position (no dropout).
   *
   * @param x row-major input ids // [N * T]
   * @param N batch size
   * @param T sequence length
   * @returns logits // [N, T, V]
   * @throws {RangeError} on an empty batch or if `x` does not hold N·T ids
   */
  logits(x: Int32Array, N: number, T: number): tf.Tensor {
    checkBatchShape("CharLM.logits", N, T);
    if (x.length !== N * T) {
      throw new RangeError(`CharLM.logits: x must hold N·T = ${N}·${T} ids, got ${x.length}`);
    }
    return tf.tidy(() => {
      const h = this.#hidden(tf.tensor2d(x, [N, T], "int32").transpose(), {}); // [T, N, H]
      const out = tf.add(tf.matMul(tf.reshape(h, [T * N, -1]), this.Wy), this.by);
      return tf.transpose(tf.reshape(out, [T, N, -1]), [1, 0, 2]);
    });
  }

  /** Embedding → layers (with dropout between them when training), time-major // [T, N, H] */
  #hidden(ids: tf.Tensor, opts: CharLMLossOptions): tf.Tensor {
    const p = opts.training ? this.config.dropout : 0, seed = opts.seed ?? 0;
    const drop = (h: tf.Tensor, i: number) =>
      p > 0 ? tf.dropout(h, p, undefined, seed * 31 + i) : h;
    const N = dims(ids)[1], H = this.config.hiddenSize, s0 = opts.initialState;
    if (s0 && (s0.length !== this.layers.length || s0.some((s) => s.h.length !== N * H))) {
      throw new RangeError(
        `CharLM: initialState needs ${this.layers.length} layer(s) of h [N·H = ${N * H}], got ` +
          `${s0.length} of [${s0.map((s) => s.h.length)}]`,
      );
    }
    const final: CharLMState = [];
    let x: SeqInput = { ids, table: this.embedding };
    let h = tf.zeros([0]);
    for (let l = 0; l < this.layers.length; l++) {
      const st = s0?.[l], state = (a?: Float32Array) => (a ? tf.tensor2d(a, [N, H]) : undefined);
      h = drop(
        this.layers[l].forward(x, {
          timeMajor: true,
          h0: state(st?.h),
          c0: state(st?.c),
          onFinalState: opts.onFinalState ? (h, c) => (final[l] = { h, c }) : undefined,
        }),
        l,
      );
      x = h;
    }
    if (opts.onFinalState) opts.onFinalState(final);
    return h;
  }

  /**
   * A sampler that feeds one character at a time and keeps the states between calls, for lib/text's
   * `generate({ step, reset, … })`.
   *
   * @returns `{ step, reset, state }`
   * @example Greedy continuation
   * ```ts
   * import { CharLM } from "./char_lm.ts";
   * const s = new CharLM({ vocabSize: 5, hiddenSize: 8 }).sampler();
   * console.log(s.step(2).length); // 5
   * ```
   */
  sampler(): CharSampler {
    const H = this.config.hiddenSize, lstm = this.config.cell === "lstm";
    let states: { h: Float32Array; c?: Float32Array }[] = this.layers.map(() => ({
      h: new Float32Array(H),
      c: lstm ? new Float32Array(H) : undefined,
    }));
    const step = (charIndex: number): Float32Array =>
      tf.tidy(() => {
        let x: SeqInput = {
          ids: tf.tensor2d([[charIndex]], [1, 1], "int32"),
          table: this.embedding,
        };
        let h = tf.zeros([0]);
        this.layers.forEach((layer, l) => {
          const st = states[l];
          h = layer.forward(x, {
            timeMajor: true,
            h0: tf.tensor2d(st.h, [1, H]),
            c0: st.c ? tf.tensor2d(st.c, [1, H]) : undefined,
            onFinalState: (h, c) => {
              st.h = h;
              if (c) st.c = c;
            },
          });
          x = h;
        });
        const logits = tf.add(tf.matMul(tf.reshape(h, [1, H]), this.Wy), this.by);
        return logits.dataSync() as Float32Array;
      });
    const reset = () => {
      states = states.map((s) => ({
        h: new Float32Array(H),
        c: s.c ? new Float32Array(H) : undefined,
      }));
    };
    return { step, reset, state: () => states.map((s) => ({ ...s })) };
  }

  /**
   * Copies of all weights by name (for checkpoints).
   *
   * @returns `{ name: { shape, data } }` in the order of {@link CharLM.params}
   */
  getWeights(): Record<string, { shape: number[]; data: Float32Array }> {
    const out: Record<string, { shape: number[]; data: Float32Array }> = {};
    for (const [name, v] of Object.entries(this.params())) {
      out[name] = { shape: [...v.shape], data: v.dataSync() as Float32Array };
    }
    return out;
  }

  /**
   * Overwrite all weights (e.g. from a checkpoint).
   *
   * @param weights every parameter of {@link CharLM.params}, with matching shapes
   * @throws {RangeError} naming a missing, unexpected or mis-shaped weight
   */
  setWeights(weights: Record<string, { shape: number[]; data: ArrayLike<number> }>): void {
    const params = this.params();
    const extra = Object.keys(weights).filter((k) => !(k in params));
    if (extra.length) {
      throw new RangeError(`CharLM.setWeights: unexpected weights ${extra.join(", ")}`);
    }
    for (const [name, v] of Object.entries(params)) {
      const w = weights[name];
      if (!w) throw new RangeError(`CharLM.setWeights: missing weight "${name}" [${v.shape}]`);
      if (w.shape.join() !== v.shape.join() || w.data.length !== v.size) {
        throw new RangeError(
          `CharLM.setWeights: "${name}" has shape [${w.shape}], the model needs [${v.shape}]`,
        );
      }
    }
    tf.tidy(() => {
      for (const [name, v] of Object.entries(params)) {
        v.assign(tf.tensor(Float32Array.from(weights[name].data), v.shape));
      }
    });
  }

  /** Free every variable. */
  dispose(): void {
    tf.dispose([this.embedding, this.Wy, this.by]);
    for (const layer of this.layers) layer.dispose();
  }
}

/** An empty batch has no mean loss: refuse it by name instead of failing deep inside tfjs. */
function checkBatchShape(where: string, N: number, T: number): void {
  if (!(Number.isInteger(N) && N >= 1 && Number.isInteger(T) && T >= 1)) {
    throw new RangeError(
      `${where}: the batch is empty or malformed (batchSize ${N}, seqLen ${T}); both must be ` +
        `positive integers`,
    );
  }
}

/** Row-major [N, T] ids → time-major [T, N]. */
function timeMajor(a: Int32Array, N: number, T: number): Int32Array {
  const out = new Int32Array(N * T);
  for (let n = 0; n < N; n++) for (let t = 0; t < T; t++) out[t * N + n] = a[n * T + t];
  return out;
}
