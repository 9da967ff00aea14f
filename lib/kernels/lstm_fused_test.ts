import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { Rng } from "../util/rng.ts";
import { matrix } from "../scratch/matrix.ts";
import { tensor3 } from "../scratch/tensor3.ts";
import { lstmBackward, lstmForward } from "../scratch/lstm_sequence.ts";
import { lstmFused } from "./lstm_fused.ts";
import { lstmPlain } from "../rnn/lstm_plain.ts";
import { lastSteps, padFront, probe, randn, scaledDiff } from "./_tf_testing.ts";

await initBackend({ quiet: true });
const [N, T, D, H, V] = [2, 3, 4, 5, 7];
const NAMES = ["x", "h0", "c0", "Wx", "Wh", "b"];

function args(seed: number): tf.Tensor[] {
  const rng = new Rng(seed);
  return [[N, T, D], [N, H], [N, H], [D, 4 * H], [H, 4 * H], [4 * H]].map((s) =>
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

Deno.test("lstmFused() equals lstmPlain() in output and every gradient, batch-first and time-major", () => {
  const a = args(1), R = randn(new Rng(2), [N, T, H]);
  const plain = probe((x, ...w) => lstmPlain(x, w[0], w[1], w[2], w[3], w[4]), a, R);
  assertSame(probe((x, ...w) => lstmFused(x, w[0], w[1], w[2], w[3], w[4]), a, R), plain, 1e-5);
  const tm = (x: tf.Tensor, ...w: tf.Tensor[]) =>
    tf.transpose(
      lstmFused(tf.transpose(x, [1, 0, 2]), w[0], w[1], w[2], w[3], w[4], { timeMajor: true }),
      [1, 0, 2],
    );
  assertSame(probe(tm, a, R), plain, 1e-5);
  tf.dispose([...a, R]);
});

Deno.test("lstmFused() with { ids, table } equals a one-hot embedding followed by lstmPlain()", () => {
  const [, h0, c0, Wx, Wh, b] = args(3),
    E = randn(new Rng(4), [V, D]),
    R = randn(new Rng(5), [N, T, H]);
  const ids = tf.tensor2d([[1, 6, 3], [0, 0, 2]], [N, T], "int32");
  const oneHot = tf.oneHot(tf.reshape(ids, [N * T]), V).toFloat();
  const plain = probe(
    (E, Wx) => lstmPlain(tf.matMul(oneHot, E).reshape([N, T, D]), h0, c0, Wx, Wh, b),
    [E, Wx],
    R,
  );
  const fused = probe((E, Wx) => lstmFused({ ids, table: E }, h0, c0, Wx, Wh, b), [E, Wx], R);
  assertSame(fused, plain, 1e-5);
  tf.dispose([h0, c0, Wx, Wh, b, E, R, ids, oneHot]);
});

Deno.test("lstmFused() equals the scratch float64 LSTM within 1e-5 relative", () => {
  const a = args(6), R = randn(new Rng(7), [N, T, H]);
  const f64 = a.map((t) => Float64Array.from(t.dataSync()));
  const [x, h0, c0, Wx, Wh] = [
    tensor3(N, T, D, f64[0]),
    matrix(N, H, f64[1]),
    matrix(N, H, f64[2]),
    matrix(D, 4 * H, f64[3]),
    matrix(H, 4 * H, f64[4]),
  ];
  const { out, cache } = lstmForward(x, h0, Wx, Wh, f64[5], c0);
  const g = lstmBackward(tensor3(N, T, H, R.dataSync()), cache);
  const fused = probe((x, ...w) => lstmFused(x, w[0], w[1], w[2], w[3], w[4]), a, R);
  const scratch = {
    out: out.data,
    grads: [g.dx.data, g.dh0.data, g.dc0.data, g.dWx.data, g.dWh.data, g.db],
  };
  assert.ok(scaledDiff(fused.out, scratch.out) < 1e-5);
  fused.grads.forEach((gr, i) => {
    const e = scaledDiff(gr, scratch.grads[i]);
    assert.ok(e < 1e-5, `d${NAMES[i]} differs from scratch by ${e}`);
  });
  tf.dispose([...a, R]);
});

/** The scratch LSTM on a's weights: ∂L/∂h_t and ∂L/∂c_t per step (onStep), gradients of the last k steps. */
function scratchBptt(a: tf.Tensor[], R: tf.Tensor, k = T) {
  const f = a.map((t) => Float64Array.from(t.dataSync()));
  const x = tensor3(N, T, D, f[0]), [h0, c0] = [matrix(N, H, f[1]), matrix(N, H, f[2])];
  const { cache } = lstmForward(x, h0, matrix(D, 4 * H, f[3]), matrix(H, 4 * H, f[4]), f[5], c0);
  const dh: Float64Array[] = [], dc: Float64Array[] = [];
  const g = lstmBackward(lastSteps(R, k), { steps: cache.steps.slice(T - k) }, {
    onStep: (t, dhT, dcT) => {
      dh[t + T - k] = dhT.data.slice();
      dc[t + T - k] = dcT!.data.slice();
    },
  });
  const cut = (v: Float64Array) => (k === T ? v : new Float64Array(N * H));
  return {
    dh,
    dc,
    grads: [padFront(g.dx, T), cut(g.dh0.data), cut(g.dc0.data), g.dWx.data, g.dWh.data, g.db],
  };
}

Deno.test("lstmFused() onBackwardStep reports the scratch onStep values of ∂L/∂h_t and ∂L/∂c_t", () => {
  const a = args(12), R = randn(new Rng(13), [N, T, H]);
  const want = scratchBptt(a, R), dh: Float32Array[] = [], dc: Float32Array[] = [];
  probe(
    (x, ...w) =>
      lstmFused(x, w[0], w[1], w[2], w[3], w[4], {
        onBackwardStep: (t, dhT, dcT) => {
          dh[t] = dhT;
          dc[t] = dcT!;
        },
      }),
    a,
    R,
  );
  for (let t = 0; t < T; t++) {
    for (const [name, got, ref] of [["h", dh[t], want.dh[t]], ["c", dc[t], want.dc[t]]] as const) {
      const e = scaledDiff(got, ref);
      assert.ok(e < 1e-5, `∂L/∂${name}_${t} differs by ${e}`);
    }
  }
  tf.dispose([...a, R]);
});

Deno.test("lstmFused() with truncate k equals the scratch BPTT through the last k steps", () => {
  const a = args(14), R = randn(new Rng(15), [N, T, H]);
  for (const k of [1, 2]) {
    const want = scratchBptt(a, R, k);
    const got = probe(
      (x, ...w) => lstmFused(x, w[0], w[1], w[2], w[3], w[4], { truncate: k }),
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

Deno.test("lstmFused() gives the same numbers on the cpu backend", async () => {
  const a = args(8), R = randn(new Rng(9), [N, T, H]);
  const onWasm = probe((x, ...w) => lstmFused(x, w[0], w[1], w[2], w[3], w[4]), a, R);
  const vals = [...a, R].map((t) => ({ v: t.dataSync().slice(), s: t.shape }));
  tf.dispose([...a, R]);
  await tf.setBackend("cpu");
  try {
    const t = vals.map(({ v, s }) => tf.tensor(v, s));
    const onCpu = probe(
      (x, ...w) => lstmFused(x, w[0], w[1], w[2], w[3], w[4]),
      t.slice(0, 6),
      t[6],
    );
    assertSame(onCpu, onWasm, 1e-5);
    tf.dispose(t);
  } finally {
    await tf.setBackend("wasm");
  }
});

Deno.test("lstmFused() keeps the tensor count flat over repeated forward and backward passes", () => {
  const a = args(10);
  const step = () =>
    tf.tidy(() =>
      void tf.grads((...w: tf.Tensor[]) => tf.sum(lstmFused(w[0], w[1], w[2], w[3], w[4], w[5])))(a)
    );
  step();
  const before = tf.memory().numTensors;
  for (let i = 0; i < 20; i++) step();
  assert.equal(tf.memory().numTensors, before);
  tf.dispose(a);
});

Deno.test("lstmFused() reports inconsistent shapes with a RangeError naming them", () => {
  const [x, h0, c0, Wx, Wh, b] = args(11);
  assert.throws(
    () => lstmFused(x, h0, c0, Wh, Wh, b),
    (e: Error) => e instanceof RangeError && /Wx \[5,20\]/.test(e.message),
  );
  assert.throws(() => lstmFused(x, h0, tf.zeros([N, H + 1]), Wx, Wh, b), RangeError);
  tf.dispose([x, h0, c0, Wx, Wh, b]);
});
