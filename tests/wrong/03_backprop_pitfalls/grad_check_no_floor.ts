/**
 * A planted mistake for 03.2: the relative error divides by |a| + |n| without the 1e-8 floor, so
 * a parameter whose analytic and numeric gradients are both 0 gets 0/0 = NaN.
 * @module
 */

/** Gradient check without the floor on the denominator. */
export function gradCheck(
  f: (p: Float64Array) => number,
  p: Float64Array,
  analytic: ArrayLike<number>,
  h = 1e-5,
): { numeric: Float64Array; relErrors: Float64Array; maxRelError: number } {
  const numeric = new Float64Array(p.length), relErrors = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const plus = p.slice(), minus = p.slice();
    plus[i] += h;
    minus[i] -= h;
    numeric[i] = (f(plus) - f(minus)) / (2 * h);
    relErrors[i] = Math.abs(analytic[i] - numeric[i]) /
      (Math.abs(analytic[i]) + Math.abs(numeric[i]));
  }
  return { numeric, relErrors, maxRelError: Math.max(0, ...relErrors) };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "03.2-grad-check": /floor/,
};
