/**
 * Hidden checks of notebook 07 (nbgrader's hidden tests): run by `deno task grade`, not shown in
 * the notebook. Keyed by grade id.
 * @module
 */
import { type Check, expectTrue } from "../../lib/grading/mod.ts";
import { Rng } from "../../lib/util/rng.ts";
import { probsFromLogits } from "../../lib/text/sample_from_logits.ts";
import {
  bitsRef,
  expectBits,
  expectId,
  midpoints,
} from "../../notebooks/exercises/checks/07_char_lstm.ts";

type SampleWithTemperature = (logits: number[], temperature: number, u: number) => number;
type BitsPerChar = (logits: number[][], targets: number[]) => number;

/** Hidden checks by grade id. */
export const hidden: Record<string, Check<SampleWithTemperature>[] | Check<BitsPerChar>[]> = {
  "07.1-temperature-sampling": [
    {
      name: "hidden: V = 65 at τ = 0.8 and 1.3, every likely id",
      points: 1,
      run: (f: SampleWithTemperature) => {
        const z = Array.from(new Rng(7).normalArray(65, 3));
        for (const tau of [0.8, 1.3]) {
          for (const { id, u } of midpoints(z, tau, 1e-9)) expectId(f, z, tau, u, id);
        }
      },
    },
    {
      name: "hidden: the ends of [0, 1), a tiny τ, and the logits left unchanged",
      points: 1,
      run: (f: SampleWithTemperature) => {
        const z = [-50, 0.5, 2, 0.7];
        const probs = probsFromLogits(Float64Array.from(z), { temperature: 1 });
        const lastId = probs.findLastIndex((p) => p > 0);
        expectId(f, z, 1, 0, 0);
        expectId(f, z, 1, 1 - 1e-15, lastId);
        expectId(f, z, 1e-3, 0.5, 2);
        const copy = z.slice();
        f(copy, 0.7, 0.4);
        expectTrue(copy.every((v, i) => v === z[i]), "sampleWithTemperature changed its logits");
      },
    },
  ],
  "07.2-bits-per-char": [
    {
      name: "hidden: V = 65, T = 7",
      points: 1,
      run: (f: BitsPerChar) => {
        const rng = new Rng(11);
        const z = Array.from({ length: 7 }, () => Array.from(rng.normalArray(65, 4)));
        const y = Array.from({ length: 7 }, () => rng.int(65));
        expectBits("bitsPerChar(z [7, 65])", f(z, y), bitsRef(z, y), 7);
      },
    },
    {
      name: "hidden: a confident right answer costs almost nothing",
      points: 1,
      run: (f: BitsPerChar) => {
        const got = f([[30, 0, 0]], [0]);
        const want = Math.log1p(2 * Math.exp(-30)) / Math.LN2; // ≈ 2.7e-13
        expectTrue(
          Number.isFinite(got) && got >= 0 && Math.abs(got - want) < 1e-12,
          `bitsPerChar([[30, 0, 0]], [0]) = ${got}, expected ≈ ${want.toExponential(2)} (≥ 0)`,
        );
      },
    },
  ],
};
