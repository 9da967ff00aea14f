/**
 * Visible checks of notebook 01's exercises; the check cell after each exercise runs them, and
 * `deno task grade 01` runs them (plus hidden ones from tests/grading/) in a sandbox. Expected
 * values come from numeric gradients of the forward functions in lib/scratch, never from a
 * solution. Sizes all differ (N = 2, D = 4, H = 5) so a transposed answer fails loudly.
 * @module
 */
import {
  type Exercise,
  expectClose,
  expectShape,
  expectTrue,
  type Remote,
} from "../../../lib/grading/mod.ts";
import {
  type DenseCache,
  denseForward,
  type Matrix,
  matrix,
  numericGradient,
  numericGradientArray,
  tanhForward,
} from "../../../lib/scratch/mod.ts";
import { relError } from "../../../lib/util/all_close.ts";
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
  hiddenPoints: 1,
  fn: "denseBackward",
  title: "Dense layer backward",
  checks: [
    {
      name: "shapes (N=2, D=4, H=5)",
      points: 1,
      run: async (f) => {
        const { cache, dOut } = denseCase(2, 4, 5, 1);
        const { dx, dW, db } = await f(dOut, cache);
        expectShape("dx", dx, [2, 4]);
        expectShape("dW", dW, [4, 5]);
        expectShape("db", db, [5]);
      },
    },
    {
      name: "dx equals the numeric gradient",
      points: 2,
      run: async (f) => {
        const { cache, dOut } = denseCase(2, 4, 5, 11);
        const { dx } = await f(dOut, cache);
        expectShape("dx", dx, [2, 4]);
        expectClose("dx", dx, denseNumeric(cache, dOut).dx, 1e-7);
      },
    },
    {
      name: "dW and db equal the numeric gradients",
      points: 2,
      run: async (f) => {
        const { cache, dOut } = denseCase(2, 4, 5, 21);
        const { dW, db } = await f(dOut, cache);
        const num = denseNumeric(cache, dOut);
        expectShape("dW", dW, [4, 5]);
        expectClose("dW", dW, num.dW, 1e-7);
        expectShape("db", db, [5]);
        const meanDb = num.db.map((v) => v / dOut.shape[0]);
        expectTrue(
          relError(db, meanDb) > 1e-6,
          "db equals the mean over the batch of dOut: the bias is added to every example, so " +
            "each example's gradient reaches it in full; sum over the N examples",
        );
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
  hiddenPoints: 1,
  fn: "softmaxCrossEntropy",
  title: "Softmax cross-entropy gradient",
  checks: [
    {
      name: "uniform scores give log C",
      points: 1,
      run: async (f) => {
        const { loss } = await f(matrix(2, 5), [0, 4]);
        expectClose("loss of all-zero logits [2, 5]", loss, Math.log(5));
      },
    },
    {
      name: "loss and dLogits equal the numeric gradient (N=3, C=5)",
      points: 2,
      run: async (f) => {
        const logits = randomMatrix(3, 5, 7), labels = [4, 0, 2];
        const { loss, dLogits } = await f(logits, labels);
        expectClose("loss", loss, crossEntropyLoss(logits, labels));
        expectShape("dLogits", dLogits, [3, 5]);
        const num = numericGradient((p) => crossEntropyLoss(matrix(3, 5, p), labels), logits.data);
        expectClose("dLogits", dLogits, num, 1e-6);
      },
    },
    {
      name: "large logits stay finite",
      points: 1,
      run: async (f) => {
        const logits = matrix(2, 3, [1000, 1001, 1002, -1000, 0, 1000]);
        const { loss, dLogits } = await f(logits, [2, 1]);
        expectTrue(
          Number.isFinite(loss) && dLogits.data.every(Number.isFinite),
          `logits like 1000 gave loss ${loss}: exp overflowed; subtract each row's max first`,
        );
        expectClose("loss for logits near 1000", loss, crossEntropyLoss(logits, [2, 1]));
      },
    },
  ],
};

/** The two-layer net's cache, as the student's function receives it. */
export interface TwoLayerCache {
  x: Matrix;
  W1: Matrix;
  b1: Float64Array;
  h: Matrix;
  W2: Matrix;
  b2: Float64Array;
}

/** The gradients the two-layer backward returns. */
export interface TwoLayerGrads {
  dx: Matrix;
  dW1: Matrix;
  db1: Float64Array;
  dW2: Matrix;
  db2: Float64Array;
}

/** The student's two-layer backward. */
export type TwoLayerBackward = (dLogits: Matrix, cache: TwoLayerCache) => TwoLayerGrads;

/** logits = tanh(x·W1 + b1)·W2 + b2 with lib/scratch's layers [N, C]. */
function twoLayerLogits(x: Matrix, W1: Matrix, b1: Float64Array, W2: Matrix, b2: Float64Array) {
  const h = tanhForward(denseForward(x, W1, b1).out).out; // [N, H]
  return denseForward(h, W2, b2).out; // [N, C]
}

/**
 * A seeded two-layer case: the forward cache and an upstream gradient. `weightScale` multiplies
 * W1, so a large value saturates the tanh units.
 */
export function twoLayerCase(
  n: number,
  d: number,
  h: number,
  c: number,
  seed: number,
  weightScale = 0.5,
): { cache: TwoLayerCache; dLogits: Matrix } {
  const x = randomMatrix(n, d, seed); // [N, D]
  const W1 = randomMatrix(d, h, seed + 1); // [D, H]
  W1.data.forEach((v, i) => (W1.data[i] = v * weightScale));
  const b1 = randomMatrix(1, h, seed + 2).data; // [H]
  const W2 = randomMatrix(h, c, seed + 3); // [H, C]
  const b2 = randomMatrix(1, c, seed + 4).data; // [C]
  const hidden = tanhForward(denseForward(x, W1, b1).out).out; // [N, H]
  return { cache: { x, W1, b1, h: hidden, W2, b2 }, dLogits: randomMatrix(n, c, seed + 5) };
}

/** Numeric gradients of Σ logits ⊙ dLogits with respect to every input of the net. */
export function twoLayerNumeric(
  cache: TwoLayerCache,
  dLogits: Matrix,
): Record<string, Float64Array> {
  const { x, W1, b1, W2, b2 } = cache;
  const at = (m: Matrix, p: Float64Array) => matrix(m.shape[0], m.shape[1], p);
  const g = (f: (p: Float64Array) => Matrix, p: Float64Array) =>
    numericGradientArray((q) => f(q).data, p, dLogits.data);
  return {
    dx: g((p) => twoLayerLogits(at(x, p), W1, b1, W2, b2), x.data),
    dW1: g((p) => twoLayerLogits(x, at(W1, p), b1, W2, b2), W1.data),
    db1: g((p) => twoLayerLogits(x, W1, p, W2, b2), b1),
    dW2: g((p) => twoLayerLogits(x, W1, b1, at(W2, p), b2), W2.data),
    db2: g((p) => twoLayerLogits(x, W1, b1, W2, p), b2),
  };
}

/**
 * What dW1 would be under each common mistake of the hidden layer's backward pass, computed from
 * the same cache: the local derivative taken as the sigmoid's h(1 − h), or left out (1).
 */
function dW1Mistakes(cache: TwoLayerCache, dLogits: Matrix): { name: string; dW1: Float64Array }[] {
  const { x, h, W2 } = cache;
  const [n, hs] = h.shape, d = x.shape[1], c = W2.shape[1];
  const dW1With = (local: (v: number) => number) => {
    const out = new Float64Array(d * hs);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < hs; j++) {
        let dh = 0; // (dLogits · W2ᵀ)[i, j]
        for (let k = 0; k < c; k++) dh += dLogits.data[i * c + k] * W2.data[j * c + k];
        const dz = dh * local(h.data[i * hs + j]);
        for (let a = 0; a < d; a++) out[a * hs + j] += x.data[i * d + a] * dz;
      }
    }
    return out;
  };
  return [
    {
      name: "uses the sigmoid's derivative h(1 − h); tanh's derivative, written with the " +
        "cached h, is another expression",
      dW1: dW1With((v) => v * (1 - v)),
    },
    {
      name: "leaves out the tanh factor: the gradient crossed the hidden layer as if it were " +
        "linear; multiply by tanh's local derivative",
      dW1: dW1With(() => 1),
    },
  ];
}

/**
 * Compare the student's gradients with the numeric ones, naming the common mistakes: a missing or
 * wrong tanh factor, a 1/N too many, a transposed product. `tol` bounds the relative error per
 * entry (saturated units have gradients near 1e-5, where the numeric gradient has fewer digits).
 */
export async function compareTwoLayer(
  f: Remote<TwoLayerBackward>,
  sizes: [number, number, number, number],
  seed: number,
  only: (keyof TwoLayerGrads)[],
  weightScale?: number,
  tol = 1e-6,
): Promise<void> {
  const [n, d, h, c] = sizes;
  const { cache, dLogits } = twoLayerCase(n, d, h, c, seed, weightScale);
  const got = await f(dLogits, cache);
  const num = twoLayerNumeric(cache, dLogits);
  const shapes: Record<keyof TwoLayerGrads, number[]> = {
    dx: [n, d],
    dW1: [d, h],
    db1: [h],
    dW2: [h, c],
    db2: [c],
  };
  for (const name of only) {
    expectShape(name, got[name], shapes[name]);
    const values = "data" in got[name] ? (got[name] as Matrix).data : got[name] as Float64Array;
    const scaled = num[name].map((v) => v / n);
    expectTrue(
      n === 1 || relError(values, scaled) > 1e-6,
      `${name} equals the right gradient divided by N = ${n}: dLogits already holds whatever ` +
        "1/N the loss has, so sum the examples' contributions, do not average them again",
    );
    if (name === "dW1") {
      for (const m of dW1Mistakes(cache, dLogits)) {
        expectTrue(relError(values, m.dW1) > 1e-6, `dW1: your backward pass ${m.name}`);
      }
    }
    expectClose(name, values, num[name], tol);
  }
}

/** Exercise 01.3: the backward pass of a two-layer net through its tanh hidden layer. */
export const twoLayerBackwardExercise: Exercise<TwoLayerBackward> = {
  id: "01.3-two-layer-backward",
  hiddenPoints: 2,
  fn: "twoLayerBackward",
  title: "Two-layer net backward (through tanh)",
  checks: [
    {
      name: "shapes (N=2, D=3, H=4, C=5)",
      points: 1,
      run: async (f) => {
        const { cache, dLogits } = twoLayerCase(2, 3, 4, 5, 31);
        const g = await f(dLogits, cache);
        expectShape("dx", g.dx, [2, 3]);
        expectShape("dW1", g.dW1, [3, 4]);
        expectShape("db1", g.db1, [4]);
        expectShape("dW2", g.dW2, [4, 5]);
        expectShape("db2", g.db2, [5]);
      },
    },
    {
      name: "the top layer: dW2 and db2 equal the numeric gradients",
      points: 1,
      run: (f) => compareTwoLayer(f, [2, 3, 4, 5], 41, ["dW2", "db2"]),
    },
    {
      name: "through tanh: dW1 and db1 equal the numeric gradients",
      points: 3,
      run: (f) => compareTwoLayer(f, [2, 3, 4, 5], 51, ["dW1", "db1"]),
    },
    {
      name: "down to the input: dx equals the numeric gradient",
      points: 1,
      run: (f) => compareTwoLayer(f, [2, 3, 4, 5], 61, ["dx"]),
    },
  ],
};
