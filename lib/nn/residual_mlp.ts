/**
 * The plain/residual MLP of lib/scratch/residual_mlp.ts in tfjs, for training in notebook 08: the
 * same stem, blocks out = act(h + F(h)) (or act(F(h)) when plain) and head, with the weights copied
 * from a scratch model into `tf.Variable`s and the gradients from autograd. It satisfies
 * trainDescent's `DescentModel` and lib/train's Trainer (`params`, a loss on a batch), and equals
 * the scratch net on the same weights up to float32 rounding (tested). He et al. (2015).
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { Activation } from "../scratch/activations.ts";
import { type Matrix, matrix } from "../scratch/matrix.ts";
import {
  createResidualMlp,
  type ResidualMlp,
  type ResidualMlpOptions,
  residualMlpParams,
} from "../scratch/residual_mlp.ts";
import { tfActivation } from "./tf_mlp.ts";
import { tfSoftmaxCrossEntropy } from "./tf_losses.ts";

/** A plain or residual MLP on tfjs variables; call `dispose()` when done with it. */
export class TfResidualMlp {
  /** identity shortcuts on or off */
  readonly shortcut: boolean;
  /** hidden nonlinearity */
  readonly activation: Activation;
  /** number of blocks B (2B hidden layers) */
  readonly numBlocks: number;
  /** every variable under residualMlpParams's names (Ws, bs, W1_1, …, Wo, bo) */
  readonly params: Record<string, tf.Variable>;
  readonly #shapes: Record<string, [number, number] | [number]>;

  /**
   * Copy a scratch model's weights (float64 → float32).
   *
   * @param model the scratch net
   * @example
   * ```ts
   * import { createResidualMlp } from "../scratch/residual_mlp.ts";
   * import { TfResidualMlp } from "./residual_mlp.ts";
   * const net = new TfResidualMlp(createResidualMlp({ inputDim: 2, width: 8, depth: 4, classes: 3 }));
   * console.log(Object.keys(net.params).length); // 2 + 4·2 + 2 = 12
   * net.dispose();
   * ```
   */
  constructor(model: ResidualMlp) {
    this.shortcut = model.shortcut;
    this.activation = model.activation;
    this.numBlocks = model.blocks.length;
    const mats: Record<string, Matrix> = { Ws: model.stem.W, Wo: model.head.W };
    model.blocks.forEach((p, i) =>
      Object.assign(mats, { [`W1_${i + 1}`]: p.W1, [`W2_${i + 1}`]: p.W2 })
    );
    const flat = residualMlpParams(model);
    this.#shapes = Object.fromEntries(
      Object.keys(flat).map((k) => [k, mats[k] ? mats[k].shape : [flat[k].length]]),
    );
    this.params = tf.tidy(() =>
      Object.fromEntries(
        Object.entries(flat).map(([k, v]) => [
          k,
          tf.variable(tf.tensor(Float32Array.from(v), this.#shapes[k])),
        ]),
      )
    );
  }

  /**
   * A fresh net with seeded weights (the scratch initialiser, so both start identical).
   *
   * @param opts as createResidualMlp
   * @returns the model
   */
  static create(opts: ResidualMlpOptions): TfResidualMlp {
    return new TfResidualMlp(createResidualMlp(opts));
  }

  /** Every variable, in the order of `params`. */
  get variables(): tf.Variable[] {
    return Object.values(this.params);
  }

  /**
   * Logits. Call inside tf.tidy or a gradient function.
   *
   * @param x inputs [N, D]
   * @returns [N, C]
   * @throws {RangeError} if x's width is not D
   */
  forward(x: tf.Tensor2D): tf.Tensor2D {
    const p = this.params;
    if (x.rank !== 2 || x.shape[1] !== p.Ws.shape[0]) {
      throw new RangeError(
        `TfResidualMlp.forward: x is [${x.shape}] but the model expects [N, ${p.Ws.shape[0]}]`,
      );
    }
    const act = (z: tf.Tensor) => tfActivation(this.activation, z);
    let h: tf.Tensor = tf.add(tf.matMul(x, p.Ws), p.bs); // h₀  [N, H]
    for (let b = 1; b <= this.numBlocks; b++) {
      const a1 = act(tf.add(tf.matMul(h, p[`W1_${b}`]), p[`b1_${b}`])); // [N, K]
      const F = tf.add(tf.matMul(a1, p[`W2_${b}`]), p[`b2_${b}`]); // [N, H]
      h = act(this.shortcut ? tf.add(h, F) : F); // [N, H]
    }
    return tf.add(tf.matMul(h, p.Wo), p.bo) as tf.Tensor2D; // [N, C]
  }

  /**
   * Mean softmax cross-entropy. Call inside tf.tidy or a gradient function.
   *
   * @param x inputs [N, D]
   * @param y int32 labels [N]
   * @returns a scalar
   */
  loss(x: tf.Tensor2D, y: tf.Tensor): tf.Scalar {
    return tfSoftmaxCrossEntropy(this.forward(x), y);
  }

  /**
   * The loss and every gradient by autograd, as float64 under the scratch names ("dWs", …).
   *
   * @param x inputs [N, D]
   * @param y int32 labels [N]
   * @returns `{ loss, grads }`; no tensors are left behind
   */
  lossAndGrads(
    x: tf.Tensor2D,
    y: tf.Tensor,
  ): { loss: number; grads: Record<string, Float64Array> } {
    const out: Record<string, Float64Array> = {};
    let loss = NaN;
    tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => this.loss(x, y), this.variables);
      for (const [k, v] of Object.entries(this.params)) {
        out[`d${k}`] = Float64Array.from(grads[v.name].dataSync());
      }
      loss = value.dataSync()[0];
    });
    return { loss, grads: out };
  }

  /**
   * The current weights as a scratch model (float32 → float64), e.g. to probe a trained net.
   *
   * @returns a new scratch ResidualMlp
   */
  toScratch(): ResidualMlp {
    const read = (k: string) => Float64Array.from(this.params[k].dataSync());
    const mat = (k: string) => {
      const [r, c] = this.#shapes[k] as [number, number];
      return matrix(r, c, read(k));
    };
    return {
      shortcut: this.shortcut,
      activation: this.activation,
      stem: { W: mat("Ws"), b: read("bs") },
      blocks: Array.from({ length: this.numBlocks }, (_, i) => ({
        W1: mat(`W1_${i + 1}`),
        b1: read(`b1_${i + 1}`),
        W2: mat(`W2_${i + 1}`),
        b2: read(`b2_${i + 1}`),
      })),
      head: { W: mat("Wo"), b: read("bo") },
    };
  }

  /** Free every variable. */
  dispose(): void {
    tf.dispose(this.variables);
  }
}
