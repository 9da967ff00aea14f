/**
 * The chain rule by hand, for notebook 01: a single sigmoid unit (ŷ = σ(w·x + b)) and then a net
 * with one sigmoid hidden layer, on one example. Every local derivative (dŷ/dz, dz/dw, …) and every
 * chained one (dL/dz = dL/dŷ · dŷ/dz, …) is a named value in the returned object, one line per
 * step, so the notebook can print each and check it numerically. Follows Rumelhart, Hinton &
 * Williams (1986) and Karpathy, "Yes you should understand backprop" (2016).
 * @module
 */
import { sigmoid } from "./activations.ts";
import { type Matrix, matrix } from "./matrix.ts";

/** "squared": L = ½(ŷ − y)²; "logistic": L = −[y log ŷ + (1 − y) log(1 − ŷ)]. */
export type UnitLoss = "squared" | "logistic";

/** L(ŷ, y) and dL/dŷ for either loss. */
function lossAndSlope(yhat: number, y: number, loss: UnitLoss): [number, number] {
  if (loss === "squared") return [0.5 * (yhat - y) ** 2, yhat - y];
  if (loss === "logistic") {
    return [-(y * Math.log(yhat) + (1 - y) * Math.log(1 - yhat)), -y / yhat + (1 - y) / (1 - yhat)];
  }
  throw new TypeError(`chain rule: unknown loss "${loss}", expected "squared" or "logistic"`);
}

/** Every value and derivative of the single unit, in the order the chain rule visits them. */
export interface UnitChainRule {
  /** z = w·x + b */
  z: number;
  /** ŷ = σ(z) */
  yhat: number;
  /** the loss */
  L: number;
  /** ∂L/∂ŷ */
  dLdYhat: number;
  /** ∂ŷ/∂z = σ(z)(1 − σ(z)) */
  dYhatdZ: number;
  /** ∂L/∂z = ∂L/∂ŷ · ∂ŷ/∂z */
  dLdZ: number;
  /** ∂z/∂w = x   [D] */
  dZdW: Float64Array;
  /** ∂z/∂b = 1 */
  dZdB: number;
  /** ∂L/∂w = ∂L/∂z · ∂z/∂w   [D] */
  dLdW: Float64Array;
  /** ∂L/∂b = ∂L/∂z · ∂z/∂b */
  dLdB: number;
}

/**
 * One sigmoid unit on one example, forward and backward, every step named.
 *
 * @param x the input [D] (e.g. two features)
 * @param y the target in [0, 1]
 * @param w the weights [D]
 * @param b the bias
 * @param loss "squared" (default) or "logistic"
 * @returns every intermediate value and partial derivative
 * @throws {RangeError} if x and w differ in length
 * @example With the logistic loss, dL/dz collapses to ŷ − y
 * ```ts
 * import { unitChainRule } from "./chain_rule.ts";
 * const g = unitChainRule([1, 2], 1, [0.5, -0.25], 0.1, "logistic");
 * console.log(Math.abs(g.dLdZ - (g.yhat - 1)) < 1e-12); // true
 * ```
 */
export function unitChainRule(
  x: ArrayLike<number>,
  y: number,
  w: ArrayLike<number>,
  b: number,
  loss: UnitLoss = "squared",
): UnitChainRule {
  if (x.length !== w.length) {
    throw new RangeError(`unitChainRule: x has ${x.length} values but w has ${w.length}`);
  }
  // forward
  let z = b;
  for (let i = 0; i < x.length; i++) z += w[i] * x[i];
  const yhat = sigmoid(z);
  const [L, dLdYhat] = lossAndSlope(yhat, y, loss);
  // backward, one chain-rule step per line
  const dYhatdZ = yhat * (1 - yhat);
  const dLdZ = dLdYhat * dYhatdZ;
  const dZdW = Float64Array.from(x); // [D]
  const dZdB = 1;
  const dLdW = dZdW.map((v) => dLdZ * v); // [D]
  const dLdB = dLdZ * dZdB;
  return { z, yhat, L, dLdYhat, dYhatdZ, dLdZ, dZdW, dZdB, dLdW, dLdB };
}

/** Parameters of the one-hidden-layer net x → σ(x·W1 + b1) → σ(h·w2 + b2). */
export interface HiddenNetParams {
  /** [D, H] */
  W1: Matrix;
  /** [H] */
  b1: Float64Array;
  /** [H] */
  w2: Float64Array;
  /** the output bias */
  b2: number;
}

/** Every value and derivative of the hidden-layer net, output end first for the backward part. */
export interface HiddenChainRule {
  /** z1 = x·W1 + b1   [H] */
  z1: Float64Array;
  /** h = σ(z1)   [H] */
  h: Float64Array;
  /** z2 = h·w2 + b2 */
  z2: number;
  /** ŷ = σ(z2) */
  yhat: number;
  /** the loss */
  L: number;
  /** ∂L/∂ŷ */
  dLdYhat: number;
  /** ∂ŷ/∂z2 = ŷ(1 − ŷ) */
  dYhatdZ2: number;
  /** ∂L/∂z2 = ∂L/∂ŷ · ∂ŷ/∂z2 */
  dLdZ2: number;
  /** ∂z2/∂w2 = h   [H] */
  dZ2dW2: Float64Array;
  /** ∂L/∂w2 = ∂L/∂z2 · h   [H] */
  dLdW2: Float64Array;
  /** ∂L/∂b2 = ∂L/∂z2 · 1 */
  dLdB2: number;
  /** ∂z2/∂h = w2   [H] */
  dZ2dH: Float64Array;
  /** ∂L/∂h = ∂L/∂z2 · w2   [H] */
  dLdH: Float64Array;
  /** ∂h/∂z1 = h(1 − h)   [H] */
  dHdZ1: Float64Array;
  /** ∂L/∂z1 = ∂L/∂h ⊙ ∂h/∂z1   [H] */
  dLdZ1: Float64Array;
  /** ∂z1_j/∂W1[i, j] = x_i   [D] */
  dZ1dW1: Float64Array;
  /** ∂L/∂W1[i, j] = x_i · ∂L/∂z1_j   [D, H] */
  dLdW1: Matrix;
  /** ∂L/∂b1 = ∂L/∂z1   [H] */
  dLdB1: Float64Array;
}

/**
 * The one-hidden-layer net on one example, forward and backward, every step named.
 *
 * @param x the input [D]
 * @param y the target in [0, 1]
 * @param params W1 [D, H], b1 [H], w2 [H], b2
 * @param loss "squared" (default) or "logistic"
 * @returns every intermediate value and partial derivative
 * @throws {RangeError} if the shapes do not fit together
 * @example
 * ```ts
 * import { hiddenChainRule } from "./chain_rule.ts";
 * import { fromRows } from "./matrix.ts";
 * const params = { W1: fromRows([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]]), b1: new Float64Array(3),
 *   w2: Float64Array.of(0.7, -0.8, 0.9), b2: 0 };
 * console.log(hiddenChainRule([1, 2], 1, params).dLdW1.shape); // [2, 3]
 * ```
 */
export function hiddenChainRule(
  x: ArrayLike<number>,
  y: number,
  params: HiddenNetParams,
  loss: UnitLoss = "squared",
): HiddenChainRule {
  const { W1, b1, w2, b2 } = params;
  const [d, hidden] = W1.shape;
  if (x.length !== d || b1.length !== hidden || w2.length !== hidden) {
    throw new RangeError(
      `hiddenChainRule: x is [${x.length}], W1 [${W1.shape}], b1 [${b1.length}], w2 [${w2.length}]; expected [D], [D, H], [H], [H]`,
    );
  }
  // forward
  const z1 = b1.slice(); // z1_j = b1_j + Σᵢ x_i W1[i, j]   [H]
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < hidden; j++) z1[j] += x[i] * W1.data[i * hidden + j];
  }
  const h = z1.map(sigmoid); // [H]
  const z2 = h.reduce((s, hj, j) => s + hj * w2[j], b2);
  const yhat = sigmoid(z2);
  const [L, dLdYhat] = lossAndSlope(yhat, y, loss);
  // backward through the output unit
  const dYhatdZ2 = yhat * (1 - yhat);
  const dLdZ2 = dLdYhat * dYhatdZ2;
  const dZ2dW2 = h.slice(); // [H]
  const dLdW2 = dZ2dW2.map((v) => dLdZ2 * v); // [H]
  const dLdB2 = dLdZ2 * 1;
  // backward into the hidden layer
  const dZ2dH = w2.slice(); // [H]
  const dLdH = dZ2dH.map((v) => dLdZ2 * v); // [H]
  const dHdZ1 = h.map((v) => v * (1 - v)); // [H]
  const dLdZ1 = dLdH.map((v, j) => v * dHdZ1[j]); // [H]
  const dZ1dW1 = Float64Array.from(x); // [D]
  const dLdW1 = matrix(d, hidden); // outer product x ⊗ dL/dz1   [D, H]
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < hidden; j++) dLdW1.data[i * hidden + j] = dZ1dW1[i] * dLdZ1[j];
  }
  const dLdB1 = dLdZ1.slice(); // [H]
  return {
    z1,
    h,
    z2,
    yhat,
    L,
    dLdYhat,
    dYhatdZ2,
    dLdZ2,
    dZ2dW2,
    dLdW2,
    dLdB2,
    dZ2dH,
    dLdH,
    dHdZ1,
    dLdZ1,
    dZ1dW1,
    dLdW1,
    dLdB1,
  };
}
