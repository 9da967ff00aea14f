import assert from "node:assert/strict";
import { Rng } from "../util/rng.ts";
import { denseBackward, denseForward } from "./dense.ts";
import {
  gradCheck,
  gradCheckArray,
  gradCheckParams,
  numericGradient,
  numericGradientArray,
} from "./grad_check.ts";
import { matrix, transpose } from "./matrix.ts";

Deno.test("numericGradient() matches known derivatives and leaves its input alone", () => {
  const p = Float64Array.of(0.5, -1.5, 2);
  const f = (q: Float64Array) => Math.sin(q[0]) + q[1] ** 3 + Math.exp(q[2]);
  const g = numericGradient(f, p);
  const exact = [Math.cos(0.5), 3 * 1.5 ** 2, Math.exp(2)];
  g.forEach((v, i) => assert.ok(Math.abs(v - exact[i]) / Math.abs(exact[i]) < 1e-9, `${i}: ${v}`));
  assert.deepEqual(Array.from(p), [0.5, -1.5, 2]);
});

Deno.test("numericGradientArray() is the gradient of Σ f(p) ⊙ dOut", () => {
  const g = numericGradientArray((p) => [p[0] * p[1], p[1]], [2, 3], [1, 10]);
  assert.ok(Math.abs(g[0] - 3) < 1e-8 && Math.abs(g[1] - 12) < 1e-8);
  assert.throws(
    () => numericGradientArray((p) => p, [1, 2], [1]),
    /returned 2 values but dOut has 1/,
  );
});

Deno.test("gradCheck() uses CS231n's relative error and reports the worst index", () => {
  const f = (q: Float64Array) => q[0] * q[0] + q[1];
  const r = gradCheck(f, [3, 1], [6, 1.5]);
  assert.equal(r.worstIndex, 1);
  assert.ok(Math.abs(r.maxRelError - 0.5 / 2.5) < 1e-8);
  assert.equal(r.ok, false);
  // both zero: the 1e-8 floor keeps 0/0 away
  assert.equal(gradCheck(() => 1, [1], [0]).maxRelError, 0);
  assert.throws(() => gradCheck(f, [1, 2], [1]), RangeError);
});

Deno.test("gradCheck() catches plausible wrong backward passes of a dense layer", () => {
  const [n, d, h] = [3, 4, 5];
  const rng = new Rng(11);
  const x = matrix(n, d, rng.normalArray(n * d));
  const W = matrix(d, h, rng.normalArray(d * h));
  const b = rng.normalArray(h);
  const dOut = matrix(n, h, rng.normalArray(n * h));
  const { dW, db } = denseBackward(dOut, denseForward(x, W, b).cache);
  const fW = (p: Float64Array) => denseForward(x, matrix(d, h, p), b).out.data;
  assert.ok(gradCheckArray(fW, W.data, dOut.data, dW.data).ok);
  // sign flipped, scaled by 1/N, and a transposed-layout gradient all fail loudly
  const wrongs = [
    dW.data.map((v) => -v),
    dW.data.map((v) => v / n),
    transpose(transpose(dW)).data.map((_, i) => transpose(dW).data[i]),
  ];
  for (const wrong of wrongs) {
    const r = gradCheckArray(fW, W.data, dOut.data, wrong);
    assert.equal(r.ok, false);
    assert.ok(r.maxRelError > 1e-2, `${r.maxRelError}`);
  }
  // db summed over the wrong axis has the wrong length and is rejected
  assert.throws(() =>
    gradCheckArray((p) => denseForward(x, W, p).out.data, b, dOut.data, db.slice(1))
  );
});

Deno.test("gradCheckParams() checks named parameters in place and restores them", () => {
  const w = Float64Array.of(1, 2, 3), c = Float64Array.of(0.5);
  const loss = () => w[0] * w[1] * c[0] + w[2] ** 2;
  const good = { dw: Float64Array.of(1, 0.5, 6), dc: Float64Array.of(2) };
  const errs = gradCheckParams(loss, { w, c }, good);
  assert.ok(errs.w < 1e-8 && errs.c < 1e-8, JSON.stringify(errs));
  assert.deepEqual(Array.from(w), [1, 2, 3]);
  const bad = gradCheckParams(loss, { w, c }, { ...good, dw: Float64Array.of(1, 0.5, 3) });
  assert.ok(bad.w > 0.1);
  assert.throws(() => gradCheckParams(loss, { w }, {}), /dw is missing/);
  assert.throws(() =>
    gradCheckParams(
      () => {
        throw new Error("boom");
      },
      { w },
      good,
    ), /boom/);
  assert.deepEqual(Array.from(w), [1, 2, 3]);
});

Deno.test("numericGradient() with order 4 is more accurate and exact for unused entries", () => {
  const f = (q: Float64Array) => Math.exp(q[0]) + 0 * q[1];
  const two = numericGradient(f, [1, 5], 1e-3);
  const four = numericGradient(f, [1, 5], 1e-3, 4);
  assert.ok(Math.abs(four[0] - Math.E) < 1e-11 && Math.abs(two[0] - Math.E) > 1e-7);
  assert.equal(four[1], 0);
  assert.equal(gradCheck(f, [1, 5], [Math.E, 0], { order: 4, h: 1e-3 }).maxRelError < 1e-11, true);
});
