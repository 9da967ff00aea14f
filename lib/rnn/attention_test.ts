import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { Rng } from "../util/rng.ts";
import { maxAbsDiff } from "../util/all_close.ts";
import { matrix } from "../scratch/matrix.ts";
import { tensor3 } from "../scratch/tensor3.ts";
import { dotAttentionBackward, dotAttentionForward } from "../scratch/attention.ts";
import { attentionalState, attentionPeaks, dotAttention } from "./attention.ts";

await initBackend({ quiet: true });

const N = 2, T = 3, S = 4, H = 5;

Deno.test("dotAttention() equals the scratch step at every decoder step, values and gradients (< 1e-5)", () => {
  const rng = new Rng(1);
  const dec = rng.normalArray(N * T * H), enc = rng.normalArray(N * S * H);
  const R = rng.normalArray(N * T * H); // L = Σ context ⊙ R
  const [ctx, w, dDec, dEnc] = tf.tidy(() => {
    const Hdec = tf.tensor3d(Float32Array.from(dec), [N, T, H]);
    const Henc = tf.tensor3d(Float32Array.from(enc), [N, S, H]);
    const f = (a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(dotAttention(a, b).context, tf.tensor3d(Float32Array.from(R), [N, T, H])));
    const [ga, gb] = tf.grads(f)([Hdec, Henc]);
    const { context, weights } = dotAttention(Hdec, Henc);
    return [context, weights, ga, gb].map((t) => t.dataSync() as Float32Array);
  });
  const dEncRef = new Float64Array(N * S * H);
  for (let t = 0; t < T; t++) {
    const hDec = matrix(N, H), dOut = matrix(N, H);
    for (let n = 0; n < N; n++) {
      hDec.data.set(dec.subarray((n * T + t) * H, (n * T + t + 1) * H), n * H);
      dOut.data.set(R.subarray((n * T + t) * H, (n * T + t + 1) * H), n * H);
    }
    const ref = dotAttentionForward(hDec, tensor3(N, S, H, enc));
    const g = dotAttentionBackward(dOut, ref.cache);
    for (let n = 0; n < N; n++) {
      const row = (a: ArrayLike<number>, k: number, off: number) =>
        Array.from({ length: k }, (_, i) => a[off + i]);
      assert.ok(maxAbsDiff(row(ctx, H, (n * T + t) * H), row(ref.out.data, H, n * H)) < 1e-5);
      assert.ok(maxAbsDiff(row(w, S, (n * T + t) * S), row(ref.weights.data, S, n * S)) < 1e-5);
      assert.ok(maxAbsDiff(row(dDec, H, (n * T + t) * H), row(g.dhDec.data, H, n * H)) < 1e-5);
    }
    g.dhEnc.data.forEach((v, i) => (dEncRef[i] += v)); // every step adds to ∂L/∂Henc
  }
  assert.ok(maxAbsDiff(dEnc, dEncRef) < 1e-5, `dHenc differs by ${maxAbsDiff(dEnc, dEncRef)}`);
});

Deno.test("attentionalState() is tanh([context; Hdec]·Wc + bc) and checks Wc's shape", () => {
  const out = tf.tidy(() => {
    const c = tf.ones([1, 1, 2]), h = tf.zeros([1, 1, 2]);
    const Wc = tf.tensor2d([[1, 0], [0, 2], [5, 5], [5, 5]]); // [2H, H]
    return attentionalState(c, h, Wc, tf.tensor1d([0, -1])).dataSync();
  });
  assert.deepEqual(
    Array.from(out, (v) => v.toFixed(5)),
    [Math.tanh(1), Math.tanh(1)].map((v) => v.toFixed(5)),
  );
  assert.throws(
    () =>
      tf.tidy(() =>
        attentionalState(tf.ones([1, 1, 2]), tf.ones([1, 1, 2]), tf.ones([2, 2]), tf.ones([2]))
      ),
    /Wc is \[2,2\]/,
  );
  assert.throws(
    () => tf.tidy(() => dotAttention(tf.ones([2, 1, 3]), tf.ones([2, 4, 5]))),
    /Hdec is \[2,1,3\]/,
  );
});

Deno.test("attentionPeaks() names each output step's most-weighted source position and token", () => {
  const rows = attentionPeaks([[0.1, 0.7, 0.2], [0.6, 0.3, 0.1]], "abc", "x$");
  assert.deepEqual(rows.map((r) => [r.t, r.out, r.s, r["src[s]"], r.weight, r["S-1-t"]]), [
    [0, "x", 1, "b", 0.7, 2],
    [1, "$", 0, "a", 0.6, 1],
  ]);
  assert.throws(() => attentionPeaks([[1, 0]], "abc", "x"), /for a source of 3/);
});
