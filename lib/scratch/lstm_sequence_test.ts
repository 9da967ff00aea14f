import assert from "node:assert/strict";
import { maxAbsDiff } from "../util/all_close.ts";
import { lstmStepForward } from "./lstm_cell.ts";
import { lstmBackward, lstmForward } from "./lstm_sequence.ts";
import { matrix } from "./matrix.ts";
import { timeStep } from "./tensor3.ts";
import { _checkAll, _dot, _randoms, _worst, SIZES } from "./_rnn_testing.ts";

const { N, T, D, H } = SIZES;

function setup(seed: number) {
  const r = _randoms(seed);
  return {
    x: r.seq(N, T, D),
    h0: r.mat(N, H),
    c0: r.mat(N, H),
    Wx: r.mat(D, 4 * H, 0.5),
    Wh: r.mat(H, 4 * H, 0.5),
    b: r.vec(4 * H),
    R: r.seq(N, T, H),
    Rc: r.mat(N, H),
  };
}

Deno.test("lstmForward() chains lstmStepForward and starts from c0 = 0 by default", () => {
  const { x, h0, Wx, Wh, b } = setup(8);
  const { out, c } = lstmForward(x, h0, Wx, Wh, b);
  let h = h0, cell = matrix(N, H);
  for (let t = 0; t < T; t++) {
    const step = lstmStepForward(timeStep(x, t), h, cell, Wx, Wh, b);
    [h, cell] = [step.out, step.cNext];
    assert.equal(maxAbsDiff(timeStep(out, t).data, h.data), 0);
    assert.equal(maxAbsDiff(timeStep(c, t).data, cell.data), 0);
  }
});

Deno.test("lstmBackward() passes the gradient check for every input, c0 and dcLast included (< 1e-7)", () => {
  const { x, h0, c0, Wx, Wh, b, R, Rc } = setup(9);
  const loss = () => {
    const { out, c } = lstmForward(x, h0, Wx, Wh, b, c0);
    return _dot(out.data, R.data) + _dot(timeStep(c, T - 1).data, Rc.data);
  };
  const grads = lstmBackward(R, lstmForward(x, h0, Wx, Wh, b, c0).cache, { dcLast: Rc });
  const params = { x: x.data, h0: h0.data, c0: c0.data, Wx: Wx.data, Wh: Wh.data, b };
  const errs = _checkAll(loss, params, grads);
  console.log("lstmBackward rel errors", errs);
  assert.ok(_worst(errs) < 1e-7, JSON.stringify(errs));
});

Deno.test("lstmBackward() reports ∂L/∂h_t and ∂L/∂c_t through onStep", () => {
  const { x, h0, Wx, Wh, b, R } = setup(10);
  const { cache } = lstmForward(x, h0, Wx, Wh, b);
  const seen: [number, boolean][] = [];
  lstmBackward(R, cache, { onStep: (t, _dh, dc) => seen.push([t, dc !== undefined]) });
  assert.deepEqual(seen, [[2, true], [1, true], [0, true]]);
});
