import assert from "node:assert/strict";
import { Rng } from "../util/rng.ts";
import { getBatch, sampleWindows, splitWindows } from "./get_batch.ts";

const data = Int32Array.from({ length: 200 }, (_, i) => i); // each id equals its position

Deno.test("getBatch() returns [N * T] inputs whose targets are shifted by one", () => {
  const N = 3, T = 7;
  const { x, y, batchSize, seqLen } = getBatch(data, N, T, new Rng(5));
  assert.equal(x.length, N * T);
  assert.equal(y.length, N * T);
  assert.deepEqual([batchSize, seqLen], [N, T]);
  for (let n = 0; n < N; n++) {
    for (let t = 0; t < T; t++) {
      assert.equal(y[n * T + t], x[n * T + t] + 1); // the next character
      if (t > 0) assert.equal(x[n * T + t], x[n * T + t - 1] + 1); // contiguous
    }
  }
});

Deno.test("getBatch() is deterministic for a seed and differs across seeds", () => {
  const a = getBatch(data, 4, 10, new Rng(42));
  const b = getBatch(data, 4, 10, new Rng(42));
  const c = getBatch(data, 4, 10, new Rng(43));
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.x, c.x);
});

Deno.test("sampleWindows() reaches both ends of the data and never runs past it", () => {
  const small = Int32Array.from({ length: 12 }, (_, i) => i);
  const starts = new Set<number>();
  const w = sampleWindows(small, 500, 10, new Rng(1)); // starts in [0, 2]
  for (let b = 0; b < 500; b++) starts.add(w[b * 10]);
  assert.deepEqual([...starts].sort(), [0, 1, 2]);
  assert.deepEqual(sampleWindows(small, 2, 12, new Rng(1)), Int32Array.from([...small, ...small]));
});

Deno.test("splitWindows() splits [N, T + 1] rows into inputs and targets", () => {
  const { x, y, seqLen } = splitWindows(Int32Array.of(1, 2, 3, 7, 8, 9), 2);
  assert.equal(seqLen, 2);
  assert.deepEqual(x, Int32Array.of(1, 2, 7, 8));
  assert.deepEqual(y, Int32Array.of(2, 3, 8, 9));
});

Deno.test("getBatch() and friends reject bad sizes with the sizes in the message", () => {
  assert.throws(
    () => getBatch(data, 0, 5, new Rng(1)),
    /batchSize must be a positive integer, got 0/,
  );
  assert.throws(() => getBatch(data, 2, 200, new Rng(1)), /200 ids, fewer than one window of 201/);
  assert.throws(() => splitWindows(new Int32Array(7), 2), /7 ids do not split into 2 windows/);
});

Deno.test("an empty batch is refused by name, never an out-of-bounds offset or a NaN loss", () => {
  for (const [w, n] of [[new Int32Array(0), 0], [new Int32Array(0), 3], [new Int32Array(6), 0]]) {
    assert.throws(
      () => splitWindows(w as Int32Array, n as number),
      /splitWindows: an empty batch \(\d ids, batchSize \d\)/,
    );
  }
  assert.throws(
    () => getBatch(new Int32Array(0), 2, 4, new Rng(1)),
    /0 ids, fewer than one window/,
  );
  assert.throws(() => getBatch(data, 2, 0, new Rng(1)), /seqLen must be a positive integer, got 0/);
});
