/**
 * A planted mistake for 02.3: Adam uses the raw moments m and v, without dividing by 1 − βᵗ.
 * @module
 */
import type { AdamState } from "../../../lib/scratch/mod.ts";

/** Adam step with the mistake above. */
export function adamStep(
  params: Float64Array,
  grads: Float64Array,
  state: AdamState,
  opts: { lr: number; beta1: number; beta2: number; eps: number },
): { params: Float64Array; state: AdamState } {
  const { lr, beta1, beta2, eps } = opts;
  const c1 = 1, c2 = 1; // no division by 1 − βᵗ
  const m = state.m.map((mi, i) => beta1 * mi + (1 - beta1) * grads[i]);
  const v = state.v.map((vi, i) => beta2 * vi + (1 - beta2) * grads[i] ** 2);
  const next = params.map((p, i) => p - (lr * m[i] / c1) / (Math.sqrt(v[i] / c2) + eps));
  return { params: next, state: { m, v, t: state.t + 1 } };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "02.3-adam-step": /bias correction/,
};
