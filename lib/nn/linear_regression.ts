/**
 * Notebook 02's two-parameter model, linear regression ŷ = w·x + b with the mean squared error, in
 * tfjs (for `trainDescent`) and in plain float64 (for the loss-surface contour and the exact
 * least-squares optimum). With only (w, b) to learn, every descent path can be drawn on the
 * contour plot of L(w, b).
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { RegressionData } from "../tasks/toy_data.ts";
import { tfMse } from "./tf_losses.ts";

/** ŷ = w·x + b with two scalar tfjs variables; call `dispose()` when done. */
export class LinearRegression {
  /** the slope */
  readonly w: tf.Variable;
  /** the intercept */
  readonly b: tf.Variable;

  /**
   * Make the model at a starting point.
   *
   * @param init the starting point (default w = −1, b = 3, far enough from the usual optimum that
   *   the descent paths are long)
   * @example
   * ```ts
   * import { LinearRegression } from "./linear_regression.ts";
   * const model = new LinearRegression({ w: 0, b: 0 });
   * console.log(model.params()); // [0, 0]
   * model.dispose();
   * ```
   */
  constructor(init: { w?: number; b?: number } = {}) {
    // tidy frees the scalars the variables are copied from (variables survive it)
    [this.w, this.b] = tf.tidy(() => [
      tf.variable(tf.scalar(init.w ?? -1)),
      tf.variable(tf.scalar(init.b ?? 3)),
    ]);
  }

  /** [w, b], the variables `trainDescent` updates. */
  get variables(): tf.Variable[] {
    return [this.w, this.b];
  }

  /** The current [w, b] as numbers. */
  params(): [number, number] {
    return [this.w.dataSync()[0], this.b.dataSync()[0]];
  }

  /**
   * Predictions ŷ = w·x + b. Call inside tf.tidy.
   *
   * @param x [N, 1]
   * @returns [N, 1]
   */
  predict(x: tf.Tensor): tf.Tensor2D {
    return tf.add(tf.mul(x, this.w), this.b) as tf.Tensor2D;
  }

  /**
   * Mean squared error on a batch. Call inside tf.tidy or a gradient function.
   *
   * @param x [N, 1]
   * @param y [N, 1]
   * @returns a scalar
   */
  loss(x: tf.Tensor2D, y: tf.Tensor): tf.Scalar {
    return tfMse(this.predict(x), y);
  }

  /** Free both variables. */
  dispose(): void {
    this.w.dispose();
    this.b.dispose();
  }
}

/**
 * The mean squared error of ŷ = w·x + b on a data set, in float64 without tfjs.
 *
 * @param data x [N, 1], y [N, 1]
 * @param w slope
 * @param b intercept
 * @returns L(w, b)
 */
export function linearLoss(data: RegressionData, w: number, b: number): number {
  const { x, y } = data;
  let sum = 0;
  for (let i = 0; i < x.data.length; i++) sum += (w * x.data[i] + b - y.data[i]) ** 2;
  return sum / x.data.length;
}

/**
 * L(w, b) on a grid, laid out for a contour plot (`z[i][j]` is the loss at b[i], w[j]).
 *
 * @param data x [N, 1], y [N, 1]
 * @param wRange [lo, hi] for w
 * @param bRange [lo, hi] for b
 * @param steps grid points per axis (default 60)
 * @returns `{ w, b, loss }`: w [steps], b [steps], loss [steps][steps]
 * @throws {RangeError} if steps < 2
 * @example
 * ```ts
 * import { linearLossGrid } from "./linear_regression.ts";
 * import { makeLine } from "../tasks/toy_data.ts";
 * const grid = linearLossGrid(makeLine(), [-2, 5], [-4, 4], 30);
 * console.log(grid.loss.length, grid.loss[0].length); // 30 30
 * ```
 */
export function linearLossGrid(
  data: RegressionData,
  wRange: [number, number],
  bRange: [number, number],
  steps = 60,
): { w: number[]; b: number[]; loss: number[][] } {
  if (!Number.isInteger(steps) || steps < 2) {
    throw new RangeError(`linearLossGrid: steps must be an integer ≥ 2, got ${steps}`);
  }
  const axis = ([lo, hi]: [number, number]) =>
    Array.from({ length: steps }, (_, k) => lo + ((hi - lo) * k) / (steps - 1));
  const w = axis(wRange), b = axis(bRange);
  const loss = b.map((bi) => w.map((wj) => linearLoss(data, wj, bi)));
  return { w, b, loss };
}

/**
 * The exact minimiser of the MSE (ordinary least squares), for a marker on the contour plot.
 *
 * @param data x [N, 1], y [N, 1]
 * @returns `{ w, b, loss }` at the optimum
 * @throws {RangeError} if all x are equal (the optimum is not unique)
 */
export function leastSquares(data: RegressionData): { w: number; b: number; loss: number } {
  const x = data.x.data, y = data.y.data, n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n, my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  if (sxx === 0) throw new RangeError("leastSquares: all x are equal, so w is not determined");
  const w = sxy / sxx, b = my - w * mx;
  return { w, b, loss: linearLoss(data, w, b) };
}
