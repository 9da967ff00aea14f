/**
 * A planted mistake for 02.2: the gradient sums the examples' gradients instead of averaging them, although the loss is a mean.
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
    dw += 2 * r * x[i]; // no 1/N
    db += 2 * r; // no 1/N
  }
  return { loss, dw, db };
}

/** Which exercise this file must fail, and a pattern the failing check's hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "02.2-line-gradient": /sum over the batch/,
};
