import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import {
  depthSweep,
  depthSweepRows,
  depthSweepSeries,
  depthSweepStats,
  formatDepthTable,
  mlpSweepModel,
  stackSweepModel,
} from "./depth_sweep.ts";
import { longDependencyTask } from "../tasks/seq_tasks.ts";

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

Deno.test("depthSweepStats and depthSweepRows give each cell's mean, min, max and paired wins", () => {
  const run = (depth: number, variant: string, seed: number, finalLoss: number) => ({
    depth,
    variant,
    seed,
    finalLoss,
    curve: [],
    ms: 0,
  });
  const runs = [
    run(2, "plain", 0, 0.5),
    run(2, "plain", 1, 0.7),
    run(2, "residual", 0, 0.6),
    run(2, "residual", 1, 0.2),
  ];
  const result = { depths: [2], final: { plain: [0.6], residual: [0.4] }, runs };
  const stats = depthSweepStats(result);
  assert.deepEqual(stats.plain[0], { mean: 0.6, min: 0.5, max: 0.7, losses: [0.5, 0.7] });
  const [row] = depthSweepRows(result, "layers");
  assert.equal(row.layers, 2);
  assert.equal(row["residual max"], 0.6);
  assert.equal(row["residual lower"], "1 of 2 seeds");
  assert.deepEqual(depthSweepSeries(result)[1], {
    name: "residual",
    mean: [0.4],
    min: [0.2],
    max: [0.6],
  });
});

Deno.test("mlpSweepModel and stackSweepModel train through depthSweep and free everything", async () => {
  const before = tf.memory().numTensors;
  const x = tf.tensor2d([[0, 1], [1, 0], [1, 1], [0, 0]]), y = tf.tensor1d([0, 1, 1, 0], "int32");
  const mlp = await depthSweep({
    depths: [2],
    variants: ["plain", "residual"],
    steps: 3,
    optimizer: { kind: "sgd", lr: 0.05 },
    build: (depth, variant, seed) =>
      mlpSweepModel(
        { inputDim: 2, width: 4, depth, classes: 2, shortcut: variant === "residual", seed },
        x,
        y,
      ),
  });
  assert.ok(mlp.final.plain[0] > 0 && Number.isFinite(mlp.final.residual[0]));
  const data = longDependencyTask({ n: 16, maxDistance: 4, numClasses: 2, seed: 0 });
  const stacks = await depthSweep({
    depths: [2],
    variants: ["residual"],
    steps: 2,
    build: (numLayers, _variant, seed) =>
      stackSweepModel(
        {
          kind: "rnn",
          vocabSize: data.vocab.length,
          hiddenSize: 4,
          numClasses: 2,
          output: "last",
          numLayers,
          shortcut: true,
          seed,
        },
        data,
        4,
        [0, 1, 2],
      ),
  });
  assert.ok(Number.isFinite(stacks.final.residual[0]));
  tf.dispose([x, y]);
  assert.equal(tf.memory().numTensors, before);
});
