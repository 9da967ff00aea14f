import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { maxAbsDiff } from "../util/all_close.ts";
import { Rng } from "../util/rng.ts";
import { matrix } from "../scratch/matrix.ts";
import { tensor3 } from "../scratch/tensor3.ts";
import { rnnBackward, rnnForward } from "../scratch/rnn_sequence.ts";
import { cs231n } from "./cs231n.ts";

await initBackend({ quiet: true });

const f32 = (a: Float64Array) => Float32Array.from(a);

/** np.linspace(a, b, n).reshape(shape) as nested arrays (float64). */
function lin(a: number, b: number, shape: number[]): number[] | number[][] | number[][][] {
  const n = shape.reduce((p, q) => p * q, 1);
  const v = Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
  const nest = (vals: number[], s: number[]): number[] | number[][] | number[][][] => {
    if (s.length === 1) return vals;
    const step = vals.length / s[0];
    return Array.from(
      { length: s[0] },
      (_, i) => nest(vals.slice(i * step, (i + 1) * step), s.slice(1)),
    ) as
      | number[][]
      | number[][][];
  };
  return nest(v, shape);
}

Deno.test("cs231n.rnnStepForward() reproduces CS231n's rnn_step_forward check", () => {
  const [N, D, H] = [3, 10, 4];
  const { out } = cs231n.rnnStepForward(
    lin(-0.4, 0.7, [N, D]),
    lin(-0.2, 0.5, [N, H]),
    lin(-0.1, 0.9, [D, H]),
    lin(-0.3, 0.7, [H, H]),
    lin(-0.2, 0.4, [H]),
  );
  const expected = [
    [-0.58172089, -0.50182032, -0.41232771, -0.31410098],
    [0.66854692, 0.79562378, 0.87755553, 0.92795967],
    [0.97934501, 0.99144213, 0.99646691, 0.99854353],
  ];
  const err = maxAbsDiff(out.arraySync(), expected);
  console.log("rnnStepForward vs CS231n expected: max abs diff", err);
  assert.ok(err < 1e-6);
  out.dispose();
});

Deno.test("cs231n.rnnForward() reproduces CS231n's rnn_forward check", () => {
  const [N, T, D, H] = [2, 3, 4, 5];
  const { out } = cs231n.rnnForward(
    lin(-0.1, 0.3, [N, T, D]),
    lin(-0.3, 0.1, [N, H]),
    lin(-0.2, 0.4, [D, H]),
    lin(-0.4, 0.1, [H, H]),
    lin(-0.7, 0.1, [H]),
  );
  const expected = [
    [
      [-0.42070749, -0.27279261, -0.11074945, 0.05740409, 0.22236251],
      [-0.39525808, -0.22554661, -0.0409454, 0.14649412, 0.32397316],
      [-0.42305111, -0.24223728, -0.04287027, 0.15997045, 0.35014525],
    ],
    [
      [-0.55857474, -0.39065825, -0.19198182, 0.02378408, 0.23735671],
      [-0.27150199, -0.07088804, 0.13562939, 0.33099728, 0.50158768],
      [-0.51014825, -0.30524429, -0.06755202, 0.17806392, 0.40333043],
    ],
  ];
  const err = maxAbsDiff(out.arraySync(), expected);
  console.log("rnnForward vs CS231n expected: max abs diff", err);
  assert.ok(err < 1e-6);
  out.dispose();
});

Deno.test("cs231n.rnnForward() and rnnBackward() equal the scratch float64 versions (< 1e-5), tensors in, no leaks", () => {
  const [N, T, D, H] = [2, 3, 4, 5];
  const rng = new Rng(21);
  const x = tensor3(N, T, D, rng.normalArray(N * T * D)), h0 = matrix(N, H, rng.normalArray(N * H));
  const Wx = matrix(D, H, rng.normalArray(D * H, 0.5)),
    Wh = matrix(H, H, rng.normalArray(H * H, 0.5));
  const b = rng.normalArray(H), dh = tensor3(N, T, H, rng.normalArray(N * T * H));
  const ref = rnnForward(x, h0, Wx, Wh, b);
  const refG = rnnBackward(dh, ref.cache);
  const t = tf.tidy(() => ({
    x: tf.tensor3d(f32(x.data), x.shape),
    h0: tf.tensor2d(f32(h0.data), h0.shape),
    Wx: tf.tensor2d(f32(Wx.data), Wx.shape),
    Wh: tf.tensor2d(f32(Wh.data), Wh.shape),
    b: tf.tensor1d(f32(b)),
    dh: tf.tensor3d(f32(dh.data), dh.shape),
  }));
  const before = tf.memory().numTensors;
  for (let i = 0; i < 3; i++) {
    const { out, cache } = cs231n.rnnForward(t.x, t.h0, t.Wx, t.Wh, t.b);
    const g = cs231n.rnnBackward(t.dh, cache);
    const diffs = [
      maxAbsDiff(out.dataSync(), ref.out.data),
      maxAbsDiff(g.dx.dataSync(), refG.dx.data),
      maxAbsDiff(g.dh0.dataSync(), refG.dh0.data),
      maxAbsDiff(g.dWx.dataSync(), refG.dWx.data),
      maxAbsDiff(g.dWh.dataSync(), refG.dWh.data),
      maxAbsDiff(g.db.dataSync(), refG.db),
    ];
    if (i === 0) console.log("cs231n (float32) vs scratch (float64): max abs diffs", diffs);
    assert.ok(Math.max(...diffs) < 1e-5, String(diffs));
    tf.dispose([out, g.dx, g.dh0, g.dWx, g.dWh, g.db]);
    assert.equal(tf.memory().numTensors, before);
  }
  tf.dispose(Object.values(t));
});

Deno.test("cs231n.rnnStepBackward() gives CS231n's gradient names and shapes", () => {
  const { out, cache } = cs231n.rnnStepForward(
    lin(-1, 1, [4, 5]),
    lin(-1, 1, [4, 6]),
    lin(-1, 1, [5, 6]),
    lin(-1, 1, [6, 6]),
    lin(-1, 1, [6]),
  );
  const g = cs231n.rnnStepBackward(tf.onesLike(out), cache);
  assert.deepEqual(
    [g.dx.shape, g.dprevH.shape, g.dWx.shape, g.dWh.shape, g.db.shape],
    [[4, 5], [4, 6], [5, 6], [6, 6], [6]],
  );
  tf.dispose([out, g.dx, g.dprevH, g.dWx, g.dWh, g.db]);
});

Deno.test("cs231n.rnnStepForward() names the shapes when they do not fit", () => {
  assert.throws(
    () =>
      cs231n.rnnStepForward(
        lin(0, 1, [2, 4]),
        lin(0, 1, [2, 5]),
        lin(0, 1, [5, 4]),
        lin(0, 1, [5, 5]),
        lin(0, 1, [5]),
      ),
    /cs231n.rnnStepForward: expected Wx \[4, 5\], Wh \[5, 5\], b \[5\], got Wx \[5,4\]/,
  );
  assert.throws(
    () => cs231n.rnnForward(lin(0, 1, [2, 4]), [[0]], [[0]], [[0]], [0]),
    /x must have rank 3/,
  );
});
