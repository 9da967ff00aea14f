/**
 * Visible checks of notebook 09's exercises; the check cell after each exercise runs them, and
 * `deno task grade 09` runs them (plus hidden ones from tests/grading/) in a sandbox. Expected
 * values are computed here in float64 from the definitions, never from a solution; sizes all
 * differ (N=2, S=3, H=4) so a swapped axis fails loudly.
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
  type AttentionCache,
  dotAttentionBackward,
  type Matrix,
  matrix,
  numericGradientArray,
  type Tensor3,
  tensor3,
} from "../../../lib/scratch/mod.ts";
import { relError } from "../../../lib/util/all_close.ts";
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
  hiddenPoints: 2,
  fn: "attentionStep",
  title: "Attention step",
  checks: [
    {
      name: "shapes and scores (N=2, S=3, H=4)",
      points: 1,
      run: async (f) => {
        const { hDec, hEnc } = attentionCase(2, 3, 4, 1);
        const got = await f(hDec, hEnc), want = attentionRef(hDec, hEnc);
        expectShape("scores", got.scores, [2, 3]);
        expectShape("weights", got.weights, [2, 3]);
        expectShape("context", got.context, [2, 4]);
        expectClose("scores", got.scores, want.scores);
      },
    },
    {
      name: "weights: a softmax over the source positions",
      points: 2,
      run: async (f) => {
        const { hDec, hEnc } = attentionCase(2, 3, 4, 2);
        const got = await f(hDec, hEnc);
        expectRowsSumToOne(got.weights);
        expectClose("weights", got.weights, attentionRef(hDec, hEnc).weights);
      },
    },
    {
      name: "context: the weighted sum of the encoder states",
      points: 2,
      run: async (f) => {
        const { hDec, hEnc } = attentionCase(2, 3, 4, 3);
        const got = (await f(hDec, hEnc)).context, ref = attentionRef(hDec, hEnc);
        if (got?.data) {
          const [N, S, H] = hEnc.shape, withScores = new Float64Array(N * H);
          for (let i = 0; i < N * S * H; i++) {
            const n = Math.floor(i / (S * H)), s = Math.floor(i / H) % S;
            withScores[n * H + (i % H)] += ref.scores[n * S + s] * hEnc.data[i];
          }
          expectTrue(
            relError(got.data, withScores) > 1e-6,
            "context averages the encoder states with the raw scores; use the softmax weights " +
              "(non-negative, summing to 1) so the context is a weighted mean of the states",
          );
        }
        expectClose("context", got, ref.context);
      },
    },
    {
      name: "scores near 1000 stay finite (stable softmax)",
      points: 1,
      run: async (f) => {
        const { hDec, hEnc } = attentionCase(2, 3, 4, 4, 20); // scores up to ≈ 1000
        const got = await f(hDec, hEnc);
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

/** The student's attention backward pass. */
export type AttentionStepBackward = (
  dContext: Matrix,
  cache: AttentionCache,
) => { dScores: Matrix; dhDec: Matrix; dhEnc: Tensor3 };

/** A seeded backward case: the forward's inputs, its cache (weights from the definitions), dContext. */
export function attentionBackwardCase(N: number, S: number, H: number, seed: number) {
  const { hDec, hEnc } = attentionCase(N, S, H, seed);
  const weights = matrix(N, S, attentionRef(hDec, hEnc).weights);
  const dContext = matrix(N, H, new Rng(seed + 1000).normalArray(N * H));
  const cache: AttentionCache = { hDec, hEnc, weights };
  return { hDec, hEnc, dContext, cache };
}

/** Softmax of each row of scores [N, S], then the context [N, H] (the forward from the scores). */
function contextFromScores(scores: Float64Array, hEnc: Tensor3): Float64Array {
  const [N, S, H] = hEnc.shape, context = new Float64Array(N * H);
  for (let n = 0; n < N; n++) {
    const row = scores.subarray(n * S, (n + 1) * S), m = Math.max(...row);
    const e = row.map((v) => Math.exp(v - m)), z = e.reduce((a, b) => a + b, 0);
    for (let s = 0; s < S; s++) {
      for (let k = 0; k < H; k++) {
        context[n * H + k] += (e[s] / z) * hEnc.data[(n * S + s) * H + k];
      }
    }
  }
  return context;
}

/**
 * The expected gradients: the course's float64 reference (lib/scratch dotAttentionBackward, itself
 * gradient-checked against centred differences in lib/scratch/attention_test.ts). Exact, so tiny
 * entries compare well, which numeric gradients (round-off ≈ 1e-11) cannot promise at 1e-7.
 */
export function referenceAttentionGrads(c: ReturnType<typeof attentionBackwardCase>) {
  const g = dotAttentionBackward(c.dContext, c.cache);
  return { dScores: g.dScores.data, dhDec: g.dhDec.data, dhEnc: g.dhEnc.data };
}

/** Numeric gradients of Σ context ⊙ dContext with respect to the scores, hDec and hEnc. */
export function numericAttentionGrads(c: ReturnType<typeof attentionBackwardCase>) {
  const { hDec, hEnc, dContext } = c, [N, S, H] = hEnc.shape;
  const scores = attentionRef(hDec, hEnc).scores;
  const num = (f: (v: Float64Array) => Float64Array, v: Float64Array) =>
    numericGradientArray(f, v, dContext.data, 1e-3, 4);
  return {
    dScores: num((v) => contextFromScores(v, hEnc), scores),
    dhDec: num((v) => attentionRef(matrix(N, H, v), hEnc).context, hDec.data),
    dhEnc: num((v) => attentionRef(hDec, tensor3(N, S, H, v)).context, hEnc.data),
  };
}

/**
 * What the common mistakes give, so a hint can name the one a student made: the softmax's
 * Jacobian replaced by its diagonal (dScores = α ⊙ (1 − α) ⊙ dα), and dhEnc with only one of its
 * two paths (through the weighted sum, or through the scores).
 */
export function attentionMistakes(c: ReturnType<typeof attentionBackwardCase>) {
  const { hDec, hEnc, dContext, cache } = c, [N, S, H] = hEnc.shape, w = cache.weights.data;
  const diagScores = new Float64Array(N * S), diagDec = new Float64Array(N * H);
  const sumPathOnly = new Float64Array(N * S * H), scorePathOnly = new Float64Array(N * S * H);
  const want = referenceAttentionGrads(c);
  for (let n = 0; n < N; n++) {
    for (let s = 0; s < S; s++) {
      let dAlpha = 0;
      for (let k = 0; k < H; k++) {
        dAlpha += dContext.data[n * H + k] * hEnc.data[(n * S + s) * H + k];
      }
      const ws = w[n * S + s], ds = (diagScores[n * S + s] = ws * (1 - ws) * dAlpha);
      for (let k = 0; k < H; k++) {
        const e = (n * S + s) * H + k;
        diagDec[n * H + k] += ds * hEnc.data[e];
        sumPathOnly[e] = ws * dContext.data[n * H + k];
        scorePathOnly[e] = want.dScores[n * S + s] * hDec.data[n * H + k];
      }
    }
  }
  return { diagScores, diagDec, sumPathOnly, scorePathOnly };
}

const DIAGONAL_HINT = "equals what the diagonal of the softmax Jacobian alone gives (α ⊙ (1 − α) " +
  "⊙ dα, as if each weight depended on its own score only): every score moves every weight " +
  "through the shared normaliser, so the off-diagonal terms −α_s·α_r count too";

/** Fail with a pointed hint when `got` equals what a named mistake gives. */
function expectNotMistake(got: ArrayLike<number> | undefined, mistake: Float64Array, hint: string) {
  if (!got) return;
  const g = Float64Array.from(got);
  expectTrue(g.length !== mistake.length || relError(g, mistake) > 1e-6, hint);
}

/** Run the student's backward pass on a case and compare the named gradients, with hints. */
export async function checkAttentionBackward(
  f: Remote<AttentionStepBackward>,
  c: ReturnType<typeof attentionBackwardCase>,
  names: ("dScores" | "dhDec" | "dhEnc")[],
): Promise<void> {
  const got = await f(c.dContext, c.cache);
  const want = referenceAttentionGrads(c), mistakes = attentionMistakes(c);
  // the reference must agree with centred differences (a grader bug, not the student's, if not)
  const numeric = numericAttentionGrads(c);
  for (const name of names) {
    const err = relError(want[name], numeric[name], 1e-6);
    if (!(err < 1e-6)) throw new Error(`09.2 check: reference ${name} off numeric by ${err}`);
  }
  for (const name of names) {
    const g = got[name]?.data;
    if (name === "dScores") expectNotMistake(g, mistakes.diagScores, `dScores ${DIAGONAL_HINT}`);
    if (name === "dhDec") {
      expectNotMistake(g, mistakes.diagDec, `dhDec ${DIAGONAL_HINT} (check dScores first)`);
    }
    if (name === "dhEnc") {
      expectNotMistake(
        g,
        mistakes.sumPathOnly,
        "dhEnc has only the path through the weighted sum (α_s·dContext): h̄_s also enters its " +
          "own score h·h̄_s, so add the path through dScores; h̄_s is used twice, two paths add",
      );
      expectNotMistake(
        g,
        mistakes.scorePathOnly,
        "dhEnc has only the path through the scores (dScores_s·hDec): h̄_s also enters the " +
          "weighted sum c = Σ α_s h̄_s directly, so add α_s·dContext; two paths add",
      );
    }
    expectClose(name, got[name], want[name], 1e-7);
  }
}

/** Exercise 09.2: the backward pass of one attention step. */
export const attentionStepBackwardExercise: Exercise<AttentionStepBackward> = {
  id: "09.2-attention-step-backward",
  hiddenPoints: 2,
  fn: "attentionStepBackward",
  title: "Attention step backward",
  checks: [
    {
      name: "shapes (N=2, S=3, H=4)",
      points: 1,
      run: async (f) => {
        const c = attentionBackwardCase(2, 3, 4, 31);
        const g = await f(c.dContext, c.cache);
        expectShape("dScores", g.dScores, [2, 3]);
        expectShape("dhDec", g.dhDec, [2, 4]);
        expectShape("dhEnc", g.dhEnc, [2, 3, 4]);
      },
    },
    {
      name: "dScores: through the softmax (reference, checked by centred differences)",
      points: 2,
      run: (f) => checkAttentionBackward(f, attentionBackwardCase(2, 3, 4, 32), ["dScores"]),
    },
    {
      name: "dhDec: every score's path into the query",
      points: 2,
      run: (f) => checkAttentionBackward(f, attentionBackwardCase(2, 3, 4, 33), ["dhDec"]),
    },
    {
      name: "dhEnc: both paths, the weighted sum and the scores",
      points: 2,
      run: (f) => checkAttentionBackward(f, attentionBackwardCase(2, 3, 4, 34), ["dhEnc"]),
    },
  ],
};
