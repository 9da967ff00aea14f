/**
 * The scratch MLP (lib/scratch/mlp.ts) in tfjs: the same layers, activations and losses, with the
 * weights held in `tf.Variable`s and the gradients from autograd instead of a hand-written
 * backward. Built from a scratch model's weights, so notebooks can show that both give the same
 * loss and gradients (up to float32 rounding). Used by notebooks 01–03.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { type Activation, LEAKY_SLOPE } from "../scratch/activations.ts";
import { matrix } from "../scratch/matrix.ts";
import { createMlp, type Mlp, type MlpGrads, type MlpOptions } from "../scratch/mlp.ts";
import { matrixToTensor } from "./to_tensors.ts";
import { tfMse, tfSoftmaxCrossEntropy } from "./tf_losses.ts";

/** Which loss `TfMlp.loss` computes. */
export type LossKind = "softmaxCrossEntropy" | "mse";

/**
 * An activation function applied with tfjs.
 *
 * @param kind which activation
 * @param x any shape
 * @param alpha leaky ReLU's negative slope
 * @returns f(x), same shape
 * @throws {TypeError} for an unknown name
 */
export function tfActivation(kind: Activation, x: tf.Tensor, alpha = LEAKY_SLOPE): tf.Tensor {
  switch (kind) {
    case "sigmoid":
      return tf.sigmoid(x);
    case "tanh":
      return tf.tanh(x);
    case "relu":
      return tf.relu(x);
    case "leakyRelu":
      return tf.leakyRelu(x, alpha);
    default:
      throw new TypeError(`tfActivation: unknown activation "${kind}"`);
  }
}

/** An MLP whose weights are tfjs variables; call `dispose()` when done with it. */
export class TfMlp {
  /** layer widths [D, H1, …, C] */
  readonly sizes: number[];
  /** the hidden layers' activation */
  readonly activation: Activation;
  /** leaky ReLU's negative slope */
  readonly alpha: number;
  /** the loss `loss()` computes */
  readonly lossKind: LossKind;
  /** W [D, H] and b [H] per layer */
  readonly layers: { W: tf.Variable; b: tf.Variable }[];

  /**
   * Copy a scratch model's weights into tfjs variables (float64 → float32).
   *
   * @param model the scratch MLP
   * @param lossKind "softmaxCrossEntropy" (default, integer labels) or "mse"
   * @example Compare the two implementations on the same weights
   * ```ts
   * import { createMlp } from "../scratch/mlp.ts";
   * import { TfMlp } from "./tf_mlp.ts";
   * const net = new TfMlp(createMlp({ sizes: [2, 8, 3], seed: 0 }));
   * console.log(net.layers[0].W.shape); // [2, 8]
   * net.dispose();
   * ```
   */
  constructor(model: Mlp, lossKind: LossKind = "softmaxCrossEntropy") {
    this.sizes = [...model.sizes];
    this.activation = model.activation;
    this.alpha = model.alpha;
    this.lossKind = lossKind;
    // tidy frees the temporary tensors; variables survive it
    this.layers = tf.tidy(() =>
      model.layers.map(({ W, b }) => ({
        W: tf.variable(matrixToTensor(W)), // [D, H]
        b: tf.variable(tf.tensor1d(Float32Array.from(b))), // [H]
      }))
    );
  }

  /**
   * A fresh model with seeded weights (the scratch initialisers, so both start identical).
   *
   * @param opts as createMlp, plus the loss
   * @returns the model
   */
  static create(opts: MlpOptions & { loss?: LossKind }): TfMlp {
    return new TfMlp(createMlp(opts), opts.loss);
  }

  /** Every variable, in the order W1, b1, W2, b2, … */
  get variables(): tf.Variable[] {
    return this.layers.flatMap(({ W, b }) => [W, b]);
  }

  /**
   * Forward pass: logits (or regression outputs). Call inside tf.tidy.
   *
   * @param x [N, D]
   * @param onHidden optional hook, given each hidden layer's activations (1-based index, [N, H])
   * @returns [N, C]
   * @throws {RangeError} if x's width is not D
   */
  forward(x: tf.Tensor2D, onHidden?: (layer: number, h: tf.Tensor2D) => void): tf.Tensor2D {
    if (x.rank !== 2 || x.shape[1] !== this.sizes[0]) {
      throw new RangeError(
        `TfMlp.forward: x is [${x.shape}] but the model expects [N, ${this.sizes[0]}]`,
      );
    }
    let h: tf.Tensor2D = x; // [N, D]
    this.layers.forEach(({ W, b }, i) => {
      h = tf.add(tf.matMul(h, W), b); // [N, H_i]
      if (i < this.layers.length - 1) {
        h = tfActivation(this.activation, h, this.alpha) as tf.Tensor2D;
        onHidden?.(i + 1, h);
      }
    });
    return h; // [N, C]
  }

  /**
   * The mean loss on a batch. Call inside tf.tidy or a gradient function.
   *
   * @param x [N, D]
   * @param y int32 labels [N] (softmaxCrossEntropy) or targets [N, C] (mse)
   * @returns a scalar
   */
  loss(x: tf.Tensor2D, y: tf.Tensor): tf.Scalar {
    const out = this.forward(x);
    return this.lossKind === "mse" ? tfMse(out, y) : tfSoftmaxCrossEntropy(out, y);
  }

  /**
   * The loss and every gradient by autograd, read back as float64 in the scratch layout.
   *
   * @param x [N, D]
   * @param y labels [N] or targets [N, C]
   * @returns `{ loss, grads }`, grads[i] = { dW [D_i, H_i], db [H_i] }; no tensors are left behind
   */
  lossAndGrads(x: tf.Tensor2D, y: tf.Tensor): { loss: number; grads: MlpGrads } {
    const vars = this.variables;
    let loss = NaN;
    const flat: Float64Array[] = [];
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => this.loss(x, y), vars);
      loss = value.dataSync()[0];
      for (const v of vars) flat.push(Float64Array.from(grads[v.name].dataSync()));
    });
    const grads = this.layers.map((_, i) => ({
      dW: matrix(this.sizes[i], this.sizes[i + 1], flat[2 * i]), // [D_i, H_i]
      db: flat[2 * i + 1],
    }));
    return { loss, grads };
  }

  /**
   * The current weights as a scratch model (float32 → float64).
   *
   * @returns a new scratch Mlp
   */
  toScratch(): Mlp {
    return {
      sizes: [...this.sizes],
      activation: this.activation,
      alpha: this.alpha,
      layers: this.layers.map(({ W, b }, i) => ({
        W: matrix(this.sizes[i], this.sizes[i + 1], Float64Array.from(W.dataSync())),
        b: Float64Array.from(b.dataSync()),
      })),
    };
  }

  /** Free every variable. The model cannot be used afterwards. */
  dispose(): void {
    for (const v of this.variables) v.dispose();
  }
}
