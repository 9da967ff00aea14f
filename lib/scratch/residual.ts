/**
 * The residual block of He, Zhang, Ren & Sun (2015), "Deep Residual Learning for Image Recognition"
 * (their Fig. 2, with dense layers instead of convolutions and no batch norm): a two-layer branch
 * F(x) = act(x·W1 + b1)·W2 + b2 and an identity shortcut, out = act(x + F(x)). With
 * `shortcut: false` the same layers form the plain block out = act(F(x)), so the two networks of
 * notebook 08 differ only by the "+ x". Backward: the gradient at the sum reaches x along both
 * paths, dx = dz + dz·(∂F/∂x), which is why a deep stack of blocks keeps its gradients. Float64,
 * forward and backward side by side; the tfjs version is lib/nn/residual_mlp.ts.
 * @module
 */
import type { Matrix } from "./matrix.ts";
import {
  type Activation,
  activationBackward,
  type ActivationCache,
  activationForward,
} from "./activations.ts";
import { denseBackward, type DenseCache, denseForward } from "./dense.ts";

/** One block's weights: the branch F(x) = act(x·W1 + b1)·W2 + b2. */
export interface ResidualBlockParams {
  /** first layer [H, K] */
  W1: Matrix;
  /** [K] */
  b1: Float64Array;
  /** second layer [K, H], back to the width of x so x + F(x) is defined */
  W2: Matrix;
  /** [H] */
  b2: Float64Array;
}

/** What residualBlockBackward needs from the forward pass. */
export interface ResidualBlockCache {
  /** x·W1 + b1, with x, W1, b1 */
  dense1: DenseCache;
  /** a1 = act(x·W1 + b1) */
  act1: ActivationCache;
  /** a1·W2 + b2, with a1, W2, b2 */
  dense2: DenseCache;
  /** out = act(z), z = x + F(x) (or F(x) without the shortcut) */
  act2: ActivationCache;
  /** whether the identity shortcut was added */
  shortcut: boolean;
}

/** Gradients of one block, named after its inputs. */
export interface ResidualBlockGrads {
  /** ∂L/∂x [N, H] */
  dx: Matrix;
  /** ∂L/∂W1 [H, K] */
  dW1: Matrix;
  /** ∂L/∂b1 [K] */
  db1: Float64Array;
  /** ∂L/∂W2 [K, H] */
  dW2: Matrix;
  /** ∂L/∂b2 [H] */
  db2: Float64Array;
}

/** Options of residualBlockForward. */
export interface ResidualBlockOptions {
  /** the nonlinearity after each layer (default "relu", as He et al.) */
  activation?: Activation;
  /** add the identity shortcut (default true); false gives the plain block */
  shortcut?: boolean;
}

/** Elementwise a + b of two equally shaped matrices. */
function addMatrices(a: Matrix, b: Matrix): Matrix {
  const out = { data: a.data.slice(), shape: [a.shape[0], a.shape[1]] as [number, number] };
  for (let i = 0; i < out.data.length; i++) out.data[i] += b.data[i];
  return out;
}

/**
 * Forward pass of a residual block: out = act(x + act(x·W1 + b1)·W2 + b2).
 *
 * @param x input [N, H]
 * @param p the branch's weights, W1 [H, K], b1 [K], W2 [K, H], b2 [H]
 * @param opts activation (default "relu") and shortcut (default true)
 * @returns `{ out, cache }` with out [N, H]
 * @throws {RangeError} if W2 does not map back to x's width (the message names the shapes)
 * @example With zero weights the block passes relu(x) through its shortcut
 * ```ts
 * import { residualBlockForward } from "./residual.ts";
 * import { fromRows, matrix } from "./matrix.ts";
 * const p = { W1: matrix(2, 3), b1: new Float64Array(3), W2: matrix(3, 2), b2: new Float64Array(2) };
 * console.log(residualBlockForward(fromRows([[1, -2]]), p).out.data); // Float64Array(2) [ 1, 0 ]
 * ```
 * @see notebook 08, "Identity shortcuts"; He et al. (2015), eq. (1) and Fig. 2
 */
export function residualBlockForward(
  x: Matrix,
  p: ResidualBlockParams,
  opts: ResidualBlockOptions = {},
): { out: Matrix; cache: ResidualBlockCache } {
  const { activation = "relu", shortcut = true } = opts;
  if (p.W2.shape[1] !== x.shape[1] || p.W1.shape[1] !== p.W2.shape[0]) {
    throw new RangeError(
      `residualBlockForward: x is [${x.shape}], W1 [${p.W1.shape}], W2 [${p.W2.shape}]; ` +
        `expected [N, H], [H, K], [K, H]`,
    );
  }
  const d1 = denseForward(x, p.W1, p.b1); // [N, K]
  const a1 = activationForward(activation, d1.out); // [N, K]
  const d2 = denseForward(a1.out, p.W2, p.b2); // F(x)  [N, H]
  const z = shortcut ? addMatrices(x, d2.out) : d2.out; // x + F(x)  [N, H]
  const a2 = activationForward(activation, z); // [N, H]
  return {
    out: a2.out,
    cache: { dense1: d1.cache, act1: a1.cache, dense2: d2.cache, act2: a2.cache, shortcut },
  };
}

/**
 * Backward pass of a residual block. The gradient at the sum, dz, flows into x twice: directly
 * through the shortcut and through the branch, dx = dz + (branch's dx).
 *
 * @param dOut upstream gradient ∂L/∂out [N, H]
 * @param cache from residualBlockForward
 * @returns `{ dx, dW1, db1, dW2, db2 }`, each shaped like its variable
 * @throws {RangeError} if dOut's shape differs from the block's output
 * @example
 * ```ts
 * import { residualBlockBackward, residualBlockForward } from "./residual.ts";
 * import { fromRows, matrix } from "./matrix.ts";
 * const p = { W1: matrix(2, 3), b1: new Float64Array(3), W2: matrix(3, 2), b2: new Float64Array(2) };
 * const { cache } = residualBlockForward(fromRows([[1, 2]]), p);
 * console.log(residualBlockBackward(fromRows([[1, 1]]), cache).dx.data); // Float64Array(2) [ 1, 1 ]
 * ```
 * @see notebook 08, exercise 08.1
 */
export function residualBlockBackward(
  dOut: Matrix,
  cache: ResidualBlockCache,
): ResidualBlockGrads {
  const { x } = cache.dense1;
  if (dOut.shape[0] !== x.shape[0] || dOut.shape[1] !== x.shape[1]) {
    throw new RangeError(
      `residualBlockBackward: dOut is [${dOut.shape}] but the block's output is [${x.shape}]`,
    );
  }
  const dz = activationBackward(dOut, cache.act2).dx; // ∂L/∂(x + F(x))  [N, H]
  const { dx: da1, dW: dW2, db: db2 } = denseBackward(dz, cache.dense2); // [N, K], [K, H], [H]
  const dd1 = activationBackward(da1, cache.act1).dx; // [N, K]
  const { dx: dxBranch, dW: dW1, db: db1 } = denseBackward(dd1, cache.dense1); // [N, H], [H, K]
  const dx = cache.shortcut ? addMatrices(dz, dxBranch) : dxBranch; // the two paths add  [N, H]
  return { dx, dW1, db1, dW2, db2 };
}
