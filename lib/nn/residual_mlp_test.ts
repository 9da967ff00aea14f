import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { maxAbsDiff } from "../util/all_close.ts";
import { Rng } from "../util/rng.ts";
import { softmaxCrossEntropy } from "../scratch/losses.ts";
import { matrix } from "../scratch/matrix.ts";
import {
  createResidualMlp,
  residualMlpBackward,
  residualMlpForward,
  residualMlpGradsByName,
} from "../scratch/residual_mlp.ts";
import { matrixToTensor } from "./to_tensors.ts";
import { TfResidualMlp } from "./residual_mlp.ts";

await initBackend({ quiet: true });

function batch(seed: number, n = 2, d = 3, c = 5) {
  const rng = new Rng(seed);
  return {
    x: matrix(n, d, rng.normalArray(n * d)),
    y: Int32Array.from({ length: n }, () => rng.int(c)),
  };
}

for (const shortcut of [true, false]) {
  for (const activation of ["relu", "tanh"] as const) {
    Deno.test(`TfResidualMlp equals the scratch net on the same weights (shortcut ${shortcut}, ${activation}, < 1e-5)`, () => {
      const scratch = createResidualMlp({
        inputDim: 3,
        width: 4,
        depth: 6,
        classes: 5,
        shortcut,
        activation,
        seed: 2,
      });
      for (const p of scratch.blocks) p.b1.set(new Rng(7).normalArray(4, 0.2));
      const { x, y } = batch(3);
      const net = new TfResidualMlp(scratch);
      const xt = matrixToTensor(x), yt = tf.tensor1d(y, "int32");
      const logits = tf.tidy(() => net.forward(xt).dataSync());
      const { out, cache } = residualMlpForward(scratch, x);
      const ref = softmaxCrossEntropy(out, y);
      const refGrads = residualMlpGradsByName(residualMlpBackward(ref.dLogits, cache).grads);
      const got = net.lossAndGrads(xt, yt);
      assert.ok(maxAbsDiff(logits, out.data) < 1e-5);
      assert.ok(Math.abs(got.loss - ref.loss) < 1e-5);
      assert.deepEqual(Object.keys(got.grads).sort(), Object.keys(refGrads).sort());
      for (const [k, g] of Object.entries(refGrads)) {
        assert.ok(maxAbsDiff(got.grads[k], g) < 1e-5, `${k}: ${maxAbsDiff(got.grads[k], g)}`);
      }
      tf.dispose([xt, yt]);
      net.dispose();
    });
  }
}

Deno.test("TfResidualMlp.toScratch() gives back the weights, and training steps keep the tensor count flat", () => {
  const scratch = createResidualMlp({ inputDim: 3, width: 4, depth: 4, classes: 5, seed: 1 });
  const net = new TfResidualMlp(scratch);
  const back = net.toScratch();
  assert.ok(maxAbsDiff(back.blocks[1].W2.data, scratch.blocks[1].W2.data) < 1e-7);
  const { x, y } = batch(4, 8);
  const xt = matrixToTensor(x), yt = tf.tensor1d(y, "int32");
  const opt = tf.train.sgd(0.1);
  const step = () =>
    tf.tidy(() => opt.minimize(() => net.loss(xt, yt), true, net.variables)!.dataSync()[0]);
  const first = step(), before = tf.memory().numTensors;
  let last = first;
  for (let i = 0; i < 30; i++) last = step();
  assert.equal(tf.memory().numTensors, before);
  assert.ok(last < first, `loss ${first} → ${last}`);
  assert.throws(() => tf.tidy(() => net.forward(tf.ones([2, 2]))), /x is \[2,2\]/);
  tf.dispose([xt, yt]);
  opt.dispose();
  net.dispose();
});
