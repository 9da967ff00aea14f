/**
 * Character taggers for notebook 06's sequence labelling (lib/tasks/char_tagging.ts): one label
 * per input character. Three kinds, with the same surface (`params`, `batchLoss`, `predict`,
 * `paramCount`, `dispose`) so one training function serves them all:
 * - {@link RecurrentTagger}: a fused RNN/LSTM/GRU layer over one-hot characters and a linear readout
 *   of every hidden state; one-directional (h_t has read x_0..x_t) or bidirectional
 *   ({@link BidirectionalLayer}: [h→_t ; h←_t] has read the whole window);
 * - {@link WindowTagger}: an MLP on the one-hot codes of the 2k + 1 characters centred on t, a
 *   feedforward baseline that sees both sides, but only k characters each way.
 * The loss is the mean cross-entropy over every character (lib/kernels' fused denseCrossEntropy).
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { Rng } from "../util/rng.ts";
import { denseCrossEntropy } from "../kernels/dense_cross_entropy.ts";
import type { TaggingData } from "../tasks/char_tagging.ts";
import { type CellKind, makeRecurrentLayer, type RecurrentLayer } from "./recurrent_layer.ts";
import { BidirectionalLayer } from "./bidirectional.ts";

/** What the training helpers need of a tagger (or of any model trained on random batches). */
export interface BatchModel<D> {
  /** the trainable variables by name */
  readonly params: Record<string, tf.Variable>;
  /** mean loss of B random rows of `data` drawn with `rng` (call inside a gradient function) */
  batchLoss(data: D, rng: Rng, B: number): tf.Scalar;
}

/** A trained or trainable tagger. */
export interface Tagger extends BatchModel<TaggingData> {
  /** the predicted label of every character // [N·T] */
  predict(data: TaggingData): Int32Array;
  /** number of trainable scalars */
  paramCount(): number;
  /** free the variables */
  dispose(): void;
}

/** Random rows of a tagging set: ids [B, T] and labels [B·T]. */
function drawRows(data: TaggingData, rng: Rng, B: number): { ids: Int32Array; labels: Int32Array } {
  const T = data.shape[1], ids = new Int32Array(B * T), labels = new Int32Array(B * T);
  for (let i = 0; i < B; i++) {
    const r = rng.int(data.shape[0]);
    ids.set(data.ids.subarray(r * T, (r + 1) * T), i * T);
    labels.set(data.labels.subarray(r * T, (r + 1) * T), i * T);
  }
  return { ids, labels };
}

/** argmax of `logits(ids)` for every character, 500 rows at a time. */
function predictRows(
  data: TaggingData,
  logits: (ids: Int32Array, n: number) => tf.Tensor2D,
): Int32Array {
  const [N, T] = data.shape, out = new Int32Array(N * T);
  for (let start = 0; start < N; start += 500) {
    const n = Math.min(500, N - start);
    const pred = tf.tidy(() =>
      tf.argMax(logits(data.ids.subarray(start * T, (start + n) * T), n), 1)
    );
    out.set(pred.dataSync(), start * T);
    pred.dispose();
  }
  return out;
}

/** Options of {@link RecurrentTagger}. */
export interface RecurrentTaggerOptions {
  /** "rnn", "lstm" or "gru" */
  kind: CellKind;
  /** V, the number of characters (inputs are one-hot) */
  vocabSize: number;
  /** H of each direction */
  hiddenSize: number;
  /** number of labels C (default 2) */
  numClasses?: number;
  /** read the window both ways (default false) */
  bidirectional?: boolean;
  /** seed of the initial weights (default 1) */
  seed?: number;
}

/** A recurrent tagger (see the module comment); `dispose()` it when done. */
export class RecurrentTagger implements Tagger {
  /** the recurrent layer (one direction or both) */
  readonly layer: RecurrentLayer | BidirectionalLayer;
  /** readout weights [H or 2H, C] and bias [C] */
  readonly Wy: tf.Variable;
  readonly by: tf.Variable;
  readonly #table: tf.Tensor;

  /**
   * @param opts kind, sizes, direction and seed
   * @throws {RangeError} for bad sizes
   * @example A bidirectional LSTM has twice the recurrent weights of a one-directional one
   * ```ts
   * import { RecurrentTagger } from "./tagger.ts";
   * const uni = new RecurrentTagger({ kind: "lstm", vocabSize: 5, hiddenSize: 4 });
   * const bi = new RecurrentTagger({ kind: "lstm", vocabSize: 5, hiddenSize: 4, bidirectional: true });
   * console.log(uni.paramCount(), bi.paramCount()); // 154 306
   * uni.dispose();
   * bi.dispose();
   * ```
   */
  constructor(readonly opts: RecurrentTaggerOptions) {
    const { kind, vocabSize: V, hiddenSize: H, numClasses: C = 2, seed = 1 } = opts;
    const layerOpts = { inputSize: V, hiddenSize: H, seed };
    this.layer = opts.bidirectional
      ? new BidirectionalLayer(kind, layerOpts)
      : makeRecurrentLayer(kind, layerOpts);
    const F = opts.bidirectional ? 2 * H : H, k = 1 / Math.sqrt(F);
    [this.Wy, this.by, this.#table] = tf.tidy(() => [
      tf.variable(tf.randomUniform([F, C], -k, k, "float32", seed + 7)), // [F, C]
      tf.variable(tf.zeros([C])),
      tf.eye(V), // one-hot table [V, V]
    ]);
  }

  /** Every trainable variable by name. */
  get params(): Record<string, tf.Variable> {
    return { ...this.layer.params, Wy: this.Wy, by: this.by };
  }

  /** Number of trainable scalars. */
  paramCount(): number {
    return Object.values(this.params).reduce((n, v) => n + v.size, 0);
  }

  /** Features of every character // [n·T, F]. */
  #features(ids: Int32Array, n: number, T: number): tf.Tensor2D {
    const hs = this.layer.forward({ ids: tf.tensor2d(ids, [n, T], "int32"), table: this.#table });
    return tf.reshape(hs, [n * T, hs.shape[2] as number]);
  }

  /**
   * Mean cross-entropy over every character of B random windows.
   *
   * @param data the training windows
   * @param rng the step's generator
   * @param B batch size
   * @returns a scalar
   */
  batchLoss(data: TaggingData, rng: Rng, B: number): tf.Scalar {
    const { ids, labels } = drawRows(data, rng, B);
    return denseCrossEntropy(this.#features(ids, B, data.shape[1]), this.Wy, this.by, labels);
  }

  /**
   * The predicted label of every character.
   *
   * @param data the windows
   * @returns labels // [N·T]
   */
  predict(data: TaggingData): Int32Array {
    const T = data.shape[1];
    return predictRows(
      data,
      (ids, n) => tf.add(tf.matMul(this.#features(ids, n, T), this.Wy), this.by),
    );
  }

  /** Free every tensor the tagger owns. */
  dispose(): void {
    this.layer.dispose();
    tf.dispose([this.Wy, this.by, this.#table]);
  }
}

/** Options of {@link WindowTagger}. */
export interface WindowTaggerOptions {
  /** V, the number of characters */
  vocabSize: number;
  /** k: the MLP sees characters t − k .. t + k (default 3) */
  halfWidth?: number;
  /** hidden width (default 64) */
  hidden?: number;
  /** number of labels C (default 2) */
  numClasses?: number;
  /** seed of the initial weights (default 1) */
  seed?: number;
}

/** A feedforward tagger on a centred window (see the module comment); `dispose()` it when done. */
export class WindowTagger implements Tagger {
  readonly halfWidth: number;
  readonly W1: tf.Variable;
  readonly b1: tf.Variable;
  readonly W2: tf.Variable;
  readonly b2: tf.Variable;
  readonly #V: number;

  /**
   * @param opts sizes and seed
   * @throws {RangeError} for a negative or fractional half-width
   * @example
   * ```ts
   * import { WindowTagger } from "./tagger.ts";
   * const w = new WindowTagger({ vocabSize: 5, halfWidth: 1, hidden: 8 });
   * console.log(w.paramCount()); // 3·6·8 + 8 + 8·2 + 2 = 170
   * w.dispose();
   * ```
   */
  constructor(opts: WindowTaggerOptions) {
    const { vocabSize: V, halfWidth = 3, hidden = 64, numClasses: C = 2, seed = 1 } = opts;
    if (!Number.isInteger(halfWidth) || halfWidth < 0 || !Number.isInteger(V) || V < 1) {
      throw new RangeError(
        `WindowTagger: need vocabSize ≥ 1 and an integer halfWidth ≥ 0, got ${V} and ${halfWidth}`,
      );
    }
    this.halfWidth = halfWidth;
    this.#V = V;
    const F = (2 * halfWidth + 1) * (V + 1); // one-hot per slot, id V = "outside the window"
    [this.W1, this.b1, this.W2, this.b2] = tf.tidy(() => [
      tf.variable(
        tf.randomNormal([F, hidden], 0, Math.sqrt(2 / (2 * halfWidth + 1)), "float32", seed),
      ),
      tf.variable(tf.zeros([hidden])),
      tf.variable(
        tf.randomUniform(
          [hidden, C],
          -1 / Math.sqrt(hidden),
          1 / Math.sqrt(hidden),
          "float32",
          seed + 1,
        ),
      ),
      tf.variable(tf.zeros([C])),
    ]);
  }

  /** Every trainable variable by name. */
  get params(): Record<string, tf.Variable> {
    return { W1: this.W1, b1: this.b1, W2: this.W2, b2: this.b2 };
  }

  /** Number of trainable scalars. */
  paramCount(): number {
    return Object.values(this.params).reduce((n, v) => n + v.size, 0);
  }

  /** The hidden layer of every character // [n·T, hidden]. */
  #hidden(ids: Int32Array, n: number, T: number): tf.Tensor2D {
    const k = this.halfWidth, S = 2 * k + 1, V = this.#V;
    const slots = new Int32Array(n * T * S); // [n·T, S]: the ids at t − k .. t + k
    for (let r = 0; r < n; r++) {
      for (let t = 0; t < T; t++) {
        for (let s = 0; s < S; s++) {
          const u = t + s - k;
          slots[(r * T + t) * S + s] = u >= 0 && u < T ? ids[r * T + u] : V;
        }
      }
    }
    const x = tf.reshape(tf.oneHot(tf.tensor1d(slots, "int32"), V + 1), [n * T, S * (V + 1)]);
    return tf.relu(tf.add(tf.matMul(x.toFloat(), this.W1), this.b1));
  }

  /**
   * Mean cross-entropy over every character of B random windows.
   *
   * @param data the training windows
   * @param rng the step's generator
   * @param B batch size
   * @returns a scalar
   */
  batchLoss(data: TaggingData, rng: Rng, B: number): tf.Scalar {
    const { ids, labels } = drawRows(data, rng, B);
    return denseCrossEntropy(this.#hidden(ids, B, data.shape[1]), this.W2, this.b2, labels);
  }

  /**
   * The predicted label of every character.
   *
   * @param data the windows
   * @returns labels // [N·T]
   */
  predict(data: TaggingData): Int32Array {
    const T = data.shape[1];
    return predictRows(
      data,
      (ids, n) => tf.add(tf.matMul(this.#hidden(ids, n, T), this.W2), this.b2),
    );
  }

  /** Free the variables. */
  dispose(): void {
    tf.dispose(Object.values(this.params));
  }
}
