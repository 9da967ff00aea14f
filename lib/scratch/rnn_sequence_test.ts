import assert from "node:assert/strict";
import { maxAbsDiff } from "../util/all_close.ts";
import { rnnStepForward } from "./rnn_cell.ts";
import { rnnBackward, rnnForward } from "./rnn_sequence.ts";
import { tensor3, timeStep } from "./tensor3.ts";
import { matrix } from "./matrix.ts";
import { _checkAll, _dot, _linspace, _randoms, _worst, SIZES } from "./_rnn_testing.ts";

const { N, T, D, H } = SIZES;

function setup(seed: number) {
  const r = _randoms(seed);
  return {
    x: r.seq(N, T, D),
    h0: r.mat(N, H),
    Wx: r.mat(D, H, 0.5),
    Wh: r.mat(H, H, 0.5),
    b: r.vec(H),
    R: r.seq(N, T, H),
  };
}

Deno.test("rnnForward() chains rnnStepForward over time", () => {
  const { x, h0, Wx, Wh, b } = setup(3);
  const { out } = rnnForward(x, h0, Wx, Wh, b);
  assert.deepEqual(out.shape, [N, T, H]);
  let h = h0;
  for (let t = 0; t < T; t++) {
    h = rnnStepForward(timeStep(x, t), h, Wx, Wh, b).out;
    assert.equal(maxAbsDiff(timeStep(out, t).data, h.data), 0);
  }
});

Deno.test("rnnForward() reproduces CS231n's rnn_forward check (< 1e-8)", () => {
  const { out } = rnnForward(
    tensor3(N, T, D, _linspace(-0.1, 0.3, N * T * D)),
    matrix(N, H, _linspace(-0.3, 0.1, N * H)),
    matrix(D, H, _linspace(-0.2, 0.4, D * H)),
    matrix(H, H, _linspace(-0.4, 0.1, H * H)),
    _linspace(-0.7, 0.1, H),
  );
  const expected = [
    [-0.42070749, -0.27279261, -0.11074945, 0.05740409, 0.22236251],
    [-0.39525808, -0.22554661, -0.0409454, 0.14649412, 0.32397316],
    [-0.42305111, -0.24223728, -0.04287027, 0.15997045, 0.35014525],
    [-0.55857474, -0.39065825, -0.19198182, 0.02378408, 0.23735671],
    [-0.27150199, -0.07088804, 0.13562939, 0.33099728, 0.50158768],
    [-0.51014825, -0.30524429, -0.06755202, 0.17806392, 0.40333043],
  ];
  assert.ok(maxAbsDiff(out.data, expected) < 1e-8);
});

Deno.test("rnnForward() rejects an empty sequence and a mismatched h0", () => {
  const { Wx, Wh, b, h0 } = setup(4);
  assert.throws(() => rnnForward(tensor3(N, 0, D), h0, Wx, Wh, b), /no time steps/);
  assert.throws(
    () => rnnForward(tensor3(N + 1, T, D), h0, Wx, Wh, b),
    /h0 must have shape \[3, \?\]/,
  );
});

Deno.test("rnnBackward() passes the gradient check for every input (< 1e-7)", () => {
  const { x, h0, Wx, Wh, b, R } = setup(5);
  const loss = () => _dot(rnnForward(x, h0, Wx, Wh, b).out.data, R.data);
  const grads = rnnBackward(R, rnnForward(x, h0, Wx, Wh, b).cache);
  const errs = _checkAll(loss, { x: x.data, h0: h0.data, Wx: Wx.data, Wh: Wh.data, b }, grads);
  console.log("rnnBackward rel errors", errs);
  assert.ok(_worst(errs) < 1e-7, JSON.stringify(errs));
});

Deno.test("rnnBackward() reports ∂L/∂h_t at every step through onStep", () => {
  const { x, h0, Wx, Wh, b } = setup(6);
  const { cache } = rnnForward(x, h0, Wx, Wh, b);
  const dh = tensor3(N, T, H);
  dh.data.fill(1, (0 * T + T - 1) * H, T * H); // loss = Σ h[0, T−1, :]
  const seen: number[] = [];
  const { dh0 } = rnnBackward(dh, cache, { onStep: (t) => seen.push(t) });
  assert.deepEqual(seen, [2, 1, 0]);
  assert.ok(dh0.data.slice(0, H).some((v) => v !== 0)); // reached h0 of sequence 0
  assert.ok(dh0.data.slice(H).every((v) => v === 0)); // sequence 1 is not in the loss
});
