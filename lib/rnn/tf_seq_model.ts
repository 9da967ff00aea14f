/**
 * A tfjs model for the made tasks of seq_tasks.ts: one recurrent layer of recurrent_layer.ts
 * (vanilla RNN, LSTM or GRU, on one-hot tokens) and a linear readout, either of the last hidden
 * state (one class per sequence: the long-dependency task) or of every hidden state (one label per
 * token: the bracket task). It is the fast twin of the float64 scratch classifier of
 * seq_classifier.ts: it can start from the same initial weights (`init`), copy a scratch model's
 * weights both ways (`fromScratch`, `toScratch`), and pass truncated BPTT and the ‖∂L/∂h_t‖ hook
 * through to the fused ops. Notebooks 04–05 train it with lib/train's trainTfSeqClassifier,
 * notebook 06 with the Trainer, passing `batchLoss` as the loss; its loss is lib/rnn's fused
 * denseCrossEntropy.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { Rng } from "../util/rng.ts";
import { matrix } from "../scratch/matrix.ts";
import { createSeqClassifier, type SeqClassifier, seqClassifierParams } from "./seq_classifier.ts";
import { type CellKind, makeRecurrentLayer, type RecurrentLayer } from "./recurrent_layer.ts";
import type { RecurrentInit } from "./recurrent_init.ts";
import type { FusedOptions } from "../shapes/seq_input.ts";
import { denseCrossEntropy } from "../kernels/dense_cross_entropy.ts";
import type { SequenceClassificationData, SequenceLabellingData } from "../tasks/seq_tasks.ts";

/** Options of {@link TfSeqModel}. */
export interface TfSeqModelOptions {
  /** "rnn" (tanh), "lstm" or "gru" */
  kind: CellKind;
  /** V, the number of token ids (inputs are one-hot, so D = V) */
  vocabSize: number;
  /** H */
  hiddenSize: number;
  /** C, the number of classes or labels */
  numClasses: number;
  /** "last": classify the sequence from h_{T−1}; "every": label every token from h_t */
  output: "last" | "every";
  /** seed of the initial weights (default 42) */
  seed?: number;
  /**
   * "uniform" (default): PyTorch's U(±1/√H) for every weight. "xavier", "orthogonal" or
   * "identity": the scratch classifier's initial weights, the same numbers as
   * `createSeqClassifier({ kind, D: V, H, C, seed, init, scale, forgetBias })`.
   */
  init?: "uniform" | RecurrentInit;
  /** factor on Wh for a scratch-style init, e.g. its spectral radius for "orthogonal" (default 1) */
  scale?: number;
  /** LSTM forget-gate bias for a scratch-style init (default 1) */
  forgetBias?: number;
}

/** What a loss call passes on to the fused op: truncated BPTT and the per-step gradient hook. */
export type TfSeqLossOptions = Pick<FusedOptions, "truncate" | "onBackwardStep">;

type SeqData = SequenceClassificationData | SequenceLabellingData;

/** A recurrent layer plus a readout; `dispose()` it when done. */
export class TfSeqModel {
  /** the recurrent layer */
  readonly layer: RecurrentLayer;
  /** readout weights [H, C] and bias [C] */
  readonly Wy: tf.Variable;
  readonly by: tf.Variable;
  readonly output: "last" | "every";
  /** the one-hot table [V, V] (a constant) */
  readonly #table: tf.Tensor;

  /**
   * @param opts kind, sizes, output mode and seed
   * @example
   * ```ts
   * import { TfSeqModel } from "./tf_seq_model.ts";
   * const m = new TfSeqModel({ kind: "gru", vocabSize: 6, hiddenSize: 8, numClasses: 2, output: "last" });
   * console.log(m.paramCount()); // 3·8·(6 + 8) + 2·3·8 + 8·2 + 2 = 402
   * m.dispose();
   * ```
   */
  constructor(opts: TfSeqModelOptions) {
    const { kind, vocabSize: V, hiddenSize: H, numClasses: C, seed = 42, init = "uniform" } = opts;
    this.layer = makeRecurrentLayer(kind, { inputSize: V, hiddenSize: H, seed });
    this.output = opts.output;
    const k = 1 / Math.sqrt(H);
    [this.Wy, this.by, this.#table] = tf.tidy(() => [
      tf.variable(tf.randomUniform([H, C], -k, k, "float32", seed + 1)), // [H, C]
      tf.variable(tf.zeros([C])),
      tf.eye(V), // [V, V]
    ]);
    if (init !== "uniform") {
      const { scale, forgetBias } = opts;
      this.loadScratch(createSeqClassifier({ kind, D: V, H, C, seed, init, scale, forgetBias }));
    }
  }

  /**
   * A "last"-output model with a scratch classifier's kind, sizes and weights (in float32), e.g. to
   * check that the fused ops compute what the scratch BPTT does, then train it fast.
   *
   * @param m the scratch classifier (not changed)
   * @returns a new model; `dispose()` it when done
   * @throws {RangeError} for a GRU of the reset-before variant, which the fused GRU does not compute
   * @example
   * ```ts
   * import { createSeqClassifier } from "./seq_classifier.ts";
   * import { TfSeqModel } from "./tf_seq_model.ts";
   * const m = TfSeqModel.fromScratch(createSeqClassifier({ D: 6, H: 8, C: 2 }));
   * console.log(m.layer.kind, m.paramCount()); // rnn 146
   * m.dispose();
   * ```
   */
  static fromScratch(m: SeqClassifier): TfSeqModel {
    const [D, H] = [m.cell.Wx.shape[0], m.cell.Wh.shape[0]], C = m.Wy.shape[1];
    const opts = { kind: m.cell.kind, vocabSize: D, hiddenSize: H, numClasses: C };
    const model = new TfSeqModel({ ...opts, output: "last" });
    model.loadScratch(m);
    return model;
  }

  /**
   * Overwrite the weights with a scratch classifier's (same kind and sizes).
   *
   * @param m the scratch classifier
   * @throws {RangeError} if the kinds or sizes differ, or for a reset-before GRU
   * @example The scratch and the tfjs model then predict alike
   * ```ts
   * import { createSeqClassifier } from "./seq_classifier.ts";
   * import { TfSeqModel } from "./tf_seq_model.ts";
   * const m = new TfSeqModel({ kind: "gru", vocabSize: 6, hiddenSize: 4, numClasses: 2, output: "last" });
   * m.loadScratch(createSeqClassifier({ kind: "gru", D: 6, H: 4, C: 2, seed: 1 }));
   * console.log(m.Wy.shape); // [4, 2]
   * m.dispose();
   * ```
   */
  loadScratch(m: SeqClassifier): void {
    if (m.cell.kind !== this.layer.kind || (m.cell.kind === "gru" && m.cell.resetAfter === false)) {
      throw new RangeError(
        `TfSeqModel.loadScratch: a ${this.layer.kind} model cannot take a ${m.cell.kind} cell` +
          (m.cell.kind === "gru" ? " (or a reset-before GRU)" : ""),
      );
    }
    const { Wy, by, ...cell } = seqClassifierParams(m);
    this.layer.setWeights(cell); // throws a RangeError naming a parameter of the wrong size
    const C = this.Wy.shape[1] as number;
    if (Wy.length !== this.Wy.size || by.length !== C) {
      throw new RangeError(
        `TfSeqModel.loadScratch: readout [${m.Wy.shape}] does not fit Wy [${this.Wy.shape}]`,
      );
    }
    tf.tidy(() => {
      this.Wy.assign(tf.tensor2d(Float32Array.from(Wy), this.Wy.shape as [number, number]));
      this.by.assign(tf.tensor1d(Float32Array.from(by)));
    });
  }

  /** Every trainable variable by name: the layer's (Wx, Wh, b or bx, bh) and Wy, by. */
  get params(): Record<string, tf.Variable> {
    return { ...this.layer.params, Wy: this.Wy, by: this.by };
  }

  /** Number of trainable scalars. */
  paramCount(): number {
    return Object.values(this.params).reduce((n, v) => n + v.size, 0);
  }

  /** The features the readout sees: h_{T−1} [N, H] ("last") or every h_t [N·T, H] ("every"). */
  #features(ids: Int32Array, shape: [number, number], opts: TfSeqLossOptions = {}): tf.Tensor2D {
    const [N, T] = shape, H = this.layer.hiddenSize;
    const x = { ids: tf.tensor2d(ids, shape, "int32"), table: this.#table };
    const hs = this.layer.forward(x, {
      truncate: opts.truncate,
      onBackwardStep: opts.onBackwardStep,
    }); // [N, T, H]
    return this.output === "last"
      ? tf.reshape(tf.slice(hs, [0, T - 1, 0], [N, 1, H]), [N, H])
      : tf.reshape(hs, [N * T, H]);
  }

  /**
   * Mean cross-entropy of a batch. Call inside a gradient function or tf.tidy.
   *
   * @param ids token ids // [N, T]
   * @param shape [N, T]
   * @param targets classes // [N] ("last") or labels // [N·T] ("every")
   * @param opts truncated BPTT and the ∂L/∂h_t hook, applied when the gradient is taken
   * @returns a scalar
   */
  loss(
    ids: Int32Array,
    shape: [number, number],
    targets: ArrayLike<number>,
    opts: TfSeqLossOptions = {},
  ): tf.Scalar {
    return denseCrossEntropy(this.#features(ids, shape, opts), this.Wy, this.by, targets);
  }

  /**
   * The loss of a batch and every parameter's gradient, as numbers keyed like the scratch
   * classifier's (`dWx`, `dWh`, `db` or `dbx`, `dbh`, `dWy`, `dby`), to compare the two.
   *
   * @param ids token ids // [N, T]
   * @param shape [N, T]
   * @param targets classes // [N] ("last") or labels // [N·T] ("every")
   * @param opts truncated BPTT and the ∂L/∂h_t hook
   * @returns `{ loss, grads }`
   * @example
   * ```ts
   * import { TfSeqModel } from "./tf_seq_model.ts";
   * const m = new TfSeqModel({ kind: "rnn", vocabSize: 3, hiddenSize: 4, numClasses: 2, output: "last" });
   * const { grads } = m.lossAndGrads(Int32Array.of(0, 1, 2, 2, 1, 0), [2, 3], [0, 1]);
   * console.log(Object.keys(grads)); // ["dWx", "dWh", "db", "dWy", "dby"]
   * m.dispose();
   * ```
   */
  lossAndGrads(
    ids: Int32Array,
    shape: [number, number],
    targets: ArrayLike<number>,
    opts: TfSeqLossOptions = {},
  ): { loss: number; grads: Record<string, Float32Array> } {
    const names = Object.keys(this.params), vars = Object.values(this.params);
    const { value, grads } = tf.variableGrads(() => this.loss(ids, shape, targets, opts), vars);
    const out: Record<string, Float32Array> = {};
    names.forEach((name, i) => (out[`d${name}`] = grads[vars[i].name].dataSync() as Float32Array));
    const loss = value.dataSync()[0];
    tf.dispose([value, ...Object.values(grads)]);
    return { loss, grads: out };
  }

  /**
   * The loss of a random batch of B sequences of `data`, drawn with `rng`: what a Trainer's `loss`
   * option calls, `({ rng }) => model.batchLoss(train, rng, 32)`.
   *
   * @param data the training set (its `y` for "last", its `labels` for "every")
   * @param rng the step's generator
   * @param B batch size
   * @param opts truncated BPTT and the ∂L/∂h_t hook
   * @returns a scalar
   */
  batchLoss(data: SeqData, rng: Rng, B: number, opts: TfSeqLossOptions = {}): tf.Scalar {
    const rows = Array.from({ length: B }, () => rng.int(data.shape[0]));
    const { ids, targets } = this.#rows(data, rows);
    return this.loss(ids, [B, data.shape[1]], targets, opts);
  }

  #rows(data: SeqData, rows: number[]): { ids: Int32Array; targets: Int32Array } {
    const T = data.shape[1], ids = new Int32Array(rows.length * T);
    const targets = new Int32Array(this.output === "last" ? rows.length : rows.length * T);
    rows.forEach((r, i) => {
      ids.set(data.ids.subarray(r * T, (r + 1) * T), i * T);
      if (this.output === "every") {
        targets.set((data as SequenceLabellingData).labels.subarray(r * T, (r + 1) * T), i * T);
      } else targets[i] = (data as SequenceClassificationData).y[r];
    });
    return { ids, targets };
  }

  /**
   * The predicted class of every sequence ("last", [N]) or label of every token ("every", [N·T]),
   * in chunks of 500 sequences.
   *
   * @param data the sequences
   * @returns predictions
   */
  predict(data: SeqData): Int32Array {
    const [N, T] = data.shape, per = this.output === "last" ? 1 : T;
    const out = new Int32Array(N * per);
    for (let start = 0; start < N; start += 500) {
      const n = Math.min(500, N - start);
      const ids = data.ids.subarray(start * T, (start + n) * T);
      const pred = tf.tidy(() =>
        tf.argMax(tf.add(tf.matMul(this.#features(ids, [n, T]), this.Wy), this.by), 1)
      );
      out.set(pred.dataSync(), start * per);
      pred.dispose();
    }
    return out;
  }

  /**
   * The weights copied into a float64 scratch classifier (seq_classifier.ts), e.g. to run the
   * scratch cell on one sequence and read its gates (notebook 06). Its `cell` is what the probes
   * of grad_norms.ts and the scratch lstmForward/gruForward take.
   *
   * @returns a new scratch model with the same numbers
   */
  toScratch(): SeqClassifier {
    const p = this.layer.params, H = this.layer.hiddenSize, D = this.layer.inputSize;
    const f64 = (v: tf.Variable) => Float64Array.from(v.dataSync());
    const G = p.Wh.shape[1] as number;
    const Wx = matrix(D, G, f64(p.Wx)), Wh = matrix(H, G, f64(p.Wh)); // [D, G·H], [H, G·H]
    const cell = this.layer.kind === "gru"
      ? { kind: "gru" as const, Wx, Wh, bx: f64(p.bx), bh: f64(p.bh) }
      : { kind: this.layer.kind, Wx, Wh, b: f64(p.b) };
    const C = this.Wy.shape[1] as number;
    return { cell, Wy: matrix(H, C, f64(this.Wy)), by: f64(this.by) };
  }

  /** Free every tensor the model owns. */
  dispose(): void {
    this.layer.dispose();
    tf.dispose([this.Wy, this.by, this.#table]);
  }
}
