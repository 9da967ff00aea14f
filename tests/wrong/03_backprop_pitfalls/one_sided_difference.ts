/**
 * A planted mistake for 03.2-grad-check: a one-sided (forward) difference: accurate only to O(h).
 * @module
 */
/** A one-sided (forward) difference: accurate only to O(h). */
export function gradCheck(
  f: (p: Float64Array) => number,
  p: Float64Array,
  analytic: ArrayLike<number>,
  h = 1e-5,
): { numeric: Float64Array; relErrors: Float64Array; maxRelError: number } {
  const f0 = f(p.slice());
  const numeric = new Float64Array(p.length), relErrors = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const q = p.slice();
    q[i] += h;
    numeric[i] = (f(q) - f0) / h;
    const a = analytic[i];
    relErrors[i] = Math.abs(a - numeric[i]) / Math.max(Math.abs(a) + Math.abs(numeric[i]), 1e-8);
  }
  return { numeric, relErrors, maxRelError: Math.max(0, ...relErrors) };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "03.2-grad-check": /one-sided/,
};
