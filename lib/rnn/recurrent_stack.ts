/**
 * A stack of L recurrent layers (recurrent_layer.ts) with a linear readout, plain or with residual
 * connections between the layers, for notebook 08's degradation experiment on sequences: layer 1
 * maps one-hot tokens [N, T, V] to [N, T, H], and each layer l ≥ 2 maps h^{l−1} to
 * h^l = h^{l−1} + RNN_l(h^{l−1}) (residual) or h^l = RNN_l(h^{l−1}) (plain), the residual stacks of
 * Wu et al. (2016), Google's NMT system, following He et al. (2015). The readout classifies the
 * last step or labels every step, as TfSeqModel does for one layer; `gradNormsPerLayer` probes
 * ‖∂L/∂h^l‖ and ‖∂L/∂Wx_l‖ for every layer l at the current weights.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { Rng } from "../util/rng.ts";
import { type CellKind, makeRecurrentLayer, type RecurrentLayer } from "./recurrent_layer.ts";
import { denseCrossEntropy } from "../kernels/dense_cross_entropy.ts";
import type { SequenceClassificationData, SequenceLabellingData } from "../tasks/seq_tasks.ts";

/** Options of {@link RecurrentStack}. */
export interface RecurrentStackOptions {
  /** "rnn" (tanh), "lstm" or "gru" */
  kind: CellKind;
  /** V: token ids are one-hot, so layer 1 has D = V */
  vocabSize: number;
  /** H of every layer */
  hiddenSize: number;
  /** L ≥ 1 layers */
  numLayers: number;
  /** C classes or labels */
  numClasses: number;
  /** "last": one class per sequence from h^L_{T−1}; "every": one label per step */
  output: "last" | "every";
  /** add h^{l−1} to layer l's output for l ≥ 2 (default true) */
  shortcut?: boolean;
  /** seed of the weights (default 42; layer l uses seed + l) */
  seed?: number;
}

type SeqData = SequenceClassificationData | SequenceLabellingData;

/** L recurrent layers and a readout; `dispose()` it when done. */
export class RecurrentStack {
  /** the layers, input side first */
  readonly layers: RecurrentLayer[];
  /** readout [H, C] and bias [C] */
  readonly Wy: tf.Variable;
  readonly by: tf.Variable;
  readonly output: "last" | "every";
  readonly shortcut: boolean;
  readonly #table: tf.Tensor;

  /**
   * @param opts kind, sizes, depth, output mode, shortcut, seed
   * @throws {RangeError} if numLayers is not a positive integer
   * @example Four residual GRU layers
   * ```ts
   * import { RecurrentStack } from "./recurrent_stack.ts";
   * const s = new RecurrentStack({ kind: "gru", vocabSize: 6, hiddenSize: 8, numLayers: 4, numClasses: 2, output: "every" });
   * console.log(s.layers.length, s.layers[1].inputSize); // 4 8
   * s.dispose();
   * ```
   */
  constructor(opts: RecurrentStackOptions) {
    const { kind, vocabSize: V, hiddenSize: H, numLayers: L, numClasses: C, seed = 42 } = opts;
    if (!Number.isInteger(L) || L < 1) {
      throw new RangeError(`RecurrentStack: numLayers must be a positive integer, got ${L}`);
    }
    // inside tidy: the layer constructor's initial-value tensors are freed (its variables are kept)
    const layers: RecurrentLayer[] = [];
    tf.tidy(() => {
      for (let l = 0; l < L; l++) {
        layers.push(
          makeRecurrentLayer(kind, { inputSize: l ? H : V, hiddenSize: H, seed: seed + l }),
        );
      }
    });
    this.layers = layers;
    this.output = opts.output;
    this.shortcut = opts.shortcut ?? true;
    const k = 1 / Math.sqrt(H);
    [this.Wy, this.by, this.#table] = tf.tidy(() => [
      tf.variable(tf.randomUniform([H, C], -k, k, "float32", seed + 100)), // [H, C]
      tf.variable(tf.zeros([C])),
      tf.eye(V), // [V, V]
    ]);
  }

  /** Every trainable variable by name: layer l's as "Wx_l", "Wh_l", …, then Wy, by. */
  get params(): Record<string, tf.Variable> {
    const out: Record<string, tf.Variable> = {};
    this.layers.forEach((layer, l) => {
      for (const [k, v] of Object.entries(layer.params)) out[`${k}_${l + 1}`] = v;
    });
    return { ...out, Wy: this.Wy, by: this.by };
  }

  /**
   * The hidden states of every layer. Call inside tf.tidy or a gradient function.
   *
   * @param ids token ids // [N, T]
   * @param shape [N, T]
   * @param probes optional zero tensors added to each layer's output (for ∂L/∂h^l) // [N, T, H]
   * @returns h^1 … h^L // each [N, T, H]
   */
  hidden(ids: Int32Array, shape: [number, number], probes?: tf.Tensor[]): tf.Tensor[] {
    const hs: tf.Tensor[] = [];
    let h: tf.Tensor = this.layers[0].forward({
      ids: tf.tensor2d(ids, shape, "int32"),
      table: this.#table,
    }); // [N, T, H]
    this.layers.forEach((layer, l) => {
      if (l > 0) {
        const out = layer.forward(h); // [N, T, H]
        h = this.shortcut ? tf.add(h, out) : out;
      }
      if (probes) h = tf.add(h, probes[l]);
      hs.push(h);
    });
    return hs;
  }

  /** The readout's input: h^L_{T−1} [N, H] ("last") or every h^L_t [N·T, H] ("every"). */
  #features(hL: tf.Tensor, [N, T]: [number, number]): tf.Tensor2D {
    const H = hL.shape[2]!;
    return this.output === "last"
      ? tf.reshape(tf.slice(hL, [0, T - 1, 0], [N, 1, H]), [N, H])
      : tf.reshape(hL, [N * T, H]);
  }

  /**
   * Mean cross-entropy of a batch. Call inside a gradient function or tf.tidy.
   *
   * @param ids token ids // [N, T]
   * @param shape [N, T]
   * @param targets classes // [N] ("last") or labels // [N·T] ("every")
   * @param probes as for {@link RecurrentStack.hidden}
   * @returns a scalar
   */
  loss(
    ids: Int32Array,
    shape: [number, number],
    targets: ArrayLike<number>,
    probes?: tf.Tensor[],
  ): tf.Scalar {
    const hs = this.hidden(ids, shape, probes);
    return denseCrossEntropy(this.#features(hs[hs.length - 1], shape), this.Wy, this.by, targets);
  }

  /**
   * The loss of B random sequences of `data` drawn with `rng`, for a Trainer's `loss` option.
   *
   * @param data the training set
   * @param rng the step's generator
   * @param B batch size
   * @returns a scalar
   */
  batchLoss(data: SeqData, rng: Rng, B: number): tf.Scalar {
    const rows = Array.from({ length: B }, () => rng.int(data.shape[0]));
    return this.rowsLoss(data, rows);
  }

  /**
   * The loss on chosen sequences of `data` (e.g. the first 500, for a training-loss estimate).
   *
   * @param data the sequences
   * @param rows which sequences
   * @param probes as for {@link RecurrentStack.hidden}
   * @returns a scalar
   */
  rowsLoss(data: SeqData, rows: ArrayLike<number>, probes?: tf.Tensor[]): tf.Scalar {
    const T = data.shape[1], n = rows.length, ids = new Int32Array(n * T);
    const targets = new Int32Array(this.output === "last" ? n : n * T);
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      ids.set(data.ids.subarray(r * T, (r + 1) * T), i * T);
      if (this.output === "every") {
        targets.set((data as SequenceLabellingData).labels.subarray(r * T, (r + 1) * T), i * T);
      } else targets[i] = (data as SequenceClassificationData).y[r];
    }
    return this.loss(ids, [n, T], targets, probes);
  }

  /**
   * ‖∂L/∂h^l‖ (over the whole batch and sequence) and ‖∂L/∂Wx_l‖ for every layer, for the loss on
   * the chosen sequences at the current weights.
   *
   * @param data the sequences
   * @param rows which sequences
   * @returns `{ loss, dh, dWx }`, each array indexed by layer (0 = input side)
   */
  gradNormsPerLayer(
    data: SeqData,
    rows: ArrayLike<number>,
  ): { loss: number; dh: number[]; dWx: number[] } {
    return tf.tidy(() => {
      const [N, T, H] = [rows.length, data.shape[1], this.layers[0].hiddenSize];
      const probes = this.layers.map(() => tf.zeros([N, T, H]));
      const Wxs = this.layers.map((layer) => layer.params.Wx);
      const f = (...args: tf.Tensor[]) => this.rowsLoss(data, rows, args.slice(0, probes.length));
      const { value, grads } = tf.valueAndGrads(f)([...probes, ...Wxs]);
      const norms = grads.map((g) => tf.norm(g).dataSync()[0]);
      return {
        loss: value.dataSync()[0],
        dh: norms.slice(0, probes.length),
        dWx: norms.slice(probes.length),
      };
    });
  }

  /** Free every tensor the stack owns. */
  dispose(): void {
    for (const layer of this.layers) layer.dispose();
    tf.dispose([this.Wy, this.by, this.#table]);
  }
}
