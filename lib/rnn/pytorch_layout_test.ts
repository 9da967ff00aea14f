import assert from "node:assert/strict";
import { Rng } from "../util/rng.ts";
import { matrix } from "../scratch/matrix.ts";
import {
  gradsToPyTorch,
  gruFromPyTorch,
  gruToPyTorch,
  lstmFromPyTorch,
  lstmToPyTorch,
  rnnFromPyTorch,
  rnnToPyTorch,
} from "./pytorch_layout.ts";

const [D, H] = [4, 5];
const rng = new Rng(31);
const mat = (r: number, c: number) => matrix(r, c, rng.normalArray(r * c));

Deno.test("rnnFromPyTorch() transposes the weights and adds the two biases", () => {
  const p = {
    weight_ih_l0: [[1, 2, 3]],
    weight_hh_l0: [[4]],
    bias_ih_l0: [0.5],
    bias_hh_l0: [0.25],
  };
  const { Wx, Wh, b } = rnnFromPyTorch(p);
  assert.deepEqual([Wx.shape, Array.from(Wx.data)], [[3, 1], [1, 2, 3]]);
  assert.deepEqual([Wh.shape, Array.from(b)], [[1, 1], [0.75]]);
});

Deno.test("rnnToPyTorch() and lstmToPyTorch() round-trip through the From functions", () => {
  for (
    const [G, to, from] of [[1, rnnToPyTorch, rnnFromPyTorch], [
      4,
      lstmToPyTorch,
      lstmFromPyTorch,
    ]] as const
  ) {
    const p = { Wx: mat(D, G * H), Wh: mat(H, G * H), b: rng.normalArray(G * H) };
    const t = to(p);
    assert.deepEqual([t.weight_ih_l0.length, t.weight_ih_l0[0].length], [G * H, D]);
    const back = from(t);
    assert.deepEqual([back.Wx.data, back.Wh.data, back.b], [p.Wx.data, p.Wh.data, p.b]);
  }
});

Deno.test("gruToPyTorch() keeps both biases and round-trips exactly", () => {
  const p = {
    Wx: mat(D, 3 * H),
    Wh: mat(H, 3 * H),
    bx: rng.normalArray(3 * H),
    bh: rng.normalArray(3 * H),
  };
  const t = gruToPyTorch(p);
  assert.equal(t.weight_hh_l0[7][2], p.Wh.data[2 * 3 * H + 7]); // weight_hh[j][k] = Wh[k][j]
  const back = gruFromPyTorch(t);
  assert.deepEqual([back.Wx.data, back.Wh.data, back.bx, back.bh], [
    p.Wx.data,
    p.Wh.data,
    p.bx,
    p.bh,
  ]);
});

Deno.test("gradsToPyTorch() gives both bias gradients db for the RNN and LSTM, dbx and dbh for the GRU", () => {
  const db = Float64Array.of(1, 2);
  const g = gradsToPyTorch({ dWx: matrix(3, 2), dWh: matrix(2, 2), db });
  assert.deepEqual([g.bias_ih_l0, g.bias_hh_l0, g.weight_ih_l0.length], [[1, 2], [1, 2], 2]);
  const gg = gradsToPyTorch({
    dWx: matrix(3, 6),
    dWh: matrix(2, 6),
    dbx: new Float64Array(6),
    dbh: new Float64Array(6).fill(1),
  });
  assert.deepEqual(gg.bias_hh_l0, [1, 1, 1, 1, 1, 1]);
});

Deno.test("lstmFromPyTorch() names the tensor and shapes when they do not fit", () => {
  const w = (r: number, c: number) => Array.from({ length: r }, () => new Array(c).fill(0));
  const ok = {
    weight_ih_l0: w(20, 4),
    weight_hh_l0: w(20, 5),
    bias_ih_l0: w(1, 20)[0],
    bias_hh_l0: w(1, 20)[0],
  };
  assert.throws(
    () => lstmFromPyTorch({ ...ok, weight_hh_l0: w(18, 5) }),
    /weight_hh_l0 has 18 rows, not a positive multiple of 4/,
  );
  assert.throws(
    () => lstmFromPyTorch({ ...ok, weight_hh_l0: w(20, 4) }),
    /weight_hh_l0 must have shape \[20, 5\], got \[20, 4\]/,
  );
  assert.throws(
    () => lstmFromPyTorch({ ...ok, bias_hh_l0: [0] }),
    /bias_hh_l0 must have shape \[20\], got \[1\]/,
  );
  assert.throws(() => gruFromPyTorch(ok), /weight_hh_l0 has 20 rows, not a positive multiple of 3/);
});
