/**
 * A numeric gradient checker: centred differences (f(p + h·eᵢ) − f(p − h·eᵢ)) / 2h in float64 and
 * CS231n's relative error |a − b| / max(|a| + |b|, 1e-8). It only needs a function
 * f(params: Float64Array) => number, so it checks scratch code and tfjs code alike (the caller wraps
 * a tfjs loss to read its scalar back). Unlike CS231n's `eval_numerical_gradient`, f gets a fresh
 * copy for every evaluation and never sees a shared array change under it. Taught in notebook 01.
 *
 * Accuracy: the two-point difference errs by about h²·f‴/6 (truncation) plus ε·|f|/h (rounding,
 * ε ≈ 1e-16), so an entry of the gradient near 1e-5 cannot reach a relative error of 1e-7 at any h.
 * `order: 4` uses the centred five-point stencil (error ∝ h⁴), which allows h ≈ 1e-3 and so
 * ~100× less rounding; keep ReLU kinks farther than 2h from every pre-activation when using it.
 * @module
 */

/** Default step: a good trade-off between truncation (∝ h²) and rounding (∝ ε/h) in float64. */
export const GRAD_CHECK_STEP = 1e-5;

/** Options shared by the checkers. */
export interface GradCheckOptions {
  /** the step (default 1e-5; ~1e-3 with order 4; ~1e-2 for a float32 tfjs function) */
  h?: number;
  /** the pass mark for `ok` (default 1e-7) */
  tol?: number;
  /** 2: (f(p+h) − f(p−h)) / 2h (default); 4: the five-point centred stencil */
  order?: 2 | 4;
}

/** Floor of the relative error's denominator, as in CS231n. */
export const REL_ERROR_TINY = 1e-8;

/**
 * The numeric gradient of a scalar function by centred differences.
 *
 * @param f the function; it must depend only on its argument and must not change it
 * @param p the point [P]
 * @param h the step (use ~1e-5 in float64, ~1e-2 for a float32 tfjs function)
 * @param order 2 (default) or 4, see the module notes
 * @returns df/dp [P]
 * @example d(x² + 3y)/d(x, y) at (2, 1)
 * ```ts
 * import { numericGradient } from "./grad_check.ts";
 * const g = numericGradient((p) => p[0] * p[0] + 3 * p[1], Float64Array.of(2, 1));
 * console.log(Array.from(g, (v) => v.toFixed(6))); // ["4.000000", "3.000000"]
 * ```
 */
export function numericGradient(
  f: (p: Float64Array) => number,
  p: ArrayLike<number>,
  h = GRAD_CHECK_STEP,
  order: 2 | 4 = 2,
): Float64Array {
  const base = Float64Array.from(p);
  const grad = new Float64Array(base.length);
  const at = (i: number, step: number) => { // f at p + step·eᵢ, on a fresh copy
    const q = base.slice();
    q[i] += step;
    return f(q);
  };
  for (let i = 0; i < base.length; i++) {
    // differences first, so an f that does not depend on pᵢ gives exactly 0
    grad[i] = order === 4
      ? (8 * (at(i, h) - at(i, -h)) - (at(i, 2 * h) - at(i, -2 * h))) / (12 * h)
      : (at(i, h) - at(i, -h)) / (2 * h);
  }
  return grad;
}

/**
 * The numeric gradient of Σ f(p) ⊙ dOut for a function with an array output (a layer's forward):
 * what a backward pass given the upstream gradient dOut should return.
 *
 * @param f the function, e.g. (x) => denseForward(asMatrix(x), W, b).out.data
 * @param p the point [P]
 * @param dOut upstream gradient, as long as f's output
 * @param h the step
 * @param order 2 (default) or 4
 * @returns [P]
 * @throws {RangeError} if f's output and dOut differ in length
 */
export function numericGradientArray(
  f: (p: Float64Array) => ArrayLike<number>,
  p: ArrayLike<number>,
  dOut: ArrayLike<number>,
  h = GRAD_CHECK_STEP,
  order: 2 | 4 = 2,
): Float64Array {
  return numericGradient((q) => dot(f(q), dOut, "numericGradientArray"), p, h, order);
}

/** What gradCheck found. */
export interface GradCheckResult {
  /** the largest elementwise relative error */
  maxRelError: number;
  /** where it occurs */
  worstIndex: number;
  /** every elementwise relative error [P] */
  relErrors: Float64Array;
  /** the numeric gradient [P] */
  numeric: Float64Array;
  /** the analytic gradient that was checked [P] */
  analytic: Float64Array;
  /** maxRelError < tol */
  ok: boolean;
}

/**
 * Compare an analytic gradient with the numeric one, elementwise relative error as CS231n.
 *
 * @param f the scalar function, pure in its argument
 * @param p the point [P]
 * @param analytic the gradient to check [P]
 * @param opts h (default 1e-5), tol (default 1e-7), order (default 2)
 * @returns the errors, both gradients and `ok`
 * @throws {RangeError} if analytic and p differ in length
 * @example Catch a wrong derivative
 * ```ts
 * import { gradCheck } from "./grad_check.ts";
 * const f = (p: Float64Array) => Math.sin(p[0]);
 * console.log(gradCheck(f, [0.3], [Math.cos(0.3)]).ok); // true
 * console.log(gradCheck(f, [0.3], [-Math.cos(0.3)]).ok); // false
 * ```
 */
export function gradCheck(
  f: (p: Float64Array) => number,
  p: ArrayLike<number>,
  analytic: ArrayLike<number>,
  opts: GradCheckOptions = {},
): GradCheckResult {
  const { h = GRAD_CHECK_STEP, tol = 1e-7, order = 2 } = opts;
  if (analytic.length !== p.length) {
    throw new RangeError(`gradCheck: p has ${p.length} values but analytic has ${analytic.length}`);
  }
  const numeric = numericGradient(f, p, h, order);
  const a = Float64Array.from(analytic);
  const relErrors = new Float64Array(a.length);
  let maxRelError = 0, worstIndex = -1;
  for (let i = 0; i < a.length; i++) {
    const e = Math.abs(a[i] - numeric[i]) /
      Math.max(Math.abs(a[i]) + Math.abs(numeric[i]), REL_ERROR_TINY);
    relErrors[i] = e;
    if (!(e <= maxRelError)) [maxRelError, worstIndex] = [e, i]; // NaN counts as worst
  }
  return { maxRelError, worstIndex, relErrors, numeric, analytic: a, ok: maxRelError < tol };
}

/**
 * gradCheck for a function with an array output (a layer's forward): checks a backward pass's
 * gradient against the numeric gradient of Σ f(p) ⊙ dOut.
 *
 * @param f the function, pure in its argument, e.g. (W) => denseForward(x, asMatrix(W), b).out.data
 * @param p the point [P]
 * @param dOut upstream gradient, as long as f's output
 * @param analytic the backward pass's gradient for p, given dOut [P]
 * @param opts h, tol, order as for gradCheck
 * @returns as gradCheck
 * @throws {RangeError} if the lengths do not match
 */
export function gradCheckArray(
  f: (p: Float64Array) => ArrayLike<number>,
  p: ArrayLike<number>,
  dOut: ArrayLike<number>,
  analytic: ArrayLike<number>,
  opts: GradCheckOptions = {},
): GradCheckResult {
  return gradCheck((q) => dot(f(q), dOut, "gradCheckArray"), p, analytic, opts);
}

/** Σ a ⊙ b, checking the lengths match. */
function dot(a: ArrayLike<number>, b: ArrayLike<number>, caller: string): number {
  if (a.length !== b.length) {
    throw new RangeError(`${caller}: f returned ${a.length} values but dOut has ${b.length}`);
  }
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * Check many named parameters of a model at once. Each parameter array is perturbed in place,
 * one entry at a time, and restored afterwards (even if loss throws), so `loss` may read the model.
 *
 * @param loss computes the loss from the model's current parameters
 * @param params name → parameter array (views into the model, e.g. mlpParams(model))
 * @param grads "d" + name → analytic gradient (e.g. mlpGradsByName(grads))
 * @param opts h and order as for gradCheck
 * @returns name → max relative error
 * @throws {RangeError} if a gradient is missing or has the wrong length
 * @example
 * ```ts
 * import { gradCheckParams } from "./grad_check.ts";
 * const w = Float64Array.of(1, 2);
 * const errs = gradCheckParams(() => w[0] * w[1], { w }, { dw: Float64Array.of(2, 1) });
 * console.log(errs.w < 1e-7); // true
 * ```
 */
export function gradCheckParams(
  loss: () => number,
  params: Record<string, Float64Array>,
  grads: Record<string, ArrayLike<number>>,
  opts: GradCheckOptions = {},
): Record<string, number> {
  const errors: Record<string, number> = {};
  for (const [name, param] of Object.entries(params)) {
    const grad = grads[`d${name}`];
    if (grad === undefined || grad.length !== param.length) {
      throw new RangeError(`gradCheckParams: d${name} is missing or not of length ${param.length}`);
    }
    const saved = param.slice();
    try {
      errors[name] = gradCheck(
        (q) => {
          param.set(q);
          return loss();
        },
        saved,
        grad,
        opts,
      ).maxRelError;
    } finally {
      param.set(saved);
    }
  }
  return errors;
}
