import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { depthSweep, formatDepthTable } from "./depth_sweep.ts";

await initBackend({ quiet: true });

Deno.test("depthSweep() trains every depth, variant and seed, averages over seeds and frees each model", async () => {
  const before = tf.memory().numTensors;
  const seen: string[] = [];
  const result = await depthSweep({
    depths: [1, 3],
    variants: ["a", "b"],
    seeds: [0, 1],
    steps: 30,
    optimizer: { lr: 0.1 },
    build: (depth, variant, seed) => {
      const w = tf.tidy(() => tf.variable(tf.scalar(seed)));
      const target = variant === "a" ? 1 : 2;
      const loss = () => tf.tidy(() => tf.square(tf.sub(tf.mul(w, depth), target)) as tf.Scalar);
      return {
        params: { w },
        loss,
        finalLoss: () => tf.tidy(() => loss().dataSync()[0]),
        dispose: () => w.dispose(),
      };
    },
    onRun: (r) => void seen.push(`${r.depth}${r.variant}${r.seed}`),
  });
  assert.deepEqual(seen, ["1a0", "1a1", "1b0", "1b1", "3a0", "3a1", "3b0", "3b1"]);
  assert.equal(result.runs[0].curve.length, 30);
  const mean = (result.runs[0].finalLoss + result.runs[1].finalLoss) / 2;
  assert.ok(Math.abs(result.final.a[0] - mean) < 1e-12);
  assert.equal(tf.memory().numTensors, before);
  assert.match(formatDepthTable(result), /depth +a +b\n +1 +\d/);
  await assert.rejects(() =>
    depthSweep({
      depths: [],
      variants: ["a"],
      steps: 1,
      build: () => {
        throw new Error();
      },
    }), RangeError);
});
