/**
 * Visible checks of notebook 07's exercises; the check cell after each exercise runs them, and
 * `deno task grade 07` runs them (plus hidden ones from tests/grading/) in a sandbox. Expected
 * values come from the course's own code (lib/text's probsFromLogits, lib/scratch's
 * softmaxCrossEntropy) or closed forms, never from a solution file. Sampling checks put u in the
 * middle of each id's interval of the CDF, so rounding cannot decide a check.
 * @module
 */
import {
  CheckFailure,
  type Exercise,
  expectClose,
  expectTrue,
  type Remote,
} from "../../../lib/grading/mod.ts";
import {
  matrix,
  softmaxCrossEntropy,
  temporalSoftmaxLoss,
  type Tensor3,
  tensor3,
} from "../../../lib/scratch/mod.ts";
import { probsFromLogits } from "../../../lib/text/sample_from_logits.ts";
import { sequentialBatch, sequentialBatchCount } from "../../../lib/text/sequential_batches.ts";
import { Rng } from "../../../lib/util/rng.ts";

type SampleWithTemperature = (logits: number[], temperature: number, u: number) => number;
type BitsPerChar = (logits: number[][], targets: number[]) => number;
type TemporalLoss = (
  logits: Tensor3,
  y: Int32Array,
  mask?: Float64Array,
) => { loss: number; dLogits: Tensor3 };
type SeqBatch = { x: Int32Array; y: Int32Array; batchSize: number; seqLen: number };
type SequentialBatch = (data: Int32Array, batchSize: number, seqLen: number, k: number) => SeqBatch;

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

/**
 * Expect `f(logits, τ, u)` to be `want`, with a hint that names the inputs and, when f samples
 * as a common mistake does (τ ignored, as when the probabilities instead of the logits are divided
 * by τ; the logits multiplied by τ), that mistake.
 */
export async function expectId(
  f: Remote<SampleWithTemperature>,
  logits: number[],
  temperature: number,
  u: number,
  want: number,
  extra = "",
): Promise<void> {
  const got = await f(logits.slice(), temperature, u);
  const shown = logits.length <= 8
    ? logits.join(", ")
    : `${logits.slice(0, 3).map((v) => v.toFixed(2)).join(", ")}, … (V = ${logits.length})`;
  const call = `sampleWithTemperature([${shown}], τ = ${temperature}, u = ${u.toFixed(4)})`;
  expectTrue(
    Number.isInteger(got) && got >= 0 && got < logits.length,
    `${call} returned ${got}, expected an integer id in [0, ${logits.length})${extra}`,
  );
  let cause = "";
  if (got !== want && temperature > 0 && temperature !== 1 && Number.isFinite(temperature)) {
    // Does f, called at τ, sample exactly as the right sampler does at another temperature?
    const samplesAs = async (other: number) => {
      for (const m of midpoints(logits, other)) {
        if (await f(logits.slice(), temperature, m.u) !== m.id) return false;
      }
      return true;
    };
    if (await samplesAs(1)) {
      cause = ` (at τ = ${temperature} your sampler draws as the right one does at τ = 1: the ` +
        `temperature has no effect, as when the probabilities instead of the logits are divided ` +
        `by τ and then normalised)`;
    } else if (await samplesAs(1 / temperature)) {
      cause = ` (at τ = ${temperature} your sampler draws as the right one does at ` +
        `τ = ${1 / temperature}: the logits were multiplied by τ)`;
    }
  }
  expectTrue(
    got === want,
    `${call} returned ${got}, expected ${want}${cause}; p_i ∝ exp(z_i / τ): divide the logits ` +
      `by τ, then return the first i whose cumulative probability exceeds u${extra}`,
  );
}

/** Exercise 07.1: temperature sampling by the inverse CDF. */
export const temperatureSamplingExercise: Exercise<SampleWithTemperature> = {
  id: "07.1-temperature-sampling",
  hiddenPoints: 2,
  fn: "sampleWithTemperature",
  title: "Sampling at a temperature",
  checks: [
    {
      name: "τ = 1: each id at the middle of its interval (V = 5)",
      points: 2,
      run: async (f) => {
        const z = [1, 2, 0.5, -1, 3];
        for (const { id, u } of midpoints(z, 1)) await expectId(f, z, 1, u, id);
      },
    },
    {
      name: "τ = 0.5 sharpens, τ = 2 flattens",
      points: 2,
      run: async (f) => {
        const z = [0.3, 2.1, -0.7, 1.4, 0, 1.9];
        for (const tau of [0.5, 2]) {
          for (const { id, u } of midpoints(z, tau)) await expectId(f, z, tau, u, id);
        }
      },
    },
    {
      name: "τ = 0 is the argmax (first of ties), whatever u",
      points: 1,
      run: async (f) => {
        for (const u of [0, 0.3, 0.99]) {
          const got = await f([1, 4, -2, 4], 0, u);
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
      run: async (f) => {
        const z = [1000, 1002, 1001];
        const hint = " (exp(z / τ) overflows for z = 1000: subtract max(z) first)";
        for (const { id, u } of midpoints(z, 0.5)) await expectId(f, z, 0.5, u, id, hint);
      },
    },
  ],
};

/**
 * Expect bits per character, recognising nats, a sum instead of a mean over the T positions, a
 * mean over the V vocabulary entries instead (when V is given) and a missing minus sign.
 */
export function expectBits(what: string, got: number, want: number, T: number, V = 0): void {
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
    `${what} = ${got.toFixed(6)} is ${T}× the expected ${want.toFixed(6)}: that is the sum over ` +
      `the positions; average over the ${T} positions`,
  );
  expectTrue(
    V <= 0 || V === T || !near(got, (want * T) / V),
    `${what} = ${got.toFixed(6)}, expected ${want.toFixed(6)}: that is the total divided by the ` +
      `vocabulary size V = ${V}; average over the ${T} positions (the rows), not over the V ` +
      `entries of a row`,
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
  hiddenPoints: 2,
  fn: "bitsPerChar",
  title: "Bits per character",
  checks: [
    {
      name: "uniform logits give log₂ V (T = 3, V = 5)",
      points: 1,
      run: async (f) => {
        const got = await f([[0, 0, 0, 0, 0], [1, 1, 1, 1, 1], [0, 0, 0, 0, 0]], [0, 4, 2]);
        expectBits("bitsPerChar(uniform logits, V = 5)", got, Math.log2(5), 3, 5);
      },
    },
    {
      name: "random logits (T = 3, V = 4)",
      points: 2,
      run: async (f) => {
        const z = [[0.5, -1.2, 2, 0.1], [1.5, 0.3, -0.4, 0.9], [-2, 1, 0.2, 0.7]];
        const y = [2, 0, 3];
        expectBits("bitsPerChar(z [3, 4], y = [2, 0, 3])", await f(z, y), bitsRef(z, y), 3, 4);
      },
    },
    {
      name: "large logits (log-sum-exp)",
      points: 2,
      run: async (f) => {
        // Row 0 puts 1000 on id 0 but the answer is id 1: exactly 1000 nats. Row 1 is uniform.
        const z = [[1000, 0, -1000, 500], [0, 0, 0, 0]];
        const want = (1000 + Math.log(4)) / 2 / Math.LN2;
        expectBits(
          "bitsPerChar([[1000, 0, −1000, 500], [0, 0, 0, 0]], y = [1, 2])",
          await f(z, [1, 2]),
          want,
          2,
        );
      },
    },
  ],
};

/** Random logits [N, T, V] (scaled by `scale`) and targets [N·T] from a seed. */
export function temporalCase(
  N: number,
  T: number,
  V: number,
  seed: number,
  scale = 2,
): { logits: Tensor3; y: Int32Array } {
  const rng = new Rng(seed);
  const logits = tensor3(N, T, V, rng.normalArray(N * T * V, scale));
  return { logits, y: Int32Array.from({ length: N * T }, () => rng.int(V)) };
}

/**
 * Expect the student's temporal softmax loss to match lib/scratch's, naming the usual mistakes
 * (an unstable softmax, CS231n's division by N, a sum, an ignored mask) when it does not.
 */
export async function expectTemporal(
  f: Remote<TemporalLoss>,
  logits: Tensor3,
  y: Int32Array,
  mask: Float64Array | undefined,
  label: string,
): Promise<void> {
  const [N, T, V] = logits.shape;
  const want = temporalSoftmaxLoss(logits, y, mask); // the course's reference
  const got = await f({ data: logits.data.slice(), shape: [N, T, V] }, y.slice(), mask?.slice());
  expectTrue(
    typeof got?.loss === "number" && got.dLogits?.data?.length === N * T * V,
    `${label}: return { loss: number, dLogits: Tensor3 [N, T, V] = [${N}, ${T}, ${V}] }`,
  );
  const finite = Number.isFinite(got.loss) && Array.from(got.dLogits.data).every(Number.isFinite);
  expectTrue(
    finite,
    `${label}: the loss is ${got.loss} or dLogits holds NaN/Infinity: exp(z) overflows for large ` +
      `logits (an unstable softmax); subtract each position's max logit before exponentiating`,
  );
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  let M = 0;
  for (let i = 0; i < N * T; i++) M += mask ? mask[i] : 1;
  if (mask) {
    const all = temporalSoftmaxLoss(logits, y).loss;
    expectTrue(
      !near(got.loss, all) || near(all, want.loss),
      `${label}: your loss ${got.loss.toFixed(6)} equals the loss with every position counted ` +
        `(expected ${want.loss.toFixed(6)}): the mask was ignored; leave out positions with mask ` +
        `0 and average over the ${M} counted ones`,
    );
    expectTrue(
      !near(got.loss, (want.loss * M) / (N * T)) || M === N * T,
      `${label}: your loss is the masked sum divided by N·T = ${N * T}; only ${M} positions ` +
        `count, so divide by the number of counted positions`,
    );
  }
  expectTrue(
    !near(got.loss, want.loss * (M / N)) || M === N,
    `${label}: your loss ${got.loss.toFixed(6)} is ${(M / N).toFixed(2)}× the expected ` +
      `${want.loss.toFixed(6)}: you divided by N (CS231n's sum over time, mean over the batch); ` +
      `the contract is the mean over the N·T (counted) positions`,
  );
  expectTrue(
    !near(got.loss, want.loss * M) || M === 1,
    `${label}: your loss is the sum over the positions; the contract is their mean`,
  );
  expectClose(`${label}: loss`, got.loss, want.loss, 1e-9);
  if (mask) {
    const leak = Array.from({ length: N * T }, (_, i) => i).find((i) =>
      mask[i] === 0 && got.dLogits.data.subarray(i * V, (i + 1) * V).some((v) => v !== 0)
    );
    expectTrue(
      leak === undefined,
      `${label}: dLogits is not zero at position ${leak}, where the mask is 0 (the mask ignored in ` +
        `the backward pass)`,
    );
  }
  expectClose(`${label}: dLogits`, got.dLogits, want.dLogits, 1e-7);
}

/** Exercise 07.3: the temporal softmax cross-entropy and its gradient. */
export const temporalSoftmaxExercise: Exercise<TemporalLoss> = {
  id: "07.3-temporal-softmax",
  hiddenPoints: 2,
  fn: "temporalSoftmaxLoss",
  title: "Temporal softmax cross-entropy",
  checks: [
    {
      name: "uniform logits give ln V (N = 2, T = 3, V = 5)",
      points: 1,
      run: async (f) => {
        const y = Int32Array.of(0, 4, 2, 1, 3, 3);
        await expectTemporal(f, tensor3(2, 3, 5), y, undefined, "uniform logits");
      },
    },
    {
      name: "loss and dLogits on random logits (N = 2, T = 4, V = 3)",
      points: 2,
      run: async (f) => {
        const { logits, y } = temporalCase(2, 4, 3, 71);
        await expectTemporal(f, logits, y, undefined, "logits [2, 4, 3]");
      },
    },
    {
      name: "logits of ±1000 stay finite",
      points: 1,
      run: async (f) => {
        const { logits, y } = temporalCase(1, 3, 4, 72);
        logits.data.forEach((v, i) => (logits.data[i] = v * 500));
        await expectTemporal(f, logits, y, undefined, "logits × 500");
      },
    },
    {
      name: "a mask leaves positions out (N = 3, T = 2, V = 4)",
      points: 2,
      run: async (f) => {
        const { logits, y } = temporalCase(3, 2, 4, 73);
        await expectTemporal(f, logits, y, Float64Array.of(1, 1, 1, 0, 1, 0), "masked");
      },
    },
  ],
};

/**
 * Expect the student's sequential batch k to equal lib/text's, naming the usual mistakes: rows that
 * do not continue from one batch to the next, targets not shifted by exactly one, a wrong stream
 * length.
 */
export async function expectSequential(
  f: Remote<SequentialBatch>,
  data: Int32Array,
  N: number,
  T: number,
  k: number,
): Promise<void> {
  const want = sequentialBatch(data, N, T, k);
  const call = `sequentialBatch(data of ${data.length} ids, N = ${N}, T = ${T}, k = ${k})`;
  const got = await f(data.slice(), N, T, k);
  expectTrue(
    got?.x?.length === N * T && got?.y?.length === N * T,
    `${call}: x and y must each hold N·T = ${N * T} ids, got ${got?.x?.length} and ` +
      `${got?.y?.length}`,
  );
  expectTrue(
    got.batchSize === N && got.seqLen === T,
    `${call}: batchSize and seqLen must be ${N} and ${T}, got ${got.batchSize} and ${got.seqLen}`,
  );
  const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
    a.length === b.length && Array.from(a).every((v, i) => v === b[i]);
  const L = Math.floor((data.length - 1) / N);
  if (!same(got.x, want.x)) {
    const chunked = Int32Array.from({ length: N * T }, (_, i) => data[(k * N) * T + i]);
    const wrongL = Math.floor(data.length / N);
    const otherL = Int32Array.from(
      { length: N * T },
      (_, i) => data[Math.floor(i / T) * wrongL + k * T + (i % T)] ?? -1,
    );
    expectTrue(
      !same(got.x, chunked),
      `${call}: x holds N·T consecutive ids, the (k·N + n)-th chunk of T in row n: row n of batch ` +
        `k + 1 does not continue row n of batch k (the rows do not continue), so a carried state ` +
        `would belong to other text; row n must read stream n, which starts at n·L, L = ${L}`,
    );
    expectTrue(
      !same(got.x, otherL),
      `${call}: your streams have length ⌊length / N⌋ = ${wrongL}; the contract's is ` +
        `⌊(length − 1) / N⌋ = ${L}, which keeps one id after every stream for its last target`,
    );
    const row = Array.from({ length: N }, (_, n) => n).find((n) =>
      !same(got.x.subarray(n * T, (n + 1) * T), want.x.subarray(n * T, (n + 1) * T))
    )!;
    throw new CheckFailure(
      `${call}: row ${row} of x is [${got.x.subarray(row * T, (row + 1) * T)}], expected ` +
        `[${want.x.subarray(row * T, (row + 1) * T)}]: row n of batch k starts at n·L + k·T ` +
        `(L = ${L}), so that each row continues where it stopped`,
    );
  }
  if (!same(got.y, want.y)) {
    const hint = same(got.y, got.x)
      ? "y equals x: the targets must be shifted by one (the NEXT character)"
      : Array.from(got.y).every((v, i) => v === want.y[i] + 1) ||
          Array.from(got.y).every((v, i) => i % T === T - 1 || v === got.x[i + 2])
      ? "y is shifted by two: the target of x[n, t] is the character right after it"
      : "y must hold, for every input character, the character that follows it in the text " +
        "(off by one?)";
    throw new CheckFailure(`${call}: x is right but y is not: ${hint}`);
  }
}

/** Exercise 07.4: sequential batches for stateful truncated BPTT. */
export const sequentialBatchExercise: Exercise<SequentialBatch> = {
  id: "07.4-sequential-batches",
  hiddenPoints: 2,
  fn: "sequentialBatch",
  title: "Sequential batches",
  checks: [
    {
      name: "targets are the next character (N = 2, T = 3, k = 0)",
      points: 1,
      run: async (f) => {
        const data = Int32Array.from({ length: 23 }, (_, i) => (i * 5) % 11);
        const got = await f(data.slice(), 2, 3, 0);
        const want = sequentialBatch(data, 2, 3, 0);
        const shifted = got?.y && Array.from(got.y).every((v, i) => v === want.y[i]);
        expectTrue(
          shifted === true,
          `sequentialBatch(…, N = 2, T = 3, k = 0): y is [${got?.y}], expected [${want.y}]: each ` +
            `target is the character that follows its input in the text (shifted by exactly one)`,
        );
      },
    },
    {
      name: "batch 0: row n starts stream n (N = 3, T = 4)",
      points: 2,
      run: async (f) => {
        const data = Int32Array.from({ length: 51 }, (_, i) => i);
        await expectSequential(f, data, 3, 4, 0);
      },
    },
    {
      name: "every batch continues each row where the last one stopped (N = 3, T = 4)",
      points: 2,
      run: async (f) => {
        const data = Int32Array.from({ length: 51 }, (_, i) => i);
        for (let k = 1; k < sequentialBatchCount(51, 3, 4); k++) {
          await expectSequential(f, data, 3, 4, k);
        }
      },
    },
  ],
};
