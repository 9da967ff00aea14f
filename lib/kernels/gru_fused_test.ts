import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { Rng } from "../util/rng.ts";
import { matrix } from "../scratch/matrix.ts";
import { tensor3 } from "../scratch/tensor3.ts";
import { gruBackward, gruForward } from "../scratch/gru_sequence.ts";
import { gruFused } from "./gru_fused.ts";
import { gruPlain } from "../rnn/gru_plain.ts";
import { lastSteps, padFront, probe, randn, scaledDiff } from "./_tf_testing.ts";

await initBackend({ quiet: true });
const [N, T, D, H, V] = [2, 3, 4, 5, 7];
const NAMES = ["x", "h0", "Wx", "Wh", "bx", "bh"];

function args(seed: number): tf.Tensor[] {
  const rng = new Rng(seed);
  return [[N, T, D], [N, H], [D, 3 * H], [H, 3 * H], [3 * H], [3 * H]].map((s) =>
    randn(rng, s, 0.7)
  );
}

function assertSame(a: ReturnType<typeof probe>, b: ReturnType<typeof probe>, tol: number) {
  assert.ok(scaledDiff(a.out, b.out) < tol, `out differs by ${scaledDiff(a.out, b.out)}`);
  a.grads.forEach((g, i) => {
    const e = scaledDiff(g, b.grads[i]);
    assert.ok(e < tol, `d${NAMES[i] ?? i} differs by ${e} (tolerance ${tol})`);
  });
}

const fused = (x: tf.Tensor, ...w: tf.Tensor[]) => gruFused(x, w[0], w[1], w[2], w[3], w[4]);
const plain = (x: tf.Tensor, ...w: tf.Tensor[]) => gruPlain(x, w[0], w[1], w[2], w[3], w[4]);

Deno.test("gruFused() equals gruPlain() in output and every gradient, batch-first and time-major", () => {
  const a = args(1), R = randn(new Rng(2), [N, T, H]);
  const ref = probe(plain, a, R);
  assertSame(probe(fused, a, R), ref, 1e-5);
  const tm = (x: tf.Tensor, ...w: tf.Tensor[]) =>
    tf.transpose(
      gruFused(tf.transpose(x, [1, 0, 2]), w[0], w[1], w[2], w[3], w[4], { timeMajor: true }),
      [1, 0, 2],
    );
  assertSame(probe(tm, a, R), ref, 1e-5);
  tf.dispose([...a, R]);
});

Deno.test("gruFused() with { ids, table } equals a one-hot embedding followed by gruPlain()", () => {
  const [, h0, Wx, Wh, bx, bh] = args(3),
    E = randn(new Rng(4), [V, D]),
    R = randn(new Rng(5), [N, T, H]);
  const ids = tf.tensor2d([[1, 6, 3], [0, 0, 2]], [N, T], "int32");
  const oneHot = tf.oneHot(tf.reshape(ids, [N * T]), V).toFloat();
  const ref = probe(
    (E, Wx) => gruPlain(tf.matMul(oneHot, E).reshape([N, T, D]), h0, Wx, Wh, bx, bh),
    [E, Wx],
    R,
  );
  assertSame(
    probe((E, Wx) => gruFused({ ids, table: E }, h0, Wx, Wh, bx, bh), [E, Wx], R),
    ref,
    1e-5,
  );
  tf.dispose([h0, Wx, Wh, bx, bh, E, R, ids, oneHot]);
});

Deno.test("gruFused() equals the scratch float64 GRU (reset after) within 1e-5 relative", () => {
  const a = args(6), R = randn(new Rng(7), [N, T, H]);
  const f = a.map((t) => Float64Array.from(t.dataSync()));
  const x = tensor3(N, T, D, f[0]), h0 = matrix(N, H, f[1]);
  const { out, cache } = gruForward(
    x,
    h0,
    matrix(D, 3 * H, f[2]),
    matrix(H, 3 * H, f[3]),
    f[4],
    f[5],
  );
  const g = gruBackward(tensor3(N, T, H, R.dataSync()), cache);
  const got = probe(fused, a, R);
  assertSame(got, {
    out: Float32Array.from(out.data),
    grads: [g.dx.data, g.dh0.data, g.dWx.data, g.dWh.data, g.dbx, g.dbh].map((d) =>
      Float32Array.from(d)
    ),
  }, 1e-5);
  tf.dispose([...a, R]);
});

/** The scratch GRU on a's weights: ∂L/∂h_t per step (onStep), gradients of the last k steps. */
function scratchBptt(a: tf.Tensor[], R: tf.Tensor, k = T) {
  const f = a.map((t) => Float64Array.from(t.dataSync()));
  const x = tensor3(N, T, D, f[0]), h0 = matrix(N, H, f[1]);
  const { cache } = gruForward(x, h0, matrix(D, 3 * H, f[2]), matrix(H, 3 * H, f[3]), f[4], f[5]);
  const dh: Float64Array[] = [];
  const g = gruBackward(lastSteps(R, k), { steps: cache.steps.slice(T - k) }, {
    onStep: (t, d) => (dh[t + T - k] = d.data.slice()),
  });
  const dh0 = k === T ? g.dh0.data : new Float64Array(N * H);
  return { dh, grads: [padFront(g.dx, T), dh0, g.dWx.data, g.dWh.data, g.dbx, g.dbh] };
}

Deno.test("gruFused() onBackwardStep reports the scratch onStep values of ∂L/∂h_t", () => {
  const a = args(10), R = randn(new Rng(11), [N, T, H]);
  const want = scratchBptt(a, R), got: Float32Array[] = [];
  probe(
    (x, ...w) =>
      gruFused(x, w[0], w[1], w[2], w[3], w[4], {
        onBackwardStep: (t, dh) => (got[t] = dh),
      }),
    a,
    R,
  );
  for (let t = 0; t < T; t++) {
    const e = scaledDiff(got[t], want.dh[t]);
    assert.ok(e < 1e-5, `∂L/∂h_${t} differs by ${e}`);
  }
  tf.dispose([...a, R]);
});

Deno.test("gruFused() with truncate k equals the scratch BPTT through the last k steps", () => {
  const a = args(12), R = randn(new Rng(13), [N, T, H]);
  for (const k of [1, 2]) {
    const want = scratchBptt(a, R, k);
    const got = probe(
      (x, ...w) => gruFused(x, w[0], w[1], w[2], w[3], w[4], { truncate: k }),
      a,
      R,
    );
    got.grads.forEach((g, i) => {
      const e = scaledDiff(g, want.grads[i]);
      assert.ok(e < 1e-5, `k = ${k}: d${NAMES[i]} differs by ${e}`);
    });
  }
  tf.dispose([...a, R]);
});

Deno.test("gruFused() keeps the tensor count flat over repeated forward and backward passes", () => {
  const a = args(8);
  const step = () =>
    tf.tidy(() => void tf.grads((...w: tf.Tensor[]) => tf.sum(fused(w[0], ...w.slice(1))))(a));
  step();
  const before = tf.memory().numTensors;
  for (let i = 0; i < 20; i++) step();
  assert.equal(tf.memory().numTensors, before);
  tf.dispose(a);
});

Deno.test("gruFused() rejects a bh whose shape differs from bx", () => {
  const [x, h0, Wx, Wh, bx] = args(9);
  assert.throws(() => gruFused(x, h0, Wx, Wh, bx, tf.zeros([H])), RangeError);
  tf.dispose([x, h0, Wx, Wh, bx]);
});
