import assert from "node:assert/strict";
import { Rng } from "../util/rng.ts";
import { denseBackward, denseForward } from "./dense.ts";
import { gradCheckArray } from "./grad_check.ts";
import { fromRows, matrix, toRows } from "./matrix.ts";

Deno.test("denseForward() computes x·W + b", () => {
  const x = fromRows([[1, 2], [3, 4], [5, 6]]); // [3, 2]
  const W = fromRows([[1, 0, -1], [2, 1, 0]]); // [2, 3]
  const { out } = denseForward(x, W, Float64Array.of(0.5, 0, -0.5));
  assert.deepEqual(toRows(out), [[5.5, 2, -1.5], [11.5, 4, -3.5], [17.5, 6, -5.5]]);
});

Deno.test("denseForward() names the shapes when they do not fit", () => {
  assert.throws(
    () => denseForward(matrix(2, 4), matrix(3, 5), new Float64Array(5)),
    /x is \[2,4\], W is \[3,5\]/,
  );
  assert.throws(() => denseForward(matrix(2, 4), matrix(4, 5), new Float64Array(4)), RangeError);
});

Deno.test("denseBackward() passes the gradient check for dx, dW and db (< 1e-7)", () => {
  for (const [n, d, h] of [[2, 4, 5], [3, 4, 5], [5, 3, 6]]) {
    const rng = new Rng(n * 100 + d * 10 + h);
    const x = matrix(n, d, rng.normalArray(n * d)); // [N, D]
    const W = matrix(d, h, rng.normalArray(d * h)); // [D, H]
    const b = rng.normalArray(h); // [H]
    const dOut = matrix(n, h, rng.normalArray(n * h)); // [N, H]
    const { dx, dW, db } = denseBackward(dOut, denseForward(x, W, b).cache);
    assert.deepEqual([dx.shape, dW.shape, db.length], [[n, d], [d, h], h]);
    const errs = [
      gradCheckArray(
        (p) => denseForward(matrix(n, d, p), W, b).out.data,
        x.data,
        dOut.data,
        dx.data,
      ),
      gradCheckArray(
        (p) => denseForward(x, matrix(d, h, p), b).out.data,
        W.data,
        dOut.data,
        dW.data,
      ),
      gradCheckArray((p) => denseForward(x, W, p).out.data, b, dOut.data, db),
    ].map((r) => r.maxRelError);
    assert.ok(Math.max(...errs) < 1e-7, `N=${n} D=${d} H=${h}: errors ${errs}`);
  }
});

Deno.test("denseBackward() rejects an upstream gradient of the wrong shape", () => {
  const { cache } = denseForward(matrix(2, 4), matrix(4, 5), new Float64Array(5));
  assert.throws(() => denseBackward(matrix(2, 4), cache), /dOut is \[2,4\]/);
});
