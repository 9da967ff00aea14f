/**
 * Elementwise activations (sigmoid, tanh, ReLU, leaky ReLU) with their backward passes, each pair
 * side by side as in micrograd. Every backward is dx = dOut ⊙ f'(x), with f'(x) written from what
 * the forward pass kept: σ(1 − σ) for sigmoid, 1 − tanh² for tanh, a 0/1 mask for ReLU. Taught in
 * notebook 01 (the chain rule) and notebook 03 (saturation and dead units).
 * @module
 */
import { mapMatrix, type Matrix, mulElementwise } from "./matrix.ts";

/** The activation functions the scratch and tfjs MLPs support. */
export type Activation = "sigmoid" | "tanh" | "relu" | "leakyRelu";

/** The activations, in the order notebooks list them. */
export const ACTIVATIONS: readonly Activation[] = ["sigmoid", "tanh", "relu", "leakyRelu"];

/** Default negative slope of leaky ReLU (Maas et al. 2013; PyTorch's default too). */
export const LEAKY_SLOPE = 0.01;

/** What an activation's backward pass needs: its input, its output and which function it was. */
export interface ActivationCache {
  /** which activation */
  kind: Activation;
  /** the input [N, H] */
  x: Matrix;
  /** the output f(x) [N, H] */
  out: Matrix;
  /** negative slope (leaky ReLU only) */
  alpha: number;
}

/** What every activation's forward pass returns. */
export type ActivationResult = { out: Matrix; cache: ActivationCache };

/** The scalar σ(z) = 1 / (1 + e^(−z)), written to avoid overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Sigmoid forward: out = σ(x).
 *
 * @param x [N, H]
 * @returns `{ out, cache }` with out [N, H] in (0, 1)
 * @example
 * ```ts
 * import { sigmoidForward } from "./activations.ts";
 * import { fromRows } from "./matrix.ts";
 * console.log(sigmoidForward(fromRows([[0]])).out.data[0]); // 0.5
 * ```
 */
export function sigmoidForward(x: Matrix): ActivationResult {
  const out = mapMatrix(x, sigmoid);
  return { out, cache: { kind: "sigmoid", x, out, alpha: 0 } };
}

/**
 * Sigmoid backward: dx = dOut ⊙ σ(x)(1 − σ(x)).
 *
 * @param dOut [N, H]
 * @param cache from sigmoidForward
 * @returns `{ dx }` [N, H]
 */
export function sigmoidBackward(dOut: Matrix, cache: ActivationCache): { dx: Matrix } {
  const dOutdX = mapMatrix(cache.out, (s) => s * (1 - s)); // σ'(x) = σ(1 − σ)   [N, H]
  return { dx: mulElementwise(dOut, dOutdX) };
}

/**
 * Tanh forward: out = tanh(x).
 *
 * @param x [N, H]
 * @returns `{ out, cache }` with out [N, H] in (−1, 1)
 */
export function tanhForward(x: Matrix): ActivationResult {
  const out = mapMatrix(x, Math.tanh);
  return { out, cache: { kind: "tanh", x, out, alpha: 0 } };
}

/**
 * Tanh backward: dx = dOut ⊙ (1 − tanh²(x)).
 *
 * @param dOut [N, H]
 * @param cache from tanhForward
 * @returns `{ dx }` [N, H]
 */
export function tanhBackward(dOut: Matrix, cache: ActivationCache): { dx: Matrix } {
  const dOutdX = mapMatrix(cache.out, (t) => 1 - t * t); // tanh'(x) = 1 − tanh²(x)   [N, H]
  return { dx: mulElementwise(dOut, dOutdX) };
}

/**
 * ReLU forward: out = max(0, x).
 *
 * @param x [N, H]
 * @returns `{ out, cache }` with out [N, H]
 */
export function reluForward(x: Matrix): ActivationResult {
  const out = mapMatrix(x, (v) => (v > 0 ? v : 0));
  return { out, cache: { kind: "relu", x, out, alpha: 0 } };
}

/**
 * ReLU backward: dx = dOut where x > 0, else 0 (the subgradient at 0 is taken as 0).
 *
 * @param dOut [N, H]
 * @param cache from reluForward
 * @returns `{ dx }` [N, H]
 */
export function reluBackward(dOut: Matrix, cache: ActivationCache): { dx: Matrix } {
  const dOutdX = mapMatrix(cache.x, (v) => (v > 0 ? 1 : 0)); // [N, H]
  return { dx: mulElementwise(dOut, dOutdX) };
}

/**
 * Leaky ReLU forward: out = x for x > 0, alpha·x otherwise.
 *
 * @param x [N, H]
 * @param alpha negative slope
 * @returns `{ out, cache }` with out [N, H]
 */
export function leakyReluForward(x: Matrix, alpha = LEAKY_SLOPE): ActivationResult {
  const out = mapMatrix(x, (v) => (v > 0 ? v : alpha * v));
  return { out, cache: { kind: "leakyRelu", x, out, alpha } };
}

/**
 * Leaky ReLU backward: dx = dOut where x > 0, alpha·dOut otherwise.
 *
 * @param dOut [N, H]
 * @param cache from leakyReluForward
 * @returns `{ dx }` [N, H]
 */
export function leakyReluBackward(dOut: Matrix, cache: ActivationCache): { dx: Matrix } {
  const dOutdX = mapMatrix(cache.x, (v) => (v > 0 ? 1 : cache.alpha)); // [N, H]
  return { dx: mulElementwise(dOut, dOutdX) };
}

/**
 * Any activation's forward pass, chosen by name (what the MLP calls).
 *
 * @param kind which activation
 * @param x [N, H]
 * @param alpha negative slope for leaky ReLU
 * @returns `{ out, cache }` with out [N, H]
 * @throws {TypeError} for an unknown name
 * @example
 * ```ts
 * import { activationForward } from "./activations.ts";
 * import { fromRows } from "./matrix.ts";
 * console.log(activationForward("relu", fromRows([[-1, 2]])).out.data); // Float64Array [0, 2]
 * ```
 */
export function activationForward(
  kind: Activation,
  x: Matrix,
  alpha = LEAKY_SLOPE,
): ActivationResult {
  switch (kind) {
    case "sigmoid":
      return sigmoidForward(x);
    case "tanh":
      return tanhForward(x);
    case "relu":
      return reluForward(x);
    case "leakyRelu":
      return leakyReluForward(x, alpha);
    default:
      throw new TypeError(
        `activationForward: unknown activation "${kind}", expected one of ${ACTIVATIONS}`,
      );
  }
}

/**
 * Any activation's backward pass; the cache says which one.
 *
 * @param dOut [N, H]
 * @param cache from activationForward (or a specific forward)
 * @returns `{ dx }` [N, H]
 */
export function activationBackward(dOut: Matrix, cache: ActivationCache): { dx: Matrix } {
  switch (cache.kind) {
    case "sigmoid":
      return sigmoidBackward(dOut, cache);
    case "tanh":
      return tanhBackward(dOut, cache);
    case "relu":
      return reluBackward(dOut, cache);
    case "leakyRelu":
      return leakyReluBackward(dOut, cache);
  }
}
