/**
 * A deep MLP built from the blocks of residual.ts, for notebook 08's degradation experiment: a
 * linear stem h₀ = x·Ws + bs [N, H], B blocks (2B hidden layers, with or without identity
 * shortcuts), and a linear head logits = h_B·Wo + bo. Plain and residual nets with the same seed
 * get the same weights except that residual branches start smaller: without batch norm each
 * "x + F(x)" adds the branch's variance, so the second layer of every branch is scaled by 1/√B
 * (the rule of Fixup, Zhang, Dauphin & Ma 2019), keeping the output's scale bounded at any depth.
 * The backward pass reports ‖∂L/∂h_b‖ at every block boundary, the probe of notebooks 05 and 08.
 * The tfjs version used for training is lib/nn/residual_mlp.ts.
 * @module
 */
import { Rng } from "../util/rng.ts";
import type { Activation } from "./activations.ts";
import { denseBackward, type DenseCache, denseForward } from "./dense.ts";
import { initWeights } from "./init.ts";
import { softmaxCrossEntropy } from "./losses.ts";
import type { Matrix } from "./matrix.ts";
import type { DenseParams } from "./mlp.ts";
import {
  residualBlockBackward,
  type ResidualBlockCache,
  residualBlockForward,
  type ResidualBlockGrads,
  type ResidualBlockParams,
} from "./residual.ts";

/** A stem, B blocks and a head; plain data so it can be copied and turned into tfjs. */
export interface ResidualMlp {
  /** identity shortcuts on (residual) or off (plain) */
  shortcut: boolean;
  /** the hidden nonlinearity */
  activation: Activation;
  /** x·Ws + bs: D → H */
  stem: DenseParams;
  /** the blocks, H → H each */
  blocks: ResidualBlockParams[];
  /** h·Wo + bo: H → C */
  head: DenseParams;
}

/** Options of createResidualMlp. */
export interface ResidualMlpOptions {
  /** input features D */
  inputDim: number;
  /** width H of every hidden layer */
  width: number;
  /** hidden layers, an even number ≥ 2 (B = depth / 2 blocks) */
  depth: number;
  /** output classes C */
  classes: number;
  /** identity shortcuts (default true) */
  shortcut?: boolean;
  /** hidden nonlinearity (default "relu") */
  activation?: Activation;
  /** factor on every branch's W2 (default 1/√B with shortcuts, 1 without) */
  branchScale?: number;
  /** seed of the weights (default 0) */
  seed?: number;
}

/** Gradients of every parameter, aligned with the model. */
export interface ResidualMlpGrads {
  stem: { dW: Matrix; db: Float64Array };
  blocks: Omit<ResidualBlockGrads, "dx">[];
  head: { dW: Matrix; db: Float64Array };
}

/** Everything residualMlpBackward needs. */
export interface ResidualMlpCache {
  stem: DenseCache;
  blocks: ResidualBlockCache[];
  head: DenseCache;
}

/**
 * Make a plain or residual MLP with He-initialised hidden layers, zero biases and a Xavier head.
 *
 * @param opts sizes, depth, shortcut, activation, branch scale, seed
 * @returns the model
 * @throws {RangeError} if depth is not an even number ≥ 2
 * @example A residual net with 8 hidden layers (4 blocks)
 * ```ts
 * import { createResidualMlp } from "./residual_mlp.ts";
 * const net = createResidualMlp({ inputDim: 2, width: 16, depth: 8, classes: 3 });
 * console.log(net.blocks.length, net.blocks[0].W2.shape); // 4 [ 16, 16 ]
 * ```
 */
export function createResidualMlp(opts: ResidualMlpOptions): ResidualMlp {
  const { inputDim: D, width: H, depth, classes: C, shortcut = true } = opts;
  if (!Number.isInteger(depth) || depth < 2 || depth % 2 !== 0) {
    throw new RangeError(`createResidualMlp: depth must be an even integer ≥ 2, got ${depth}`);
  }
  const B = depth / 2, scale = opts.branchScale ?? (shortcut ? 1 / Math.sqrt(B) : 1);
  const rng = new Rng(opts.seed ?? 0);
  const stem = { W: initWeights("he", D, H, rng), b: new Float64Array(H) }; // [D, H]
  const blocks = Array.from({ length: B }, () => {
    const W1 = initWeights("he", H, H, rng), W2 = initWeights("he", H, H, rng); // [H, H]
    for (let i = 0; i < W2.data.length; i++) W2.data[i] *= scale;
    return { W1, b1: new Float64Array(H), W2, b2: new Float64Array(H) };
  });
  const head = { W: initWeights("xavier", H, C, rng), b: new Float64Array(C) }; // [H, C]
  return { shortcut, activation: opts.activation ?? "relu", stem, blocks, head };
}

/**
 * Forward pass: stem, blocks, head.
 *
 * @param model the net
 * @param x inputs [N, D]
 * @returns `{ out, cache, hs }`: logits [N, C] and the block boundaries h₀ … h_B, each [N, H]
 */
export function residualMlpForward(
  model: ResidualMlp,
  x: Matrix,
): { out: Matrix; cache: ResidualMlpCache; hs: Matrix[] } {
  const stem = denseForward(x, model.stem.W, model.stem.b); // h₀  [N, H]
  const hs = [stem.out], blocks: ResidualBlockCache[] = [];
  const opts = { activation: model.activation, shortcut: model.shortcut };
  for (const p of model.blocks) {
    const { out, cache } = residualBlockForward(hs[hs.length - 1], p, opts); // [N, H]
    hs.push(out);
    blocks.push(cache);
  }
  const head = denseForward(hs[hs.length - 1], model.head.W, model.head.b); // [N, C]
  return { out: head.out, cache: { stem: stem.cache, blocks, head: head.cache }, hs };
}

/**
 * Backward pass from ∂L/∂logits to every parameter, recording ∂L/∂h_b at each block boundary.
 *
 * @param dOut ∂L/∂logits [N, C]
 * @param cache from residualMlpForward
 * @returns `{ dx, grads, dhs }` with dx [N, D] and dhs[b] = ∂L/∂h_b [N, H] for b = 0 … B
 */
export function residualMlpBackward(
  dOut: Matrix,
  cache: ResidualMlpCache,
): { dx: Matrix; grads: ResidualMlpGrads; dhs: Matrix[] } {
  const head = denseBackward(dOut, cache.head); // [N, H]
  const dhs: Matrix[] = [head.dx];
  const blocks: Omit<ResidualBlockGrads, "dx">[] = [];
  for (let b = cache.blocks.length - 1; b >= 0; b--) {
    const { dx, ...g } = residualBlockBackward(dhs[0], cache.blocks[b]); // [N, H]
    dhs.unshift(dx);
    blocks.unshift(g);
  }
  const stem = denseBackward(dhs[0], cache.stem); // [N, D]
  return {
    dx: stem.dx,
    grads: { stem: { dW: stem.dW, db: stem.db }, blocks, head: { dW: head.dW, db: head.db } },
    dhs,
  };
}

/**
 * The parameters as named flat views sharing memory with the model (Ws, bs, W1_1, b1_1, W2_1,
 * b2_1, …, Wo, bo): what the gradient check perturbs and the tfjs model copies.
 *
 * @param model the net
 * @returns name → Float64Array view
 */
export function residualMlpParams(model: ResidualMlp): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = { Ws: model.stem.W.data, bs: model.stem.b };
  model.blocks.forEach((p, i) => {
    Object.assign(out, {
      [`W1_${i + 1}`]: p.W1.data,
      [`b1_${i + 1}`]: p.b1,
      [`W2_${i + 1}`]: p.W2.data,
      [`b2_${i + 1}`]: p.b2,
    });
  });
  return Object.assign(out, { Wo: model.head.W.data, bo: model.head.b });
}

/**
 * The gradients under the names of residualMlpParams, with a "d" in front.
 *
 * @param grads from residualMlpBackward
 * @returns name → Float64Array
 */
export function residualMlpGradsByName(grads: ResidualMlpGrads): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = { dWs: grads.stem.dW.data, dbs: grads.stem.db };
  grads.blocks.forEach((g, i) => {
    Object.assign(out, {
      [`dW1_${i + 1}`]: g.dW1.data,
      [`db1_${i + 1}`]: g.db1,
      [`dW2_${i + 1}`]: g.dW2.data,
      [`db2_${i + 1}`]: g.db2,
    });
  });
  return Object.assign(out, { dWo: grads.head.dW.data, dbo: grads.head.db });
}

/** What residualMlpGradNorms measured. */
export interface ResidualGradNorms {
  /** the softmax cross-entropy loss */
  loss: number;
  /** ‖∂L/∂h_b‖ (Frobenius over the batch) at every block boundary, b = 0 (after the stem) … B */
  dh: number[];
  /** ‖∂L/∂W‖ of every hidden layer, first to last (W1 and W2 of each block: 2B values) */
  dW: number[];
}

const frob = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
};

/**
 * One forward and backward pass with the softmax cross-entropy loss, returning the gradient
 * norm at every block boundary and of every hidden layer's weights (notebook 08's probe).
 *
 * @param model the net
 * @param x inputs [N, D]
 * @param labels classes [N]
 * @returns `{ loss, dh, dW }`
 * @example Gradients of a fresh residual net
 * ```ts
 * import { createResidualMlp, residualMlpGradNorms } from "./residual_mlp.ts";
 * import { matrix } from "./matrix.ts";
 * const net = createResidualMlp({ inputDim: 2, width: 8, depth: 4, classes: 3 });
 * const { dh, dW } = residualMlpGradNorms(net, matrix(5, 2, [1, 2, 3, 4, 5, 6, 7, 8, 9, 0]), [0, 1, 2, 0, 1]);
 * console.log(dh.length, dW.length); // 3 4
 * ```
 * @see notebook 08, "Gradients at initialisation"
 */
export function residualMlpGradNorms(
  model: ResidualMlp,
  x: Matrix,
  labels: ArrayLike<number>,
): ResidualGradNorms {
  const { out, cache } = residualMlpForward(model, x); // [N, C]
  const { loss, dLogits } = softmaxCrossEntropy(out, labels);
  const { grads, dhs } = residualMlpBackward(dLogits, cache);
  return {
    loss,
    dh: dhs.map((d) => frob(d.data)),
    dW: grads.blocks.flatMap((g) => [frob(g.dW1.data), frob(g.dW2.data)]),
  };
}
