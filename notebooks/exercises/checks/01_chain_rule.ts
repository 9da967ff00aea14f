/**
 * Visible checks of notebook 01's exercises; the check cell after each exercise runs them, and
 * `deno task grade 01` runs them (plus hidden ones from tests/grading/) in a sandbox. Expected
 * values come from numeric gradients of the forward functions in lib/scratch, never from a
 * solution. Sizes all differ (N = 2, D = 4, H = 5) so a transposed answer fails loudly.
 * @module
 */
import { type Exercise, expectClose, expectShape, expectTrue } from "../../../lib/grading/mod.ts";
import {
  type DenseCache,
  denseForward,
  type Matrix,
  matrix,
  numericGradient,
  numericGradientArray,
} from "../../../lib/scratch/mod.ts";
import { Rng } from "../../../lib/util/rng.ts";

/** The student's dense backward. */
export type DenseBackward = (
  dOut: Matrix,
  cache: DenseCache,
) => { dx: Matrix; dW: Matrix; db: Float64Array };

/** The student's softmax cross-entropy. */
export type SoftmaxCrossEntropy = (
  logits: Matrix,
  labels: ArrayLike<number>,
) => { loss: number; dLogits: Matrix };

/** A seeded random [rows, cols] matrix. */
export function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  return matrix(rows, cols, new Rng(seed).normalArray(rows * cols));
}

/** A dense layer's forward cache and an upstream gradient, seeded. */
export function denseCase(n: number, d: number, h: number, seed: number) {
  const x = randomMatrix(n, d, seed), W = randomMatrix(d, h, seed + 1); // [N, D], [D, H]
  const b = randomMatrix(1, h, seed + 2).data; // [H]
  const dOut = randomMatrix(n, h, seed + 3); // [N, H]
  return { cache: { x, W, b }, dOut };
}

/** The numeric gradients of Σ denseForward(x, W, b) ⊙ dOut with respect to x, W and b. */
export function denseNumeric(cache: DenseCache, dOut: Matrix) {
  const { x, W, b } = cache;
  const at = (m: Matrix, p: Float64Array) => matrix(m.shape[0], m.shape[1], p);
  return {
    dx: numericGradientArray((p) => denseForward(at(x, p), W, b).out.data, x.data, dOut.data),
    dW: numericGradientArray((p) => denseForward(x, at(W, p), b).out.data, W.data, dOut.data),
    db: numericGradientArray((p) => denseForward(x, W, p).out.data, b, dOut.data),
  };
}

/** Exercise 01.1: the backward pass of a dense layer. */
export const denseBackwardExercise: Exercise<DenseBackward> = {
  id: "01.1-dense-backward",
  fn: "denseBackward",
  title: "Dense layer backward",
  checks: [
    {
      name: "shapes (N=2, D=4, H=5)",
      points: 1,
      run: (f) => {
        const { cache, dOut } = denseCase(2, 4, 5, 1);
        const { dx, dW, db } = f(dOut, cache);
        expectShape("dx", dx, [2, 4]);
        expectShape("dW", dW, [4, 5]);
        expectShape("db", db, [5]);
      },
    },
    {
      name: "dx equals the numeric gradient",
      points: 2,
      run: (f) => {
        const { cache, dOut } = denseCase(2, 4, 5, 11);
        const { dx } = f(dOut, cache);
        expectShape("dx", dx, [2, 4]);
        expectClose("dx", dx, denseNumeric(cache, dOut).dx, 1e-7);
      },
    },
    {
      name: "dW and db equal the numeric gradients",
      points: 2,
      run: (f) => {
        const { cache, dOut } = denseCase(2, 4, 5, 21);
        const { dW, db } = f(dOut, cache);
        const num = denseNumeric(cache, dOut);
        expectShape("dW", dW, [4, 5]);
        expectClose("dW", dW, num.dW, 1e-7);
        expectShape("db", db, [5]);
        expectClose("db", db, num.db, 1e-7);
      },
    },
  ],
};

/** Mean softmax cross-entropy, written out for the checks (float64, via log-sum-exp). */
export function crossEntropyLoss(logits: Matrix, labels: ArrayLike<number>): number {
  const c = logits.shape[1];
  let loss = 0;
  for (let i = 0; i < labels.length; i++) {
    const row = logits.data.subarray(i * c, (i + 1) * c);
    const max = Math.max(...row);
    const logSum = max + Math.log(row.reduce((s, v) => s + Math.exp(v - max), 0));
    loss += logSum - row[labels[i]]; // −log softmax(row)[yᵢ]
  }
  return loss / labels.length;
}

/** Exercise 01.2: softmax cross-entropy and its gradient. */
export const softmaxCrossEntropyExercise: Exercise<SoftmaxCrossEntropy> = {
  id: "01.2-softmax-cross-entropy",
  fn: "softmaxCrossEntropy",
  title: "Softmax cross-entropy gradient",
  checks: [
    {
      name: "uniform scores give log C",
      points: 1,
      run: (f) => {
        const { loss } = f(matrix(2, 5), [0, 4]);
        expectClose("loss of all-zero logits [2, 5]", loss, Math.log(5));
      },
    },
    {
      name: "loss and dLogits equal the numeric gradient (N=3, C=5)",
      points: 2,
      run: (f) => {
        const logits = randomMatrix(3, 5, 7), labels = [4, 0, 2];
        const { loss, dLogits } = f(logits, labels);
        expectClose("loss", loss, crossEntropyLoss(logits, labels));
        expectShape("dLogits", dLogits, [3, 5]);
        const num = numericGradient((p) => crossEntropyLoss(matrix(3, 5, p), labels), logits.data);
        expectClose("dLogits", dLogits, num, 1e-6);
      },
    },
    {
      name: "large logits stay finite",
      points: 1,
      run: (f) => {
        const logits = matrix(2, 3, [1000, 1001, 1002, -1000, 0, 1000]);
        const { loss, dLogits } = f(logits, [2, 1]);
        expectTrue(
          Number.isFinite(loss) && dLogits.data.every(Number.isFinite),
          `logits like 1000 gave loss ${loss}: exp overflowed; subtract each row's max first`,
        );
        expectClose("loss for logits near 1000", loss, crossEntropyLoss(logits, [2, 1]));
      },
    },
  ],
};
