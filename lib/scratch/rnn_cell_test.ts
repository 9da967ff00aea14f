import assert from "node:assert/strict";
import { matrix, toRows } from "./matrix.ts";
import { rnnStepBackward, rnnStepForward } from "./rnn_cell.ts";
import { maxAbsDiff } from "../util/all_close.ts";
import { _checkAll, _dot, _linspace, _randoms, _worst, SIZES } from "./_rnn_testing.ts";

const { N, D, H } = SIZES;

Deno.test("rnnStepForward() computes tanh(x·Wx + hPrev·Wh + b)", () => {
  const x = matrix(1, 2, [1, 2]), h = matrix(1, 1, [0.5]);
  const Wx = matrix(2, 1, [0.1, -0.2]), Wh = matrix(1, 1, [0.3]);
  const { out } = rnnStepForward(x, h, Wx, Wh, Float64Array.of(0.05));
  assert.deepEqual(toRows(out), [[Math.tanh(0.1 - 0.4 + 0.15 + 0.05)]]);
});

Deno.test("rnnStepForward() reproduces CS231n's rnn_step_forward check (< 1e-8)", () => {
  const [n, d, h] = [3, 10, 4];
  const { out } = rnnStepForward(
    matrix(n, d, _linspace(-0.4, 0.7, n * d)),
    matrix(n, h, _linspace(-0.2, 0.5, n * h)),
    matrix(d, h, _linspace(-0.1, 0.9, d * h)),
    matrix(h, h, _linspace(-0.3, 0.7, h * h)),
    _linspace(-0.2, 0.4, h),
  );
  const expected = [
    [-0.58172089, -0.50182032, -0.41232771, -0.31410098],
    [0.66854692, 0.79562378, 0.87755553, 0.92795967],
    [0.97934501, 0.99144213, 0.99646691, 0.99854353],
  ];
  assert.ok(maxAbsDiff(out.data, expected) < 1e-8);
});

Deno.test("rnnStepForward() names the argument and both shapes when they do not fit", () => {
  const r = _randoms(1);
  assert.throws(
    () => rnnStepForward(r.mat(N, D), r.mat(N, H), r.mat(H, D), r.mat(H, H), r.vec(H)),
    /rnnStepForward: Wx must have shape \[4, 5\], got \[5, 4\]/,
  );
  assert.throws(
    () => rnnStepForward(r.mat(N, D), r.mat(N, H), r.mat(D, H), r.mat(H, H), r.vec(D)),
    RangeError,
  );
});

Deno.test("rnnStepBackward() passes the gradient check for every input (< 1e-7)", () => {
  const r = _randoms(2);
  const x = r.mat(N, D), hPrev = r.mat(N, H), Wx = r.mat(D, H, 0.5), Wh = r.mat(H, H, 0.5);
  const b = r.vec(H), R = r.mat(N, H);
  const loss = () => _dot(rnnStepForward(x, hPrev, Wx, Wh, b).out.data, R.data);
  const grads = rnnStepBackward(R, rnnStepForward(x, hPrev, Wx, Wh, b).cache);
  const errs = _checkAll(
    loss,
    { x: x.data, hPrev: hPrev.data, Wx: Wx.data, Wh: Wh.data, b },
    grads,
  );
  console.log("rnnStepBackward rel errors", errs);
  assert.ok(_worst(errs) < 1e-7, JSON.stringify(errs));
});
