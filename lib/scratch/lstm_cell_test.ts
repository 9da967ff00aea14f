import assert from "node:assert/strict";
import { sigmoid } from "./activations.ts";
import { lstmStepBackward, lstmStepForward } from "./lstm_cell.ts";
import { matrix } from "./matrix.ts";
import { _checkAll, _dot, _randoms, _worst, SIZES } from "./_rnn_testing.ts";

const { N, D, H } = SIZES;

Deno.test("lstmStepForward() reads the 4H columns as i | f | g | o", () => {
  // H = 1, D = 1, Wx = Wh = 0, so each gate sees only its own bias
  const b = Float64Array.of(0.1, 0.2, 0.3, 0.4); // i, f, g, o
  const { out, cNext, cache } = lstmStepForward(
    matrix(1, 1),
    matrix(1, 1),
    matrix(1, 1, [2]),
    matrix(1, 4),
    matrix(1, 4),
    b,
  );
  const [i, f, g, o] = [sigmoid(0.1), sigmoid(0.2), Math.tanh(0.3), sigmoid(0.4)];
  assert.deepEqual([cache.i.data[0], cache.f.data[0], cache.g.data[0], cache.o.data[0]], [
    i,
    f,
    g,
    o,
  ]);
  assert.equal(cNext.data[0], f * 2 + i * g);
  assert.equal(out.data[0], o * Math.tanh(f * 2 + i * g));
});

Deno.test("lstmStepForward() names the argument and both shapes when they do not fit", () => {
  const r = _randoms(1);
  assert.throws(
    () =>
      lstmStepForward(
        r.mat(N, D),
        r.mat(N, H),
        r.mat(N, H),
        r.mat(D, 3 * H),
        r.mat(H, 4 * H),
        r.vec(4 * H),
      ),
    /lstmStepForward: Wx must have shape \[4, 20\], got \[4, 15\]/,
  );
});

Deno.test("lstmStepBackward() passes the gradient check for every input (< 1e-7)", () => {
  const r = _randoms(7);
  const x = r.mat(N, D), hPrev = r.mat(N, H), cPrev = r.mat(N, H);
  const Wx = r.mat(D, 4 * H, 0.5), Wh = r.mat(H, 4 * H, 0.5), b = r.vec(4 * H);
  const Rh = r.mat(N, H), Rc = r.mat(N, H); // loss reads both outputs
  const loss = () => {
    const { out, cNext } = lstmStepForward(x, hPrev, cPrev, Wx, Wh, b);
    return _dot(out.data, Rh.data) + _dot(cNext.data, Rc.data);
  };
  const grads = lstmStepBackward(Rh, Rc, lstmStepForward(x, hPrev, cPrev, Wx, Wh, b).cache);
  const params = { x: x.data, hPrev: hPrev.data, cPrev: cPrev.data, Wx: Wx.data, Wh: Wh.data, b };
  const errs = _checkAll(loss, params, grads);
  console.log("lstmStepBackward rel errors", errs);
  assert.ok(_worst(errs) < 1e-7, JSON.stringify(errs));
});
