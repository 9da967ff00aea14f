import assert from "node:assert/strict";
import { sigmoid } from "./activations.ts";
import { gruStepBackward, gruStepForward } from "./gru_cell.ts";
import { matrix } from "./matrix.ts";
import { _checkAll, _dot, _randoms, _worst, SIZES } from "./_rnn_testing.ts";

const { N, D, H } = SIZES;

Deno.test("gruStepForward() reads the 3H columns as r | z | n and resets after the matmul", () => {
  // H = D = 1: x = 1, hPrev = 2; each gate has weights and biases of its own
  const x = matrix(1, 1, [1]), h = matrix(1, 1, [2]);
  const Wx = matrix(1, 3, [0.1, 0.2, 0.3]), Wh = matrix(1, 3, [0.4, 0.5, 0.6]);
  const bx = Float64Array.of(0.01, 0.02, 0.03), bh = Float64Array.of(0.04, 0.05, 0.06);
  const r = sigmoid(0.1 + 0.01 + 0.8 + 0.04), z = sigmoid(0.2 + 0.02 + 1.0 + 0.05);
  const nAfter = Math.tanh(0.3 + 0.03 + r * (1.2 + 0.06)); // PyTorch
  const nBefore = Math.tanh(0.3 + 0.03 + r * 2 * 0.6 + 0.06); // Cho et al. 2014
  const after = gruStepForward(x, h, Wx, Wh, bx, bh).out.data[0];
  const before = gruStepForward(x, h, Wx, Wh, bx, bh, { resetAfter: false }).out.data[0];
  assert.ok(Math.abs(after - ((1 - z) * nAfter + z * 2)) < 1e-15);
  assert.ok(Math.abs(before - ((1 - z) * nBefore + z * 2)) < 1e-15);
});

Deno.test("gruStepForward() names the argument and both shapes when they do not fit", () => {
  const r = _randoms(1);
  assert.throws(
    () =>
      gruStepForward(
        r.mat(N, D),
        r.mat(N, H),
        r.mat(D, 3 * H),
        r.mat(H, 3 * H),
        r.vec(3 * H),
        r.vec(H),
      ),
    /gruStepForward: bh must have shape \[15\], got \[5\]/,
  );
});

for (const resetAfter of [true, false]) {
  Deno.test(`gruStepBackward() passes the gradient check for every input, resetAfter ${resetAfter} (< 1e-7)`, () => {
    const r = _randoms(resetAfter ? 11 : 12);
    const x = r.mat(N, D), hPrev = r.mat(N, H);
    const Wx = r.mat(D, 3 * H, 0.5),
      Wh = r.mat(H, 3 * H, 0.5),
      bx = r.vec(3 * H),
      bh = r.vec(3 * H);
    const R = r.mat(N, H);
    const loss = () =>
      _dot(gruStepForward(x, hPrev, Wx, Wh, bx, bh, { resetAfter }).out.data, R.data);
    const grads = gruStepBackward(
      R,
      gruStepForward(x, hPrev, Wx, Wh, bx, bh, { resetAfter }).cache,
    );
    const params = { x: x.data, hPrev: hPrev.data, Wx: Wx.data, Wh: Wh.data, bx, bh };
    const errs = _checkAll(loss, params, grads);
    console.log(`gruStepBackward (resetAfter ${resetAfter}) rel errors`, errs);
    assert.ok(_worst(errs) < 1e-7, JSON.stringify(errs));
  });
}
