import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { Rng } from "../util/rng.ts";
import {
  type CellKind,
  GRULayer,
  LSTMLayer,
  makeRecurrentLayer,
  RNNLayer,
} from "./recurrent_layer.ts";
import { randn, scaledDiff } from "../kernels/_tf_testing.ts";

await initBackend({ quiet: true });
const [N, T, D, H] = [2, 3, 4, 5];

Deno.test("LSTMLayer, GRULayer and RNNLayer map [N, T, D] to [N, T, H] with the course's parameter shapes", () => {
  const x = randn(new Rng(1), [N, T, D]);
  for (
    const [layer, G] of [[new LSTMLayer({ inputSize: D, hiddenSize: H }), 4], [
      new GRULayer({ inputSize: D, hiddenSize: H }),
      3,
    ], [new RNNLayer({ inputSize: D, hiddenSize: H }), 1]] as const
  ) {
    const out = layer.forward(x);
    assert.deepEqual(out.shape, [N, T, H]);
    assert.deepEqual(layer.params.Wx.shape, [D, G * H]);
    assert.deepEqual(layer.params.Wh.shape, [H, G * H]);
    assert.equal(layer.paramCount(), (D + H) * G * H + (layer.kind === "gru" ? 2 : 1) * G * H);
    out.dispose();
    layer.dispose();
  }
  x.dispose();
});

Deno.test("forward() gives the same output and gradients with fused and plain ops, for every cell", () => {
  const x = randn(new Rng(2), [N, T, D]), R = randn(new Rng(3), [N, T, H]);
  for (const kind of ["lstm", "gru", "rnn"] as CellKind[]) {
    const layer = makeRecurrentLayer(kind, { inputSize: D, hiddenSize: H, seed: 4 });
    const run = (fused: boolean) => {
      layer.fused = fused;
      return tf.tidy(() => {
        const f = () => tf.sum(tf.mul(layer.forward(x), R)) as tf.Scalar;
        const { value, grads } = tf.variableGrads(f, layer.variables());
        return [value.dataSync(), ...layer.variables().map((v) => grads[v.name].dataSync())];
      });
    };
    const fused = run(true), plain = run(false);
    fused.forEach((a, i) =>
      assert.ok(scaledDiff(a, plain[i]) < 1e-5, `${kind}: entry ${i} differs`)
    );
    layer.dispose();
  }
  tf.dispose([x, R]);
});

Deno.test("forward() starts from h0/c0 and reports the final state", () => {
  const layer = new LSTMLayer({ inputSize: D, hiddenSize: H, seed: 5 });
  const x = randn(new Rng(6), [N, T, D]),
    h0 = randn(new Rng(7), [N, H]),
    c0 = randn(new Rng(8), [N, H]);
  let last: Float32Array | undefined;
  const out = layer.forward(x, { h0, c0, onFinalState: (h) => (last = h) });
  const lastStep = tf.slice(out, [0, T - 1, 0], [N, 1, H]).dataSync();
  assert.ok(scaledDiff(last!, lastStep) < 1e-6);
  const zero = layer.forward(x);
  assert.ok(scaledDiff(zero.dataSync(), out.dataSync()) > 1e-3, "h0/c0 should change the output");
  tf.dispose([x, h0, c0, out, zero]);
  layer.dispose();
});

Deno.test("setWeights() loads values and names a wrong parameter or size", () => {
  const layer = new RNNLayer({ inputSize: 2, hiddenSize: 2 });
  layer.setWeights({ Wx: [1, 0, 0, 1], Wh: { data: [0, 0, 0, 0] }, b: tf.zeros([2]) });
  const out = layer.forward(tf.tensor3d([[[0.5, -0.5]]])).dataSync();
  assert.ok(Math.abs(out[0] - Math.tanh(0.5)) < 1e-6);
  assert.throws(() => layer.setWeights({ W: [1] }), /unknown parameter "W"/);
  assert.throws(() => layer.setWeights({ b: [1, 2, 3] }), /needs 2 values/);
  layer.dispose();
});

Deno.test("layer constructors reject sizes that are not positive integers", () => {
  assert.throws(() => new LSTMLayer({ inputSize: 0, hiddenSize: 3 }), /inputSize/);
  assert.throws(
    () => makeRecurrentLayer("cnn" as CellKind, { inputSize: 1, hiddenSize: 1 }),
    RangeError,
  );
});

Deno.test("recurrent layers own exactly their parameters: construction and dispose leave no tensors", async () => {
  await initBackend({ quiet: true });
  for (const kind of ["rnn", "lstm", "gru"] as const) {
    const before = tf.memory().numTensors;
    const layer = makeRecurrentLayer(kind, { inputSize: 3, hiddenSize: 4 });
    assert.equal(tf.memory().numTensors - before, Object.keys(layer.params).length, kind);
    layer.dispose();
    assert.equal(tf.memory().numTensors, before, kind);
  }
});
