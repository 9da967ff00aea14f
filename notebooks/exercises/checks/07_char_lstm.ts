/**
 * Visible checks of notebook 07's exercises; the check cell after each exercise runs them, and
 * `deno task grade 07` runs them (plus hidden ones from tests/grading/) in a sandbox. Expected
 * values come from the course's own code (lib/text's probsFromLogits, lib/scratch's
 * softmaxCrossEntropy) or closed forms, never from a solution file. Sampling checks put u in the
 * middle of each id's interval of the CDF, so rounding cannot decide a check.
 * @module
 */
import { type Exercise, expectClose, expectTrue } from "../../../lib/grading/mod.ts";
import { matrix, softmaxCrossEntropy } from "../../../lib/scratch/mod.ts";
import { probsFromLogits } from "../../../lib/text/sample_from_logits.ts";

type SampleWithTemperature = (logits: number[], temperature: number, u: number) => number;
type BitsPerChar = (logits: number[][], targets: number[]) => number;

/** For each id with a probability above `minProb` at temperature τ: the u at the middle of its CDF interval. */
export function midpoints(
  logits: number[],
  temperature: number,
  minProb = 1e-6,
): { id: number; u: number }[] {
  const probs = probsFromLogits(Float64Array.from(logits), { temperature }); // [V]
  const out: { id: number; u: number }[] = [];
  let cum = 0;
  probs.forEach((p, id) => {
    if (p > minProb) out.push({ id, u: cum + p / 2 });
    cum += p;
  });
  return out;
}

/** Expect `f(logits, τ, u)` to be `want`, with a hint that names the inputs. */
export function expectId(
  f: SampleWithTemperature,
  logits: number[],
  temperature: number,
  u: number,
  want: number,
  extra = "",
): void {
  const got = f(logits.slice(), temperature, u);
  const shown = logits.length <= 8
    ? logits.join(", ")
    : `${logits.slice(0, 3).map((v) => v.toFixed(2)).join(", ")}, … (V = ${logits.length})`;
  const call = `sampleWithTemperature([${shown}], τ = ${temperature}, u = ${u.toFixed(4)})`;
  expectTrue(
    Number.isInteger(got) && got >= 0 && got < logits.length,
    `${call} returned ${got}, expected an integer id in [0, ${logits.length})${extra}`,
  );
  expectTrue(
    got === want,
    `${call} returned ${got}, expected ${want}; p_i ∝ exp(z_i / τ): divide the logits by τ, ` +
      `then return the first i whose cumulative probability exceeds u${extra}`,
  );
}

/** Exercise 07.1: temperature sampling by the inverse CDF. */
export const temperatureSamplingExercise: Exercise<SampleWithTemperature> = {
  id: "07.1-temperature-sampling",
  fn: "sampleWithTemperature",
  title: "Sampling at a temperature",
  checks: [
    {
      name: "τ = 1: each id at the middle of its interval (V = 5)",
      points: 2,
      run: (f) => {
        const z = [1, 2, 0.5, -1, 3];
        for (const { id, u } of midpoints(z, 1)) expectId(f, z, 1, u, id);
      },
    },
    {
      name: "τ = 0.5 sharpens, τ = 2 flattens",
      points: 2,
      run: (f) => {
        const z = [0.3, 2.1, -0.7, 1.4, 0, 1.9];
        for (const tau of [0.5, 2]) {
          for (const { id, u } of midpoints(z, tau)) expectId(f, z, tau, u, id);
        }
      },
    },
    {
      name: "τ = 0 is the argmax (first of ties), whatever u",
      points: 1,
      run: (f) => {
        for (const u of [0, 0.3, 0.99]) {
          const got = f([1, 4, -2, 4], 0, u);
          expectTrue(
            got === 1,
            `sampleWithTemperature([1, 4, -2, 4], τ = 0, u = ${u}) returned ${got}, expected 1: ` +
              `τ = 0 means the argmax, the lowest index on a tie`,
          );
        }
      },
    },
    {
      name: "large logits stay finite",
      points: 1,
      run: (f) => {
        const z = [1000, 1002, 1001];
        const hint = " (exp(z / τ) overflows for z = 1000: subtract max(z) first)";
        for (const { id, u } of midpoints(z, 0.5)) expectId(f, z, 0.5, u, id, hint);
      },
    },
  ],
};

/** Expect bits per character, recognising nats, a missing 1/T and a missing minus sign. */
export function expectBits(what: string, got: number, want: number, T: number): void {
  expectTrue(
    Number.isFinite(got),
    `${what} is ${got}: exp overflowed; use log-sum-exp (subtract max(z) inside the log)`,
  );
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  expectTrue(
    !near(got, want * Math.LN2) || near(want, 0),
    `${what} = ${got.toFixed(6)}, expected ${want.toFixed(6)}: that is the loss in nats; ` +
      `divide by ln 2 for bits`,
  );
  expectTrue(
    !near(got, want * T) || T === 1,
    `${what} = ${got.toFixed(6)} is ${T}× the expected ${want.toFixed(6)}: average over the ` +
      `${T} positions`,
  );
  expectTrue(!near(got, -want) || near(want, 0), `${what} is negative: the loss is −log₂ p`);
  expectClose(what, got, want, 1e-9);
}

/** Reference bits per character through lib/scratch's cross-entropy (nats) over ln 2. */
export function bitsRef(logits: number[][], targets: number[]): number {
  const T = logits.length, V = logits[0].length;
  return softmaxCrossEntropy(matrix(T, V, logits.flat()), targets).loss / Math.LN2;
}

/** Exercise 07.2: cross-entropy in bits per character. */
export const bitsPerCharExercise: Exercise<BitsPerChar> = {
  id: "07.2-bits-per-char",
  fn: "bitsPerChar",
  title: "Bits per character",
  checks: [
    {
      name: "uniform logits give log₂ V (T = 3, V = 5)",
      points: 1,
      run: (f) => {
        const got = f([[0, 0, 0, 0, 0], [1, 1, 1, 1, 1], [0, 0, 0, 0, 0]], [0, 4, 2]);
        expectBits("bitsPerChar(uniform logits, V = 5)", got, Math.log2(5), 3);
      },
    },
    {
      name: "random logits (T = 3, V = 4)",
      points: 2,
      run: (f) => {
        const z = [[0.5, -1.2, 2, 0.1], [1.5, 0.3, -0.4, 0.9], [-2, 1, 0.2, 0.7]];
        const y = [2, 0, 3];
        expectBits("bitsPerChar(z [3, 4], y = [2, 0, 3])", f(z, y), bitsRef(z, y), 3);
      },
    },
    {
      name: "large logits (log-sum-exp)",
      points: 2,
      run: (f) => {
        // Row 0 puts 1000 on id 0 but the answer is id 1: exactly 1000 nats. Row 1 is uniform.
        const z = [[1000, 0, -1000, 500], [0, 0, 0, 0]];
        const want = (1000 + Math.log(4)) / 2 / Math.LN2;
        expectBits(
          "bitsPerChar([[1000, 0, −1000, 500], [0, 0, 0, 0]], y = [1, 2])",
          f(z, [1, 2]),
          want,
          2,
        );
      },
    },
  ],
};
