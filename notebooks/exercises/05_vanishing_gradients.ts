// deno-lint-ignore-file no-unused-vars -- stubs: the parameters and helpers are for you to use
/**
 * Exercises of notebook 05 (vanishing and exploding gradients): how fast ‖∂L/∂h_t‖ shrinks or
 * grows in a linear RNN, and gradient clipping by global norm. Pure float64 code; fill in each
 * body, save, and re-run the check cell; `deno task grade 05` grades this file.
 * @module
 */
import { matmul, type Matrix, matrix, transpose } from "../../lib/scratch/mod.ts";
import { NotImplementedError } from "../../lib/util/errors.ts";

/**
 * Exercise 05.1 — gradient norms per step in a linear RNN, h_t = h_{t−1}·Wh + x_t·Wx.
 *
 * For one sequence with a loss on the last step only, given dLast = ∂L/∂h_{T−1} [H], BPTT sends
 * the gradient back one step at a time: ∂L/∂h_{t−1} = ∂L/∂h_t · Whᵀ (row vectors; no tanh here).
 * Return ‖∂L/∂h_t‖ (the Euclidean norm) for every t = 0..T−1, so result[T−1] = ‖dLast‖ and
 * result[t] = ‖dLast · (Whᵀ)^(T−1−t)‖.
 *
 * @param Wh recurrent weights [H, H]
 * @param dLast ∂L/∂h_{T−1} [H]
 * @param T number of time steps, ≥ 1
 * @returns norms [T], index t = time step
 *
 * Hint: keep dh as a Matrix [1, H] and multiply by transpose(Wh) T−1 times, filling the result
 * from the end. For Wh = ρ·Q with Q orthogonal you should get ρ^(T−1−t)·‖dLast‖ exactly.
 * Reading: Pascanu, Mikolov & Bengio (2013), "On the difficulty of training RNNs", §2.
 */
export function linearGradNorms(Wh: Matrix, dLast: Float64Array, T: number): number[] {
  // YOUR CODE HERE
  throw new NotImplementedError("05.1-linear-grad-norms");
}

/**
 * Exercise 05.2 — clip gradients by their global norm, in place.
 *
 * ‖g‖ = √(Σ over every array, Σ over its entries, g²) is the norm of all the gradients taken
 * together. If ‖g‖ > maxNorm, multiply EVERY entry of every array by maxNorm / ‖g‖ (so the
 * direction of the update is kept); otherwise leave them alone. Return ‖g‖ from before clipping.
 *
 * @param grads name → gradient array, e.g. { dWx, dWh, db }, changed in place
 * @param maxNorm the largest allowed global norm, > 0
 * @returns the global norm before clipping
 *
 * Hint: two passes: sum the squares of everything, then scale everything by one factor. Clipping
 * each array to maxNorm separately is a different (and wrong) rule.
 * Reading: Pascanu, Mikolov & Bengio (2013), §3.2, Algorithm 1.
 */
export function clipByGlobalNorm(grads: Record<string, Float64Array>, maxNorm: number): number {
  // YOUR CODE HERE
  throw new NotImplementedError("05.2-clip-by-global-norm");
}
