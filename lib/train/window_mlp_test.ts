import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { accuracyByDistance } from "../tasks/seq_features.ts";
import { longDependencyTask } from "../tasks/seq_tasks.ts";
import { fitWindowMlp } from "./window_mlp.ts";

await initBackend({ quiet: true });

Deno.test("fitWindowMlp() solves distances inside its window only, and frees its tensors", () => {
  const before = tf.memory().numTensors;
  const train = longDependencyTask({ n: 1500, maxDistance: 6, seed: 1 });
  const test = longDependencyTask({ n: 700, maxDistance: 6, seed: 2 });
  const mlp = fitWindowMlp(train, { window: 3, epochs: 4 });
  const { accuracy } = accuracyByDistance(mlp.predict(test), test.y, test.distance);
  assert.ok(accuracy.slice(0, 3).every((a) => a > 0.95), `inside: ${accuracy}`);
  assert.ok(accuracy.slice(3).every((a) => a < 0.75), `outside: ${accuracy}`);
  assert.equal(mlp.paramCount, 3 * 6 * 64 + 64 + 64 * 2 + 2);
  mlp.dispose();
  assert.equal(tf.memory().numTensors, before);
});
