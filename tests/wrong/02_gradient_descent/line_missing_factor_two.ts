/**
 * A planted mistake for 02.2: the gradient forgets the factor 2 that the derivative of the square brings down.
 * @module
 */

/** Line-model loss and gradient with the mistake above. */
export function lineLossAndGrad(
  w: number,
  b: number,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): { loss: number; dw: number; db: number } {
  const n = x.length;
  let loss = 0, dw = 0, db = 0;
  for (let i = 0; i < n; i++) {
    const r = w * x[i] + b - y[i];
    loss += (r * r) / n;
    dw += (r * x[i]) / n; // d(r²)/dr is 2r, not r
    db += r / n;
  }
  return { loss, dw, db };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "02.2-line-gradient": /factor 2/,
};
