import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { Rng } from "../util/rng.ts";
import { matrix } from "../scratch/matrix.ts";
import { tensor3 } from "../scratch/tensor3.ts";
import { rnnBackward, rnnForward } from "../scratch/rnn_sequence.ts";
import { type RnnActivation, rnnFused } from "./rnn_fused.ts";
import { rnnPlain } from "../rnn/rnn_plain.ts";
import { lastSteps, padFront, probe, randn, scaledDiff } from "./_tf_testing.ts";

await initBackend({ quiet: true });
const [N, T, D, H, V] = [2, 3, 4, 5, 7];
const NAMES = ["x", "h0", "Wx", "Wh", "b"];

function args(seed: number): tf.Tensor[] {
  const rng = new Rng(seed);
  return [[N, T, D], [N, H], [D, H], [H, H], [H]].map((s) => randn(rng, s, 0.7));
}

function assertSame(a: ReturnType<typeof probe>, b: ReturnType<typeof probe>, tol: number) {
  assert.ok(scaledDiff(a.out, b.out) < tol, `out differs by ${scaledDiff(a.out, b.out)}`);
  a.grads.forEach((g, i) => {
    const e = scaledDiff(g, b.grads[i]);
    assert.ok(e < tol, `d${NAMES[i] ?? i} differs by ${e} (tolerance ${tol})`);
  });
}

Deno.test("rnnFused() equals rnnPlain() for tanh, relu and linear, batch-first and time-major", () => {
  const a = args(1), R = randn(new Rng(2), [N, T, H]);
  for (const activation of ["tanh", "relu", "linear"] as RnnActivation[]) {
    const ref = probe((x, ...w) => rnnPlain(x, w[0], w[1], w[2], w[3], activation), a, R);
    assertSame(
      probe((x, ...w) => rnnFused(x, w[0], w[1], w[2], w[3], { activation }), a, R),
      ref,
      1e-5,
    );
    const tm = (x: tf.Tensor, ...w: tf.Tensor[]) =>
      tf.transpose(
        rnnFused(tf.transpose(x, [1, 0, 2]), w[0], w[1], w[2], w[3], {
          activation,
          timeMajor: true,
        }),
        [1, 0, 2],
      );
    assertSame(probe(tm, a, R), ref, 1e-5);
  }
  tf.dispose([...a, R]);
});

Deno.test("rnnFused() with { ids, table } equals a one-hot embedding followed by rnnPlain()", () => {
  const [, h0, Wx, Wh, b] = args(3),
    E = randn(new Rng(4), [V, D]),
    R = randn(new Rng(5), [N, T, H]);
  const ids = tf.tensor2d([[1, 6, 3], [0, 0, 2]], [N, T], "int32");
  const oneHot = tf.oneHot(tf.reshape(ids, [N * T]), V).toFloat();
  const ref = probe((E, Wx) => rnnPlain(tf.matMul(oneHot, E).reshape([N, T, D]), h0, Wx, Wh, b), [
    E,
    Wx,
  ], R);
  assertSame(probe((E, Wx) => rnnFused({ ids, table: E }, h0, Wx, Wh, b), [E, Wx], R), ref, 1e-5);
  tf.dispose([h0, Wx, Wh, b, E, R, ids, oneHot]);
});

Deno.test("rnnFused() equals the scratch float64 RNN within 1e-5 relative", () => {
  const a = args(6), R = randn(new Rng(7), [N, T, H]);
  const f = a.map((t) => Float64Array.from(t.dataSync()));
  const { out, cache } = rnnForward(
    tensor3(N, T, D, f[0]),
    matrix(N, H, f[1]),
    matrix(D, H, f[2]),
    matrix(H, H, f[3]),
    f[4],
  );
  const g = rnnBackward(tensor3(N, T, H, R.dataSync()), cache);
  const got = probe((x, ...w) => rnnFused(x, w[0], w[1], w[2], w[3]), a, R);
  assertSame(got, {
    out: Float32Array.from(out.data),
    grads: [g.dx.data, g.dh0.data, g.dWx.data, g.dWh.data, g.db].map((d) => Float32Array.from(d)),
  }, 1e-5);
  tf.dispose([...a, R]);
});

/** The scratch RNN's outputs on a's weights: ∂L/∂h_t per step from onStep, gradients of the last k steps. */
function scratchBptt(a: tf.Tensor[], R: tf.Tensor, k = T) {
  const f = a.map((t) => Float64Array.from(t.dataSync()));
  const { cache } = rnnForward(
    tensor3(N, T, D, f[0]),
    matrix(N, H, f[1]),
    matrix(D, H, f[2]),
    matrix(H, H, f[3]),
    f[4],
  );
  const dhSteps: Float64Array[] = [];
  const g = rnnBackward(lastSteps(R, k), { steps: cache.steps.slice(T - k) }, {
    onStep: (t, d) => (dhSteps[t + T - k] = d.data.slice()),
  });
  const dh0 = k === T ? g.dh0.data : new Float64Array(N * H);
  return { dhSteps, grads: [padFront(g.dx, T), dh0, g.dWx.data, g.dWh.data, g.db] };
}

Deno.test("rnnFused() onBackwardStep reports the scratch onStep values of ∂L/∂h_t", () => {
  const a = args(10), R = randn(new Rng(11), [N, T, H]);
  const want = scratchBptt(a, R);
  for (const timeMajor of [false, true]) {
    const got: Float32Array[] = [], order: number[] = [];
    const onBackwardStep = (t: number, dh: Float32Array) => {
      got[t] = dh;
      order.push(t);
    };
    const f = (x: tf.Tensor, ...w: tf.Tensor[]) =>
      timeMajor
        ? tf.transpose(
          rnnFused(tf.transpose(x, [1, 0, 2]), w[0], w[1], w[2], w[3], {
            timeMajor,
            onBackwardStep,
          }),
          [1, 0, 2],
        )
        : rnnFused(x, w[0], w[1], w[2], w[3], { onBackwardStep });
    probe(f, a, R);
    assert.deepEqual(order, [2, 1, 0]);
    for (let t = 0; t < T; t++) {
      const e = scaledDiff(got[t], want.dhSteps[t]);
      assert.ok(e < 1e-5, `t = ${t} (timeMajor ${timeMajor}): differs by ${e}`);
    }
  }
  tf.dispose([...a, R]);
});

Deno.test("rnnFused() with truncate k equals the scratch BPTT through the last k steps", () => {
  const a = args(12), R = randn(new Rng(13), [N, T, H]);
  for (const k of [1, 2]) {
    const want = scratchBptt(a, R, k), reached: number[] = [];
    const got = probe(
      (x, ...w) =>
        rnnFused(x, w[0], w[1], w[2], w[3], {
          truncate: k,
          onBackwardStep: (t) => reached.push(t),
        }),
      a,
      R,
    );
    assert.deepEqual(reached, k === 1 ? [2] : [2, 1]);
    got.grads.forEach((g, i) => {
      const e = scaledDiff(g, want.grads[i]);
      assert.ok(e < 1e-5, `k = ${k}: d${NAMES[i]} differs by ${e}`);
    });
  }
  const [x, h0, Wx, Wh, b] = a;
  assert.throws(() => rnnFused(x, h0, Wx, Wh, b, { truncate: 4 }), /truncate 4 must be/);
  tf.dispose([...a, R]);
});

Deno.test("rnnFused() keeps the tensor count flat over repeated forward and backward passes", () => {
  const a = args(8);
  const step = () =>
    tf.tidy(() =>
      void tf.grads((...w: tf.Tensor[]) => tf.sum(rnnFused(w[0], w[1], w[2], w[3], w[4])))(a)
    );
  step();
  const before = tf.memory().numTensors;
  for (let i = 0; i < 20; i++) step();
  assert.equal(tf.memory().numTensors, before);
  tf.dispose(a);
});

Deno.test("rnnFused() rejects an unknown activation", () => {
  const [x, h0, Wx, Wh, b] = args(9);
  assert.throws(
    () => rnnFused(x, h0, Wx, Wh, b, { activation: "sigmoid" as RnnActivation }),
    /activation/,
  );
  tf.dispose([x, h0, Wx, Wh, b]);
});
