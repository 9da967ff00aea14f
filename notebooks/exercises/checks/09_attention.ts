/**
 * Visible checks of notebook 09's exercise; the check cell after the exercise runs them, and
 * `deno task grade 09` runs them (plus hidden ones from tests/grading/) in a sandbox. Expected
 * values are computed here in float64 from the definitions, never from a solution; sizes all
 * differ (N=2, S=3, H=4) so a swapped axis fails loudly.
 * @module
 */
import { type Exercise, expectClose, expectShape, expectTrue } from "../../../lib/grading/mod.ts";
import { type Matrix, matrix, type Tensor3, tensor3 } from "../../../lib/scratch/mod.ts";
import { Rng } from "../../../lib/util/rng.ts";

/** The student's attention step. */
export type AttentionStep = (
  hDec: Matrix,
  hEnc: Tensor3,
) => { scores: Matrix; weights: Matrix; context: Matrix };

/** A seeded case: hDec [N, H] and hEnc [N, S, H], entries of std `scale`. */
export function attentionCase(N: number, S: number, H: number, seed: number, scale = 1) {
  const r = new Rng(seed);
  return {
    hDec: matrix(N, H, r.normalArray(N * H, scale)),
    hEnc: tensor3(N, S, H, r.normalArray(N * S * H, scale)),
  };
}

/** Scores, weights and context from the definitions, in float64 (log-sum-exp for stability). */
export function attentionRef(hDec: Matrix, hEnc: Tensor3) {
  const [N, S, H] = hEnc.shape;
  const scores = new Float64Array(N * S), weights = new Float64Array(N * S);
  const context = new Float64Array(N * H);
  for (let n = 0; n < N; n++) {
    for (let s = 0; s < S; s++) {
      for (let k = 0; k < H; k++) {
        scores[n * S + s] += hDec.data[n * H + k] * hEnc.data[(n * S + s) * H + k];
      }
    }
    const row = Array.from(scores.subarray(n * S, (n + 1) * S)), m = Math.max(...row);
    const lse = m + Math.log(row.reduce((a, v) => a + Math.exp(v - m), 0));
    row.forEach((v, s) => (weights[n * S + s] = Math.exp(v - lse)));
    for (let s = 0; s < S; s++) {
      for (let k = 0; k < H; k++) {
        context[n * H + k] += weights[n * S + s] * hEnc.data[(n * S + s) * H + k];
      }
    }
  }
  return { scores, weights, context };
}

/** Fail with a pointed hint unless every row of weights [N, S] sums to 1. */
export function expectRowsSumToOne(weights: Matrix): void {
  const [N, S] = weights.shape;
  for (let n = 0; n < N; n++) {
    let sum = 0;
    for (let s = 0; s < S; s++) sum += weights.data[n * S + s];
    expectTrue(
      Math.abs(sum - 1) < 1e-9,
      `weights row ${n} sums to ${sum.toFixed(6)}, expected each row to sum to 1: the softmax ` +
        "runs over the S source positions of one example, not over the batch",
    );
  }
}

/** Exercise 09.1: attention weights and the context vector of one decoder step. */
export const attentionStepExercise: Exercise<AttentionStep> = {
  id: "09.1-attention-step",
  fn: "attentionStep",
  title: "Attention step",
  checks: [
    {
      name: "shapes and scores (N=2, S=3, H=4)",
      points: 1,
      run: (f) => {
        const { hDec, hEnc } = attentionCase(2, 3, 4, 1);
        const got = f(hDec, hEnc), want = attentionRef(hDec, hEnc);
        expectShape("scores", got.scores, [2, 3]);
        expectShape("weights", got.weights, [2, 3]);
        expectShape("context", got.context, [2, 4]);
        expectClose("scores", got.scores, want.scores);
      },
    },
    {
      name: "weights: a softmax over the source positions",
      points: 2,
      run: (f) => {
        const { hDec, hEnc } = attentionCase(2, 3, 4, 2);
        const got = f(hDec, hEnc);
        expectRowsSumToOne(got.weights);
        expectClose("weights", got.weights, attentionRef(hDec, hEnc).weights);
      },
    },
    {
      name: "context: the weighted sum of the encoder states",
      points: 2,
      run: (f) => {
        const { hDec, hEnc } = attentionCase(2, 3, 4, 3);
        expectClose("context", f(hDec, hEnc).context, attentionRef(hDec, hEnc).context);
      },
    },
    {
      name: "scores near 1000 stay finite (stable softmax)",
      points: 1,
      run: (f) => {
        const { hDec, hEnc } = attentionCase(2, 3, 4, 4, 20); // scores up to ≈ 1000
        const got = f(hDec, hEnc);
        expectTrue(
          [...got.weights.data, ...got.context.data].every(Number.isFinite),
          "weights or context hold NaN or Infinity for large scores: exp overflowed; subtract " +
            "each row's largest score before exp",
        );
        expectClose("weights", got.weights, attentionRef(hDec, hEnc).weights);
      },
    },
  ],
};
