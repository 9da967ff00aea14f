/**
 * Adam (Kingma & Ba 2015, Algorithm 1) on plain Float64Arrays, as a pure function of cloneable
 * data: a state in, a new state out. Notebook 02 uses it to show what bias correction does to the
 * first steps; the checks of exercise 02.3 use it as the reference. lib/train/optimizers.ts is
 * the tfjs version the Trainer runs (the same update, PyTorch's placement of ε).
 * @module
 */

/** Adam's state: the two moment estimates and the number of steps taken so far. */
export interface AdamState {
  /** first-moment estimate (running mean of g) [P] */
  m: Float64Array;
  /** second-moment estimate (running mean of g²) [P] */
  v: Float64Array;
  /** steps taken so far (0 before the first step) */
  t: number;
}

/** Adam's hyperparameters. */
export interface AdamOptions {
  /** learning rate α */
  lr: number;
  /** decay of the first moment β₁ (Kingma & Ba: 0.9) */
  beta1: number;
  /** decay of the second moment β₂ (Kingma & Ba: 0.999) */
  beta2: number;
  /** ε, added to √v̂ (Kingma & Ba: 1e-8) */
  eps: number;
  /** divide the moments by 1 − βᵗ (default true; false shows what the correction is for) */
  biasCorrection?: boolean;
}

/** Kingma & Ba's default hyperparameters with learning rate `lr`. */
export function adamDefaults(lr = 1e-3): AdamOptions {
  return { lr, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
}

/**
 * A fresh state for P parameters: zero moments, no steps taken.
 *
 * @param p the number of parameters P
 * @returns `{ m: zeros [P], v: zeros [P], t: 0 }`
 * @throws {RangeError} if p is not a non-negative integer
 */
export function adamInit(p: number): AdamState {
  if (!Number.isInteger(p) || p < 0) {
    throw new RangeError(`adamInit: P must be a non-negative integer, got ${p}`);
  }
  return { m: new Float64Array(p), v: new Float64Array(p), t: 0 };
}

/**
 * One Adam step: t ← t + 1; m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
 * m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ); θ ← θ − α·m̂ / (√v̂ + ε). Nothing passed in is changed.
 *
 * @param params θ [P]
 * @param grads g = ∂L/∂θ [P]
 * @param state m [P], v [P] and t from the previous step (or {@linkcode adamInit})
 * @param opts α, β₁, β₂, ε
 * @returns the new parameters [P] and the new state
 * @throws {RangeError} if the lengths differ
 * @example With a constant gradient, every bias-corrected step moves θ by about α
 * ```ts
 * import { adamDefaults, adamInit, adamStep } from "./adam.ts";
 * let params: Float64Array = Float64Array.of(1), state = adamInit(1);
 * for (let i = 0; i < 3; i++) {
 *   ({ params, state } = adamStep(params, Float64Array.of(0.5), state, adamDefaults(0.1)));
 * }
 * console.log(params[0].toFixed(4), state.t); // "0.7000" 3
 * ```
 */
export function adamStep(
  params: Float64Array,
  grads: ArrayLike<number>,
  state: AdamState,
  opts: AdamOptions,
): { params: Float64Array; state: AdamState } {
  const p = params.length;
  if (grads.length !== p || state.m.length !== p || state.v.length !== p) {
    throw new RangeError(
      `adamStep: params [${p}], grads [${grads.length}], m [${state.m.length}] and ` +
        `v [${state.v.length}] must have the same length`,
    );
  }
  const { lr, beta1, beta2, eps } = opts;
  const t = state.t + 1; // this step's number: 1 on the first step
  const correct = opts.biasCorrection ?? true;
  const c1 = correct ? 1 - beta1 ** t : 1, c2 = correct ? 1 - beta2 ** t : 1;
  const m = new Float64Array(p), v = new Float64Array(p), next = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    m[i] = beta1 * state.m[i] + (1 - beta1) * grads[i];
    v[i] = beta2 * state.v[i] + (1 - beta2) * grads[i] * grads[i];
    next[i] = params[i] - (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + eps);
  }
  return { params: next, state: { m, v, t } };
}
