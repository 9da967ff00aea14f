import assert from "node:assert/strict";
import { maxAbsDiff } from "../util/all_close.ts";
import { gruStepForward } from "./gru_cell.ts";
import { gruBackward, gruForward } from "./gru_sequence.ts";
import { timeStep } from "./tensor3.ts";
import { _checkAll, _dot, _randoms, _worst, SIZES } from "./_rnn_testing.ts";

const { N, T, D, H } = SIZES;

function setup(seed: number) {
  const r = _randoms(seed);
  return {
    x: r.seq(N, T, D),
    h0: r.mat(N, H),
    Wx: r.mat(D, 3 * H, 0.5),
    Wh: r.mat(H, 3 * H, 0.5),
    bx: r.vec(3 * H),
    bh: r.vec(3 * H),
    R: r.seq(N, T, H),
  };
}

Deno.test("gruForward() chains gruStepForward over time", () => {
  const { x, h0, Wx, Wh, bx, bh } = setup(13);
  const { out } = gruForward(x, h0, Wx, Wh, bx, bh);
  let h = h0;
  for (let t = 0; t < T; t++) {
    h = gruStepForward(timeStep(x, t), h, Wx, Wh, bx, bh).out;
    assert.equal(maxAbsDiff(timeStep(out, t).data, h.data), 0);
  }
});

for (const resetAfter of [true, false]) {
  Deno.test(`gruBackward() passes the gradient check for every input, resetAfter ${resetAfter} (< 1e-7)`, () => {
    const { x, h0, Wx, Wh, bx, bh, R } = setup(resetAfter ? 14 : 15);
    const loss = () => _dot(gruForward(x, h0, Wx, Wh, bx, bh, { resetAfter }).out.data, R.data);
    const grads = gruBackward(R, gruForward(x, h0, Wx, Wh, bx, bh, { resetAfter }).cache);
    const params = { x: x.data, h0: h0.data, Wx: Wx.data, Wh: Wh.data, bx, bh };
    const errs = _checkAll(loss, params, grads);
    console.log(`gruBackward (resetAfter ${resetAfter}) rel errors`, errs);
    assert.ok(_worst(errs) < 1e-7, JSON.stringify(errs));
  });
}
