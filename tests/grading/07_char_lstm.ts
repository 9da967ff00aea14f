/**
 * Hidden checks of notebook 07 (nbgrader's hidden tests): run by `deno task grade`, not shown in
 * the notebook. Keyed by grade id.
 * @module
 */
import { type Check, expectTrue, type Remote } from "../../lib/grading/mod.ts";
import { Rng } from "../../lib/util/rng.ts";
import { probsFromLogits } from "../../lib/text/sample_from_logits.ts";
import type { Tensor3 } from "../../lib/scratch/mod.ts";
import {
  bitsRef,
  expectBits,
  expectId,
  expectSequential,
  expectTemporal,
  midpoints,
  temporalCase,
} from "../../notebooks/exercises/checks/07_char_lstm.ts";

type SampleWithTemperature = (logits: number[], temperature: number, u: number) => number;
type BitsPerChar = (logits: number[][], targets: number[]) => number;
type TemporalLoss = (
  logits: Tensor3,
  y: Int32Array,
  mask?: Float64Array,
) => { loss: number; dLogits: Tensor3 };
type SequentialBatch = (
  data: Int32Array,
  batchSize: number,
  seqLen: number,
  k: number,
) => { x: Int32Array; y: Int32Array; batchSize: number; seqLen: number };

/** Hidden checks by grade id. */
export const hidden: Record<
  string,
  | Check<SampleWithTemperature>[]
  | Check<BitsPerChar>[]
  | Check<TemporalLoss>[]
  | Check<SequentialBatch>[]
> = {
  "07.1-temperature-sampling": [
    {
      name: "hidden: V = 65 at τ = 0.8 and 1.3, every likely id",
      points: 1,
      run: async (f: Remote<SampleWithTemperature>) => {
        const z = Array.from(new Rng(7).normalArray(65, 3));
        for (const tau of [0.8, 1.3]) {
          for (const { id, u } of midpoints(z, tau, 1e-9)) await expectId(f, z, tau, u, id);
        }
      },
    },
    {
      name: "hidden: the ends of [0, 1), a tiny τ, and the logits left unchanged",
      points: 1,
      run: async (f: Remote<SampleWithTemperature>) => {
        const z = [-50, 0.5, 2, 0.7];
        const probs = probsFromLogits(Float64Array.from(z), { temperature: 1 });
        const lastId = probs.findLastIndex((p) => p > 0);
        await expectId(f, z, 1, 0, 0);
        await expectId(f, z, 1, 1 - 1e-15, lastId);
        await expectId(f, z, 1e-3, 0.5, 2);
        const { args: [after] } = await f.inspect(z.slice(), 0.7, 0.4);
        expectTrue(after.every((v, i) => v === z[i]), "sampleWithTemperature changed its logits");
      },
    },
  ],
  "07.2-bits-per-char": [
    {
      name: "hidden: V = 65, T = 7",
      points: 1,
      run: async (f: Remote<BitsPerChar>) => {
        const rng = new Rng(11);
        const z = Array.from({ length: 7 }, () => Array.from(rng.normalArray(65, 4)));
        const y = Array.from({ length: 7 }, () => rng.int(65));
        expectBits("bitsPerChar(z [7, 65])", await f(z, y), bitsRef(z, y), 7, 65);
      },
    },
    {
      name: "hidden: a confident right answer costs almost nothing",
      points: 1,
      run: async (f: Remote<BitsPerChar>) => {
        const got = await f([[30, 0, 0]], [0]);
        const want = Math.log1p(2 * Math.exp(-30)) / Math.LN2; // ≈ 2.7e-13
        expectTrue(
          Number.isFinite(got) && got >= 0 && Math.abs(got - want) < 1e-12,
          `bitsPerChar([[30, 0, 0]], [0]) = ${got}, expected ≈ ${want.toExponential(2)} (≥ 0)`,
        );
      },
    },
  ],
  "07.3-temporal-softmax": [
    {
      name: "hidden: V = 65, N = 3, T = 7, with a fractional mask",
      points: 1,
      run: async (f: Remote<TemporalLoss>) => {
        const { logits, y } = temporalCase(3, 7, 65, 74, 3);
        const mask = Float64Array.from({ length: 21 }, (_, i) => [1, 0, 0.5][i % 3]);
        await expectTemporal(f, logits, y, mask, "V = 65, mask of 1, 0, 0.5");
      },
    },
    {
      name: "hidden: N = 1, T = 1 is one softmax classifier; the inputs are left unchanged",
      points: 1,
      run: async (f: Remote<TemporalLoss>) => {
        const { logits, y } = temporalCase(1, 1, 6, 75);
        await expectTemporal(f, logits, y, undefined, "N = T = 1");
        const { args: [after] } = await f.inspect(
          { data: logits.data.slice(), shape: [1, 1, 6] },
          y.slice(),
        );
        expectTrue(
          after.data.every((v, i) => v === logits.data[i]),
          "temporalSoftmaxLoss changed its logits",
        );
      },
    },
  ],
  "07.4-sequential-batches": [
    {
      name: "hidden: a length that N does not divide, the last batch (N = 4, T = 5)",
      points: 1,
      run: async (f: Remote<SequentialBatch>) => {
        const data = Int32Array.from({ length: 103 }, (_, i) => (i * 37) % 65);
        for (const k of [0, 4]) await expectSequential(f, data, 4, 5, k);
      },
    },
    {
      name: "hidden: one stream (N = 1) is min-char-rnn's pointer p",
      points: 1,
      run: async (f: Remote<SequentialBatch>) => {
        const data = Int32Array.from({ length: 40 }, (_, i) => (i * 7) % 13);
        for (const k of [0, 2, 5]) await expectSequential(f, data, 1, 6, k);
      },
    },
  ],
};
