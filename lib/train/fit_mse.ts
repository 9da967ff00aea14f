/**
 * Full-batch gradient descent on the scratch MLP with the mean squared error: notebook 01's "the
 * same backward pass trains a network" (fitting a noisy sine), written once here instead of in
 * the notebook. Every step is forward, loss, backward and θ ← θ − lr·∂L/∂θ on all N examples.
 * @module
 */
import { type Matrix, type Mlp, mlpBackward, mlpForward, mse, sgdStep } from "../scratch/mod.ts";

/** Options of {@linkcode fitMse}. */
export interface FitMseOptions {
  /** learning rate, > 0 */
  lr: number;
  /** full-batch updates, a non-negative integer */
  steps: number;
}

/**
 * Fit a scratch MLP to (x, y) by full-batch gradient descent on the mean squared error, updating
 * the model in place.
 *
 * @param model the scratch MLP (its weights change)
 * @param x inputs [N, D]
 * @param y targets [N, K] (K = the model's output size)
 * @param opts learning rate and number of steps
 * @returns the loss before each update [steps] (`NaN` entries once the run diverges)
 * @throws {RangeError} if x and y have different N, or lr/steps are invalid
 * @example Fit y = 2x on four points
 * ```ts
 * import { createMlp, matrix } from "../scratch/mod.ts";
 * import { fitMse } from "./fit_mse.ts";
 * const model = createMlp({ sizes: [1, 8, 1], activation: "tanh", seed: 1 });
 * const x = matrix(4, 1, [-1, -0.5, 0.5, 1]), y = matrix(4, 1, [-2, -1, 1, 2]);
 * const losses = fitMse(model, x, y, { lr: 0.05, steps: 500 });
 * console.log(losses.at(-1)! < losses[0] / 10); // true
 * ```
 */
export function fitMse(model: Mlp, x: Matrix, y: Matrix, opts: FitMseOptions): number[] {
  if (x.shape[0] !== y.shape[0]) {
    throw new RangeError(`fitMse: x has ${x.shape[0]} rows but y has ${y.shape[0]}`);
  }
  if (!(opts.lr > 0)) throw new RangeError(`fitMse: lr must be > 0, got ${opts.lr}`);
  if (!Number.isInteger(opts.steps) || opts.steps < 0) {
    throw new RangeError(`fitMse: steps must be a non-negative integer, got ${opts.steps}`);
  }
  const losses: number[] = [];
  for (let step = 0; step < opts.steps; step++) {
    const { out, cache } = mlpForward(model, x); //         ŷ [N, K]
    const { loss, dPred } = mse(out, y); //                  L, ∂L/∂ŷ [N, K]
    sgdStep(model, mlpBackward(dPred, cache).grads, opts.lr); // θ ← θ − lr·∂L/∂θ
    losses.push(loss);
  }
  return losses;
}
