import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { createMlp } from "../scratch/mlp.ts";
import { probeDeepMlp } from "./probe_deep_mlp.ts";
import { TfMlp } from "./tf_mlp.ts";

await initBackend({ quiet: true });

const SMALL = { depth: 5, width: 40, inputDim: 20, n: 100 };

Deno.test("probeDeepMlp() reports one entry per hidden layer and frees its tensors", () => {
  const before = tf.memory().numTensors;
  const probe = probeDeepMlp({ ...SMALL, maxSamples: 300 });
  assert.equal(tf.memory().numTensors, before);
  assert.deepEqual(probe.layers.map((l) => l.layer), [1, 2, 3, 4, 5]);
  for (const l of probe.layers) {
    assert.ok(l.samples.length <= 300 && l.samples.length > 0);
    assert.ok(l.std > 0 && l.gradNorm > 0 && l.weightNorm > 0);
    assert.ok(l.saturated >= 0 && l.saturated <= 1 && l.dead === 0);
  }
  assert.ok(probe.outputGradNorm > 0 && Math.abs(probe.loss - Math.log(10)) < 1);
});

Deno.test("probeDeepMlp() shows tanh signals vanishing under small init and saturating under large", () => {
  const small = probeDeepMlp({ ...SMALL, init: "small" });
  const xavier = probeDeepMlp({ ...SMALL, init: "xavier" });
  const large = probeDeepMlp({ ...SMALL, init: "large" });
  assert.ok(small.layers[4].std < small.layers[0].std / 100);
  assert.ok(small.layers.every((l, i) => l.gradNorm < xavier.layers[i].gradNorm / 1000));
  assert.ok(
    large.layers.every((l) => l.saturated > 0.4),
    large.layers.map((l) => l.saturated).join(),
  );
  assert.ok(xavier.layers.every((l) => l.saturated < 0.05 && l.std > 0.1));
});

Deno.test("probeDeepMlp() shows sigmoid gradients vanishing toward the input and ReLU exploding", () => {
  const sig = probeDeepMlp({ ...SMALL, activation: "sigmoid" });
  assert.ok(sig.layers[0].gradNorm < sig.layers[4].gradNorm / 10);
  assert.ok(
    probeDeepMlp({ ...SMALL, activation: "sigmoid", init: "large" }).layers.every((l) =>
      l.saturated > 0.1
    ),
  );
  const relu = probeDeepMlp({ ...SMALL, activation: "relu", init: "large" });
  assert.ok(relu.layers[4].std > 10 * relu.layers[0].std && relu.loss > 100);
});

Deno.test("probeDeepMlp() counts dead ReLUs on a given model", () => {
  const scratch = createMlp({ sizes: [20, 30, 30, 10], activation: "relu", init: "he", seed: 1 });
  scratch.layers[1].b.fill(-100); // every unit of hidden layer 2 is off for every input
  const model = new TfMlp(scratch);
  const probe = probeDeepMlp({ model, n: 50 });
  assert.equal(probe.layers[1].dead, 1);
  assert.ok(probe.layers[0].dead < 0.5);
  assert.equal(probe.layers[1].gradNorm, 0);
  model.dispose();
});
