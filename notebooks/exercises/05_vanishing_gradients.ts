// deno-lint-ignore-file no-unused-vars -- stubs: the parameters and helpers are for you to use
/**
 * Exercises of notebook 05 (vanishing and exploding gradients): how ‖∂L/∂h_t‖ changes as BPTT
 * walks back through a tanh RNN, and gradient clipping by global norm. Pure float64 code; fill in
 * each body, save, and re-run the check cell; `deno task grade 05` grades this file.
 * @module
 */
import { matmul, type Matrix, matrix, transpose } from "../../lib/scratch/mod.ts";
import { NotImplementedError } from "../../lib/util/errors.ts";

/**
 * Exercise 05.1 — ‖∂L/∂h_t‖ at every step of a tanh RNN, for a loss on the last step only.
 *
 * The RNN ran h_t = tanh(x_t·Wx + h_{t−1}·Wh + b) over one sequence (N = 1) and you are given its
 * hidden states. The loss reads h_{T−1} only, with ∂L/∂h_{T−1} = dLast.
 *
 * @param Wh recurrent weights [H, H] (row vectors times Wh, as in notebook 04)
 * @param hs the hidden states, row t = h_t // [T, H]
 * @param dLast ∂L/∂h_{T−1} // [H]
 * @returns norms [T]: norms[t] = ‖∂L/∂h_t‖ (Euclidean), so norms[T−1] = ‖dLast‖
 *
 * Invariants: the inputs are not changed; with every h_t = 0 (the tanh at its steepest) the
 * result is the linear RNN's ‖dLast·(Whᵀ)^(T−1−t)‖; no entry exceeds ‖dLast‖·σ_max(Wh)^(T−1−t).
 * Derive one step back, ∂L/∂h_{t−1} from ∂L/∂h_t, in the notebook first (which h does the tanh
 * derivative of step t use?). Reading: Pascanu, Mikolov & Bengio (2013), §2.
 */
export function bpttGradNorms(Wh: Matrix, hs: Matrix, dLast: Float64Array): number[] {
  // YOUR CODE HERE
  throw new NotImplementedError("05.1-bptt-grad-norms");
}

/**
 * Exercise 05.2 — clip gradients by their global norm (Pascanu et al. 2013, Algorithm 1; PyTorch's
 * `clip_grad_norm_`).
 *
 * @param grads name → gradient values, e.g. { dWx, dWh, db } (not changed)
 * @param maxNorm the largest allowed global norm, > 0
 * @returns `{ grads, norm }`: new arrays under the same names, and the global norm of the input
 *   gradients, measured before clipping (what a training loop logs)
 *
 * Contract: the global norm is the norm of all the gradients taken together, as one long vector.
 * If it is at most maxNorm, the gradients come back unchanged; otherwise they come back with
 * global norm exactly maxNorm and the same direction as before (so one factor for all of them).
 * Zero gradients stay zero. Reading: Pascanu, Mikolov & Bengio (2013), §3.2.
 */
export function clipByGlobalNorm(
  grads: Record<string, Float64Array>,
  maxNorm: number,
): { grads: Record<string, Float64Array>; norm: number } {
  // YOUR CODE HERE
  throw new NotImplementedError("05.2-clip-by-global-norm");
}
