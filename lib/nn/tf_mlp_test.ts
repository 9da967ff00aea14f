import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { maxAbsDiff } from "../util/all_close.ts";
import { Rng } from "../util/rng.ts";
import { ACTIVATIONS } from "../scratch/activations.ts";
import { gradCheck } from "../scratch/grad_check.ts";
import { mse } from "../scratch/losses.ts";
import { matrix } from "../scratch/matrix.ts";
import { createMlp, mlpBackward, mlpForward, mlpLossAndGrads } from "../scratch/mlp.ts";
import { matrixToTensor, tensorToMatrix } from "./to_tensors.ts";
import { TfMlp } from "./tf_mlp.ts";

await initBackend({ quiet: true });

function batch(n: number, d: number, c: number, seed: number) {
  const rng = new Rng(seed);
  return {
    x: matrix(n, d, rng.normalArray(n * d)), // [N, D]
    labels: Int32Array.from({ length: n }, () => rng.int(c)), // [N]
  };
}

Deno.test("TfMlp matches the scratch MLP's logits, loss and gradients on the same weights (< 1e-5)", () => {
  for (const activation of ACTIVATIONS) {
    for (const n of [2, 3, 5]) {
      const scratch = createMlp({ sizes: [4, 5, 6, 3], activation, seed: n });
      for (const l of scratch.layers) l.b.set(new Rng(n).normalArray(l.b.length, 0.1));
      const { x, labels } = batch(n, 4, 3, 50 + n);
      const net = new TfMlp(scratch);
      const xt = matrixToTensor(x), yt = tf.tensor1d(labels, "int32");
      const out = tf.tidy(() => net.forward(xt)); // [N, C]
      const logits = tensorToMatrix(out);
      out.dispose();
      const tfRun = net.lossAndGrads(xt, yt);
      const ref = mlpLossAndGrads(scratch, x, labels);
      const diffs = [
        maxAbsDiff(logits.data, mlpForward(scratch, x).out.data),
        Math.abs(tfRun.loss - ref.loss),
        ...tfRun.grads.flatMap((g, i) => [
          maxAbsDiff(g.dW.data, ref.grads[i].dW.data),
          maxAbsDiff(g.db, ref.grads[i].db),
        ]),
      ];
      assert.ok(Math.max(...diffs) < 1e-5, `${activation} N=${n}: ${diffs}`);
      tf.dispose([xt, yt]);
      net.dispose();
    }
  }
});

Deno.test("TfMlp with the mse loss matches scratch mse and backward (< 1e-5)", () => {
  const scratch = createMlp({ sizes: [1, 8, 1], activation: "tanh", seed: 4 });
  const rng = new Rng(2);
  const x = matrix(5, 1, rng.normalArray(5)), target = matrix(5, 1, rng.normalArray(5));
  const net = new TfMlp(scratch, "mse");
  const xt = matrixToTensor(x), yt = matrixToTensor(target);
  const run = net.lossAndGrads(xt, yt);
  const { out, cache } = mlpForward(scratch, x);
  const { loss, dPred } = mse(out, target);
  const { grads } = mlpBackward(dPred, cache);
  assert.ok(Math.abs(run.loss - loss) < 1e-5);
  assert.ok(maxAbsDiff(run.grads[0].dW.data, grads[0].dW.data) < 1e-5);
  assert.ok(maxAbsDiff(run.grads[1].db, grads[1].db) < 1e-5);
  tf.dispose([xt, yt]);
  net.dispose();
});

Deno.test("gradCheck() works on a tfjs loss in float32 with a larger step", () => {
  const net = TfMlp.create({ sizes: [4, 5, 3], activation: "sigmoid", seed: 1 });
  const { x, labels } = batch(3, 4, 3, 8);
  const xt = matrixToTensor(x), yt = tf.tensor1d(labels, "int32");
  const { grads } = net.lossAndGrads(xt, yt);
  const W1 = net.layers[0].W;
  const start = tf.tidy(() => W1.clone()); // restore point
  const f = (p: Float64Array) => {
    W1.assign(tf.tensor2d(Float32Array.from(p), [4, 5]));
    return tf.tidy(() => net.loss(xt, yt).dataSync()[0]);
  };
  const p0 = Float64Array.from(W1.dataSync());
  const good = gradCheck(f, p0, grads[0].dW.data, { h: 1e-2 });
  const bad = gradCheck(f, p0, grads[0].dW.data.map((v) => 2 * v), { h: 1e-2 });
  W1.assign(start);
  assert.ok(good.maxRelError < 1e-2, `float32 check: ${good.maxRelError}`);
  assert.ok(bad.maxRelError > 0.3);
  tf.dispose([xt, yt, start]);
  net.dispose();
});

Deno.test("TfMlp.toScratch() round-trips and dispose() frees every variable", () => {
  const before = tf.memory().numTensors;
  const scratch = createMlp({ sizes: [3, 4, 2], seed: 9 });
  const net = new TfMlp(scratch);
  assert.equal(tf.memory().numTensors, before + 4);
  const back = net.toScratch();
  assert.ok(maxAbsDiff(back.layers[0].W.data, scratch.layers[0].W.data) < 1e-7);
  assert.deepEqual(back.layers[1].W.shape, [4, 2]);
  net.dispose();
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("TfMlp.lossAndGrads() keeps tf.memory().numTensors flat over a loop", () => {
  const net = TfMlp.create({ sizes: [4, 6, 3], activation: "relu", init: "he", seed: 2 });
  const { x, labels } = batch(5, 4, 3, 3);
  const xt = matrixToTensor(x), yt = tf.tensor1d(labels, "int32");
  net.lossAndGrads(xt, yt);
  const before = tf.memory().numTensors;
  for (let i = 0; i < 20; i++) net.lossAndGrads(xt, yt);
  assert.equal(tf.memory().numTensors, before);
  assert.throws(
    () => tf.tidy(() => net.forward(tf.zeros([2, 3]))),
    /x is \[2,3\] but the model expects \[N, 4\]/,
  );
  tf.dispose([xt, yt]);
  net.dispose();
});
