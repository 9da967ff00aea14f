// deno-lint-ignore-file no-unused-vars -- the stubs ignore their arguments until solved
/**
 * Exercises of notebook 03 (backpropagation through layers and its pitfalls): the per-layer
 * statistics that reveal saturated and dead units, a numeric gradient checker, and the
 * initialisation scale that keeps the signal's variance level through (leaky) ReLU layers. Fill in each
 * body, save, and re-run the check cell in the notebook; `deno task grade 03` grades this file
 * (with hidden checks too). Plain TypeScript on Float64Arrays: no tfjs.
 * @module
 */
import type { Activation, Matrix } from "../../lib/scratch/mod.ts";
import { NotImplementedError } from "../../lib/util/errors.ts";

/**
 * Statistics of one hidden layer's activations a [N, H] (N examples, H units):
 *   mean, std: over all N·H values (the population std, dividing by N·H);
 *   saturated: the fraction of values in the flat tails of the activation, where its derivative
 *     is almost 0: |a| > 0.99 for "tanh"; a < 0.01 or a > 0.99 for "sigmoid"; 0 for the ReLUs;
 *   dead: for "relu", the fraction of UNITS (columns) that output exactly 0 for every example;
 *     0 for the other activations.
 *
 * Hint: a ReLU output of 0 on one example is normal (about half of them are). A unit is dead when
 * its whole column is 0: then its gradient is 0 on every example and it never learns again.
 *
 * @param a activations [N, H]
 * @param activation which function produced them
 * @returns `{ mean, std, saturated, dead }`, each a number (saturated and dead in [0, 1])
 * @see notebook 03, "Dead ReLUs after one big step"; Karpathy, "Yes you should understand
 *   backprop" (2016)
 */
export function layerStats(
  a: Matrix,
  activation: Activation,
): { mean: number; std: number; saturated: number; dead: number } {
  // YOUR CODE HERE
  throw new NotImplementedError("03.1-layer-stats");
}

/**
 * Check an analytic gradient against a numeric one (CS231n's gradient check).
 *
 * For each parameter i, estimate ∂f/∂pᵢ by the centred difference
 *   numeric[i] = (f(p + h·eᵢ) − f(p − h·eᵢ)) / 2h
 * where eᵢ is the i-th unit vector, then compare it with analytic[i] by the relative error
 *   relErrors[i] = |analytic[i] − numeric[i]| / max(|analytic[i]| + |numeric[i]|, 1e-8).
 *
 * Hint: give f a fresh copy of p with one entry moved (`const q = p.slice(); q[i] += h;`), so
 * p itself never changes. A one-sided difference (f(p + h) − f(p)) / h is only accurate to O(h);
 * the centred one is accurate to O(h²). The 1e-8 floor keeps 0/0 out when both gradients are 0.
 *
 * @param f a scalar function of the parameters, pure in its argument
 * @param p the point [P] (not changed)
 * @param analytic the gradient to check [P]
 * @param h the step (default 1e-5)
 * @returns `{ numeric, relErrors, maxRelError }`: numeric [P], relErrors [P], and their maximum
 * @see notebook 03, "Checking gradients through many layers"; CS231n notes, "Gradient checks"
 *   (https://cs231n.github.io/neural-networks-3/#gradcheck)
 */
export function gradCheck(
  f: (p: Float64Array) => number,
  p: Float64Array,
  analytic: ArrayLike<number>,
  h = 1e-5,
): { numeric: Float64Array; relErrors: Float64Array; maxRelError: number } {
  // YOUR CODE HERE
  throw new NotImplementedError("03.2-grad-check");
}

/**
 * The standard deviation of a layer's initial weights that keeps the variance of the
 * pre-activations the same from one layer to the next, through a leaky ReLU (He et al. 2015).
 *
 * Contract:
 * - setting: a layer computes z' = f(z)·W, where z [N, fanIn] are the previous layer's
 *   pre-activations (zero mean, symmetric about 0, variance q, independent of W), f is the leaky
 *   ReLU f(u) = u for u > 0 and α·u otherwise, and W [fanIn, fanOut] has independent zero-mean
 *   entries with standard deviation σ;
 * - inputs: `fanIn`, a positive integer; `negativeSlope` α in [0, 1] (α = 0 is the ReLU, α = 1
 *   the identity, i.e. a linear layer);
 * - output: σ > 0 such that Var(z') = q for every q (the standard deviation, not the variance);
 * - invariants: the answer does not depend on q or fanOut; it shrinks as fanIn grows.
 *
 * Notebook 03, "Deriving the initialisation scale", sets up Var(z') in terms of σ and E[f(z)²];
 * computing E[f(z)²] for the leaky ReLU and solving for σ is the exercise.
 *
 * @param fanIn inputs per unit
 * @param negativeSlope α, the leaky ReLU's slope for negative inputs
 * @returns σ, the weights' standard deviation
 * @see K. He, X. Zhang, S. Ren, J. Sun (2015), "Delving deep into rectifiers", section 2.2
 *   (https://arxiv.org/abs/1502.01852)
 */
export function preservingStd(fanIn: number, negativeSlope: number): number {
  // YOUR CODE HERE
  throw new NotImplementedError("03.3-preserving-std");
}
