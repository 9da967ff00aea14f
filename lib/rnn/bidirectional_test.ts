import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { Rng } from "../util/rng.ts";
import { randn } from "../kernels/_tf_testing.ts";
import { BidirectionalLayer } from "./bidirectional.ts";
import { makeRecurrentLayer } from "./recurrent_layer.ts";

await initBackend({ quiet: true });
const [N, T, D, H] = [2, 4, 3, 5];

Deno.test("BidirectionalLayer: [N, T, D] → [N, T, 2H]; the first half is the forward layer alone", () => {
  for (const kind of ["lstm", "gru", "rnn"] as const) {
    const bi = new BidirectionalLayer(kind, { inputSize: D, hiddenSize: H, seed: 3 });
    const x = randn(new Rng(1), [N, T, D]);
    const out = bi.forward(x);
    assert.deepEqual(out.shape, [N, T, 2 * H]);
    const alone = makeRecurrentLayer(kind, { inputSize: D, hiddenSize: H, seed: 3 });
    const [fwdHalf, ref] = tf.tidy(() => [
      tf.slice(out, [0, 0, 0], [N, T, H]).dataSync(),
      alone.forward(x).dataSync(),
    ]);
    assert.deepEqual(Array.from(fwdHalf), Array.from(ref));
    assert.equal(bi.paramCount(), 2 * alone.paramCount());
    assert.ok(Object.keys(bi.params).includes("bwd.Wh"));
    tf.dispose([x, out]);
    alone.dispose();
    bi.dispose();
  }
});

Deno.test("BidirectionalLayer: the second half at step t is the backward layer on the reversed sequence at T−1−t", () => {
  const bi = new BidirectionalLayer("gru", { inputSize: D, hiddenSize: H, seed: 5 });
  const x = randn(new Rng(2), [N, T, D]);
  const [bwdHalf, ref] = tf.tidy(() => [
    tf.slice(bi.forward(x), [0, 0, H], [N, T, H]).arraySync() as number[][][],
    bi.backwardLayer.forward(tf.reverse(x, 1)).arraySync() as number[][][],
  ]);
  for (let n = 0; n < N; n++) {
    for (let t = 0; t < T; t++) {
      for (let j = 0; j < H; j++) {
        assert.ok(Math.abs(bwdHalf[n][t][j] - ref[n][T - 1 - t][j]) < 1e-6);
      }
    }
  }
  x.dispose();
  bi.dispose();
});

Deno.test("BidirectionalLayer: step t's forward half depends on x_0..x_t only, its backward half on x_t.. only", () => {
  const bi = new BidirectionalLayer("lstm", { inputSize: D, hiddenSize: H, seed: 6 });
  const x = randn(new Rng(3), [1, T, D]), t = 1;
  const grad = (lo: number) =>
    tf.tidy(() =>
      tf.grad((xx: tf.Tensor) => tf.sum(tf.slice(bi.forward(xx), [0, t, lo], [1, 1, H])))(x)
        .arraySync() as number[][][]
    );
  const gf = grad(0), gb = grad(H);
  const norm = (g: number[][][], u: number) => Math.hypot(...g[0][u]);
  for (let u = 0; u < T; u++) {
    if (u > t) assert.equal(norm(gf, u), 0, `forward half at t=${t} must not see x_${u}`);
    else assert.ok(norm(gf, u) > 0);
    if (u < t) assert.equal(norm(gb, u), 0, `backward half at t=${t} must not see x_${u}`);
    else assert.ok(norm(gb, u) > 0);
  }
  x.dispose();
  bi.dispose();
});

Deno.test("BidirectionalLayer: weight gradients match centred differences (float32, both directions)", () => {
  const bi = new BidirectionalLayer("lstm", { inputSize: D, hiddenSize: H, seed: 7 });
  const x = randn(new Rng(4), [N, T, D]), R = randn(new Rng(5), [N, T, 2 * H]);
  const loss = () => tf.sum(tf.mul(bi.forward(x), R)) as tf.Scalar;
  const vars = [bi.params["fwd.Wh"], bi.params["bwd.Wx"], bi.params["bwd.b"]];
  const { grads } = tf.variableGrads(loss, vars);
  const h = 1e-2;
  for (const v of vars) {
    const g = grads[v.name].dataSync(), base = v.dataSync().slice();
    for (const i of [0, 3, 7]) {
      const at = (d: number) => {
        const w = base.slice();
        w[i] += d;
        v.assign(tf.tensor(w, v.shape));
        return tf.tidy(() => loss().dataSync()[0]);
      };
      const num = (at(h) - at(-h)) / (2 * h);
      v.assign(tf.tensor(base, v.shape));
      const rel = Math.abs(num - g[i]) / Math.max(Math.abs(num) + Math.abs(g[i]), 1e-3);
      assert.ok(rel < 2e-2, `${v.name}[${i}]: numeric ${num}, analytic ${g[i]}`);
    }
  }
  tf.dispose([x, R, ...Object.values(grads)]);
  bi.dispose();
});

Deno.test("BidirectionalLayer: token-id input works and forward frees its intermediate tensors", () => {
  const bi = new BidirectionalLayer("gru", { inputSize: 4, hiddenSize: 3 });
  const table = tf.eye(4), ids = tf.tensor2d([[0, 1, 2], [3, 2, 1]], [2, 3], "int32");
  const before = tf.memory().numTensors;
  const out = bi.forward({ ids, table });
  assert.deepEqual(out.shape, [2, 3, 6]);
  out.dispose();
  assert.equal(tf.memory().numTensors, before);
  tf.dispose([table, ids]);
  bi.dispose();
});
