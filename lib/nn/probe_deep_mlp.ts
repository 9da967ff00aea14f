/**
 * Per-layer probes of a deep MLP for notebook 03 ("backprop through layers and its pitfalls"):
 * one forward and backward pass, then for each hidden layer the activations' mean and std, the
 * fraction saturated (tanh |a| > 0.99; sigmoid a < 0.01 or a > 0.99), the fraction of dead ReLUs
 * (zero on every example), a sample of values for histograms, and the norms of the weights and
 * of their gradients. Re-running it with one setting changed (activation, init, depth) shows
 * vanishing, saturating and exploding signals, as in Karpathy's "Yes you should understand
 * backprop" (2016) and CS231n's lecture on training neural networks. Runs in tfjs (float32).
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { Rng } from "../util/rng.ts";
import type { Activation } from "../scratch/activations.ts";
import type { InitKind } from "../scratch/init.ts";
import { type Matrix, matrix } from "../scratch/matrix.ts";
import { TfMlp } from "./tf_mlp.ts";
import { matrixToTensor } from "./to_tensors.ts";
import { tfSoftmaxCrossEntropy } from "./tf_losses.ts";

/** Settings of probeDeepMlp; every field has a default. */
export interface ProbeOptions {
  /** hidden layers (default 6) */
  depth?: number;
  /** units per hidden layer (default 100) */
  width?: number;
  /** hidden activation (default "tanh") */
  activation?: Activation;
  /** weight init (default "xavier") */
  init?: InitKind;
  /** input features D (default 100) */
  inputDim?: number;
  /** output classes C (default 10) */
  classes?: number;
  /** examples N (default 500) */
  n?: number;
  /** seed for weights and data (default 0) */
  seed?: number;
  /** activation values kept per layer for histograms (default 2000) */
  maxSamples?: number;
  /** probe this model instead of a fresh one (e.g. after some training); not disposed */
  model?: TfMlp;
  /** x [N, D] and labels [N] instead of unit-Gaussian inputs with random labels */
  data?: { x: Matrix; y: Int32Array };
}

/** One hidden layer's statistics. */
export interface LayerProbe {
  /** 1 for the first hidden layer */
  layer: number;
  /** mean of the activations */
  mean: number;
  /** standard deviation of the activations */
  std: number;
  /** fraction of activations in the flat tails (tanh, sigmoid; 0 for ReLUs) */
  saturated: number;
  /** fraction of units that output 0 for every example (ReLU; 0 otherwise) */
  dead: number;
  /** ‖W‖ (Frobenius) of the weights into this layer */
  weightNorm: number;
  /** ‖dL/dW‖ (Frobenius) of the same weights */
  gradNorm: number;
  /** up to maxSamples activation values, evenly strided */
  samples: number[];
}

/** What probeDeepMlp measured. */
export interface ProbeResult {
  /** the hidden layers, first to last */
  layers: LayerProbe[];
  /** ‖dL/dW‖ of the output layer */
  outputGradNorm: number;
  /** the softmax cross-entropy loss */
  loss: number;
}

/** Mean, std, saturated and dead fractions of one layer's activations a [N, H]. */
function activationStats(a: Float32Array, n: number, h: number, kind: Activation) {
  let sum = 0, sq = 0, sat = 0;
  const alive = new Uint8Array(h);
  for (let k = 0; k < a.length; k++) {
    const v = a[k];
    sum += v;
    sq += v * v;
    if (kind === "tanh" ? Math.abs(v) > 0.99 : kind === "sigmoid" ? v < 0.01 || v > 0.99 : false) {
      sat++;
    }
    if (v !== 0) alive[k % h] = 1;
  }
  const mean = sum / (n * h);
  const std = Math.sqrt(Math.max(sq / (n * h) - mean * mean, 0));
  const dead = kind === "relu" ? (h - alive.reduce((s, v) => s + v, 0)) / h : 0;
  return { mean, std, saturated: sat / (n * h), dead };
}

/**
 * One forward/backward pass through a deep MLP, with per-layer statistics.
 *
 * @param opts depth, width, activation, init, sizes, seed (all optional)
 * @returns per-layer stats, the output layer's gradient norm and the loss; frees every tensor
 * @example Small init makes tanh activations vanish with depth
 * ```ts
 * import { probeDeepMlp } from "./probe_deep_mlp.ts";
 * const { layers } = probeDeepMlp({ depth: 4, width: 50, init: "small", n: 100 });
 * console.log(layers[3].std < layers[0].std); // true
 * ```
 */
export function probeDeepMlp(opts: ProbeOptions = {}): ProbeResult {
  const { depth = 6, width = 100, activation = "tanh", init = "xavier", inputDim = 100 } = opts;
  const { classes = 10, n = 500, seed = 0, maxSamples = 2000 } = opts;
  const rng = new Rng(seed);
  const model = opts.model ??
    TfMlp.create({
      sizes: [inputDim, ...Array(depth).fill(width), classes],
      activation,
      init,
      rng,
    });
  const data = opts.data ?? {
    x: matrix(n, model.sizes[0], rng.normalArray(n * model.sizes[0])), // [N, D]
    y: Int32Array.from({ length: n }, () => rng.int(model.sizes.at(-1)!)), // [N]
  };
  const acts: Float32Array[] = [];
  const norms: number[] = [];
  const weightNorms: number[] = [];
  let loss = NaN;
  try {
    tf.tidy(() => {
      const x = matrixToTensor(data.x), y = tf.tensor1d(data.y, "int32");
      const Ws = model.layers.map((l) => l.W);
      const { value, grads } = tf.variableGrads(() => {
        const logits = model.forward(x, (_, h) => acts.push(h.dataSync() as Float32Array)); // [N, C]
        return tfSoftmaxCrossEntropy(logits, y);
      }, Ws);
      loss = value.dataSync()[0];
      for (const W of Ws) {
        norms.push(tf.norm(grads[W.name]).dataSync()[0]);
        weightNorms.push(tf.norm(W).dataSync()[0]);
      }
    });
  } finally {
    if (!opts.model) model.dispose();
  }
  const rows = data.x.shape[0];
  const layers = acts.map((a, i) => {
    const h = model.sizes[i + 1];
    const stride = Math.max(1, Math.ceil(a.length / maxSamples));
    const samples: number[] = [];
    for (let k = 0; k < a.length && samples.length < maxSamples; k += stride) samples.push(a[k]);
    return {
      layer: i + 1,
      ...activationStats(a, rows, h, model.activation),
      weightNorm: weightNorms[i],
      gradNorm: norms[i],
      samples,
    };
  });
  return { layers, outputGradNorm: norms.at(-1)!, loss };
}
