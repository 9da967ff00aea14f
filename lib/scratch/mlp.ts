/**
 * A small multilayer perceptron built from the scratch dense layer and activations: hidden layers
 * x → dense → activation, then a final dense layer that outputs logits (or regression values).
 * `mlpForward` keeps every layer's cache, `mlpBackward` walks them in reverse (backprop, Rumelhart,
 * Hinton & Williams 1986), `mlpParams` names the weights W1, b1, W2, b2, … and `sgdStep` updates
 * them in place. The same model in tfjs is lib/nn/tf_mlp.ts. Taught in notebooks 01–03.
 * @module
 */
import { Rng } from "../util/rng.ts";
import {
  type Activation,
  activationBackward,
  type ActivationCache,
  activationForward,
  LEAKY_SLOPE,
} from "./activations.ts";
import { denseBackward, type DenseCache, denseForward } from "./dense.ts";
import { type InitKind, initWeights } from "./init.ts";
import { softmaxCrossEntropy } from "./losses.ts";
import type { Matrix } from "./matrix.ts";

/** One dense layer's parameters. */
export interface DenseParams {
  /** weights [D, H] */
  W: Matrix;
  /** bias [H] */
  b: Float64Array;
}

/** A scratch MLP: plain data, so it can be copied, printed and turned into a tfjs model. */
export interface Mlp {
  /** layer widths [D, H1, …, C], input first */
  sizes: number[];
  /** the hidden layers' activation (the last layer has none) */
  activation: Activation;
  /** leaky ReLU's negative slope */
  alpha: number;
  /** sizes.length − 1 dense layers */
  layers: DenseParams[];
}

/** Options for createMlp. */
export interface MlpOptions {
  /** layer widths [D, H1, …, C], at least two */
  sizes: number[];
  /** hidden activation (default "tanh") */
  activation?: Activation;
  /** weight init (default "xavier"; biases start at 0) */
  init?: InitKind;
  /** seed for the weights (default 0), ignored when rng is given */
  seed?: number;
  /** generator to draw the weights from */
  rng?: Rng;
  /** leaky ReLU's negative slope (default 0.01) */
  alpha?: number;
}

/** Everything mlpBackward needs, one entry per layer. */
export interface MlpCache {
  /** each layer's dense cache */
  dense: DenseCache[];
  /** each hidden layer's activation cache (one fewer than dense) */
  act: ActivationCache[];
}

/** Gradients for each layer, aligned with `Mlp.layers`. */
export type MlpGrads = { dW: Matrix; db: Float64Array }[];

/**
 * Make an MLP with seeded random weights and zero biases.
 *
 * @param opts sizes, activation, init, seed
 * @returns the model
 * @throws {RangeError} if fewer than two sizes are given
 * @example A 2-16-3 classifier
 * ```ts
 * import { createMlp } from "./mlp.ts";
 * const model = createMlp({ sizes: [2, 16, 3], activation: "relu", init: "he", seed: 1 });
 * console.log(model.layers[0].W.shape); // [2, 16]
 * ```
 */
export function createMlp(opts: MlpOptions): Mlp {
  const { sizes, activation = "tanh", init = "xavier", alpha = LEAKY_SLOPE } = opts;
  if (sizes.length < 2) {
    throw new RangeError(`createMlp: need at least [D, C] sizes, got [${sizes}]`);
  }
  const rng = opts.rng ?? new Rng(opts.seed ?? 0);
  const layers = sizes.slice(1).map((h, i) => ({
    W: initWeights(init, sizes[i], h, rng), // [D, H]
    b: new Float64Array(h), // [H]
  }));
  return { sizes: [...sizes], activation, alpha, layers };
}

/**
 * Forward pass through every layer.
 *
 * @param model the MLP
 * @param x inputs [N, D]
 * @returns `{ out, cache }` with out [N, C] (logits)
 * @throws {RangeError} if x has the wrong number of columns
 */
export function mlpForward(model: Mlp, x: Matrix): { out: Matrix; cache: MlpCache } {
  const cache: MlpCache = { dense: [], act: [] };
  let h = x; // [N, D]
  model.layers.forEach(({ W, b }, i) => {
    const dense = denseForward(h, W, b); // [N, H_i]
    cache.dense.push(dense.cache);
    h = dense.out;
    if (i < model.layers.length - 1) {
      const act = activationForward(model.activation, h, model.alpha); // [N, H_i]
      cache.act.push(act.cache);
      h = act.out;
    }
  });
  return { out: h, cache }; // [N, C]
}

/**
 * Backward pass: from dL/dout back to every weight, bias and the input.
 *
 * @param dOut upstream gradient [N, C]
 * @param cache from mlpForward
 * @returns `{ dx, grads }` with dx [N, D] and grads[i] = { dW [D_i, H_i], db [H_i] }
 */
export function mlpBackward(dOut: Matrix, cache: MlpCache): { dx: Matrix; grads: MlpGrads } {
  const grads: MlpGrads = [];
  let dh = dOut; // [N, C]
  for (let i = cache.dense.length - 1; i >= 0; i--) {
    if (i < cache.dense.length - 1) dh = activationBackward(dh, cache.act[i]).dx; // [N, H_i]
    const { dx, dW, db } = denseBackward(dh, cache.dense[i]); // [N, D_i], [D_i, H_i], [H_i]
    grads[i] = { dW, db };
    dh = dx;
  }
  return { dx: dh, grads };
}

/**
 * Softmax cross-entropy loss of the model on a batch, with every gradient.
 *
 * @param model the MLP
 * @param x inputs [N, D]
 * @param labels class indices [N]
 * @returns `{ loss, grads, probs }`
 * @example
 * ```ts
 * import { createMlp, mlpLossAndGrads } from "./mlp.ts";
 * import { fromRows } from "./matrix.ts";
 * const model = createMlp({ sizes: [2, 4, 3], seed: 0 });
 * const { loss } = mlpLossAndGrads(model, fromRows([[1, 2], [0, -1]]), [0, 2]);
 * console.log(loss > 0); // true
 * ```
 */
export function mlpLossAndGrads(
  model: Mlp,
  x: Matrix,
  labels: ArrayLike<number>,
): { loss: number; grads: MlpGrads; probs: Matrix } {
  const { out, cache } = mlpForward(model, x); // [N, C]
  const { loss, dLogits, probs } = softmaxCrossEntropy(out, labels);
  const { grads } = mlpBackward(dLogits, cache);
  return { loss, grads, probs };
}

/**
 * The parameters by name (W1, b1, W2, b2, …), as views that share memory with the model:
 * writing into them changes the model.
 *
 * @param model the MLP
 * @returns name → flat Float64Array
 */
export function mlpParams(model: Mlp): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  model.layers.forEach(({ W, b }, i) => {
    out[`W${i + 1}`] = W.data;
    out[`b${i + 1}`] = b;
  });
  return out;
}

/**
 * The gradients by name (dW1, db1, dW2, …), matching mlpParams's names with a "d" in front.
 *
 * @param grads from mlpBackward
 * @returns name → flat Float64Array
 */
export function mlpGradsByName(grads: MlpGrads): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  grads.forEach(({ dW, db }, i) => {
    out[`dW${i + 1}`] = dW.data;
    out[`db${i + 1}`] = db;
  });
  return out;
}

/**
 * One plain SGD step in place: θ ← θ − lr · dθ for every weight and bias.
 *
 * @param model the MLP (changed)
 * @param grads from mlpBackward, aligned with model.layers
 * @param lr learning rate
 * @throws {RangeError} if grads does not match the model's layers
 */
export function sgdStep(model: Mlp, grads: MlpGrads, lr: number): void {
  if (grads.length !== model.layers.length) {
    throw new RangeError(
      `sgdStep: model has ${model.layers.length} layers but grads has ${grads.length}`,
    );
  }
  model.layers.forEach(({ W, b }, i) => {
    const { dW, db } = grads[i];
    for (let k = 0; k < W.data.length; k++) W.data[k] -= lr * dW.data[k];
    for (let k = 0; k < b.length; k++) b[k] -= lr * db[k];
  });
}

/**
 * A deep copy of the model (so an experiment can start again from the same weights).
 *
 * @param model the MLP
 * @returns an independent copy
 */
export function cloneMlp(model: Mlp): Mlp {
  return {
    ...model,
    sizes: [...model.sizes],
    layers: model.layers.map(({ W, b }) => ({
      W: { data: W.data.slice(), shape: [W.shape[0], W.shape[1]] },
      b: b.slice(),
    })),
  };
}
