import assert from "node:assert/strict";
import { sequentialBatch, sequentialBatchCount } from "./sequential_batches.ts";

const data = Int32Array.from({ length: 103 }, (_, i) => i); // each id equals its position

Deno.test("sequentialBatch(): row n of batch k + 1 continues row n of batch k", () => {
  const N = 3, T = 4, L = Math.floor((data.length - 1) / N); // 34
  const count = sequentialBatchCount(data.length, N, T);
  assert.equal(count, Math.floor(L / T));
  for (let k = 0; k < count; k++) {
    const { x, y, batchSize, seqLen } = sequentialBatch(data, N, T, k);
    assert.deepEqual([batchSize, seqLen], [N, T]);
    for (let n = 0; n < N; n++) {
      for (let t = 0; t < T; t++) {
        assert.equal(x[n * T + t], n * L + k * T + t);
        assert.equal(y[n * T + t], x[n * T + t] + 1);
      }
    }
  }
});

Deno.test("sequentialBatch(): one pass reads every stream once, targets never leave the data", () => {
  const N = 4, T = 5, count = sequentialBatchCount(data.length, N, T);
  const seen = new Set<number>();
  for (let k = 0; k < count; k++) {
    const { x, y } = sequentialBatch(data, N, T, k);
    x.forEach((v) => seen.add(v));
    assert.ok(y.every((v) => v < data.length));
  }
  assert.equal(seen.size, N * count * T);
});

Deno.test("sequentialBatch() rejects a batch outside the pass and bad sizes by name", () => {
  assert.throws(() => sequentialBatch(data, 2, 10, 5), /batch 5 is outside \[0, 5\)/);
  assert.throws(() => sequentialBatch(data, 2, 10, -1), /batch -1 is outside/);
  assert.throws(() => sequentialBatch(data, 0, 10, 0), /batchSize must be a positive integer/);
  assert.equal(sequentialBatchCount(5, 4, 2), 0);
});
