import assert from "node:assert/strict";
import { allClose } from "../util/all_close.ts";
import { Rng } from "../util/rng.ts";
import { probsFromLogits, sampleFromLogits } from "./sample_from_logits.ts";

const logits = Float32Array.of(1.0, 3.0, -2.0, 2.5, 0.0, 2.9);

function draws(opts: { temperature?: number; topK?: number }, seed: number, n = 2000): number[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => sampleFromLogits(logits, { ...opts, rng }));
}

Deno.test("probsFromLogits() is the softmax of logits / temperature", () => {
  const T = 0.7;
  const e = Array.from(logits, (l) => Math.exp(l / T));
  const s = e.reduce((a, b) => a + b);
  assert.ok(allClose(probsFromLogits(logits, { temperature: T }), e.map((v) => v / s), 1e-12));
});

Deno.test("sampleFromLogits() is deterministic for a seed", () => {
  assert.deepEqual(draws({ temperature: 0.8 }, 7, 200), draws({ temperature: 0.8 }, 7, 200));
  assert.notDeepEqual(draws({ temperature: 0.8 }, 7, 200), draws({ temperature: 0.8 }, 8, 200));
});

Deno.test("sampleFromLogits() at temperature 0 is the argmax, and near 0 almost always", () => {
  assert.ok(draws({ temperature: 0 }, 1, 100).every((i) => i === 1));
  assert.ok(draws({ temperature: 1e-3 }, 1, 100).every((i) => i === 1));
  assert.equal(sampleFromLogits(Float64Array.of(5, 5, 1), { temperature: 0, rng: new Rng(1) }), 0);
});

Deno.test("sampleFromLogits() with topK never picks outside the top k", () => {
  for (const topK of [1, 2, 3]) {
    const top = new Set([1, 5, 3].slice(0, topK));
    const seen = new Set(draws({ temperature: 5, topK }, topK));
    assert.deepEqual([...seen].sort(), [...top].sort());
  }
  assert.equal(probsFromLogits(logits, { topK: 99 }).filter((p) => p > 0).length, 6);
});

Deno.test("sampleFromLogits() frequencies follow the probabilities", () => {
  const n = 20_000;
  const counts = new Float64Array(6);
  for (const i of draws({ temperature: 1 }, 3, n)) counts[i] += 1 / n;
  assert.ok(allClose(counts, probsFromLogits(logits), 0, 0.02));
});

Deno.test("sampleFromLogits() rejects a negative temperature, topK < 1 and NaN logits", () => {
  const rng = new Rng(1);
  assert.throws(
    () => sampleFromLogits(logits, { temperature: -0.5, rng }),
    /temperature must be ≥ 0/,
  );
  assert.throws(
    () => sampleFromLogits(logits, { topK: 0, rng }),
    /topK must be an integer ≥ 1, got 0/,
  );
  assert.throws(() => sampleFromLogits(logits, { topK: 1.5, rng }), RangeError);
  assert.throws(() => sampleFromLogits(Float32Array.of(0, NaN), { rng }), /logits\[1\] is NaN/);
  assert.throws(() => sampleFromLogits(new Float32Array(0), { rng }), /empty/);
});
