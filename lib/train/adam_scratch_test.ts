/**
 * lib/scratch's float64 Adam against the Trainer's tfjs Adam (lib/train/optimizers.ts, PyTorch's
 * update) on the same parameters and gradients, over several steps.
 */
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { adamInit, adamStep } from "../scratch/adam.ts";
import { makeOptimizer } from "./optimizers.ts";

Deno.test("scratch adamStep equals the tfjs Adam of the Trainer over 5 steps (float32)", () => {
  const opts = { lr: 0.05, beta1: 0.8, beta2: 0.95, eps: 1e-6 };
  const grads = [[0.5, -1, 2], [0.1, 0.2, -0.3], [-1, 1, 0], [0.7, -0.2, 0.05], [0.3, 0.3, 0.3]];
  let params: Float64Array = Float64Array.of(1, -2, 0.5), state = adamInit(3);
  const w = tf.variable(tf.tensor1d(Array.from(params), "float32"));
  const opt = makeOptimizer({ kind: "adam", ...opts });
  for (const g of grads) {
    ({ params, state } = adamStep(params, g, state, opts));
    tf.tidy(() => opt.apply({ w }, { w: tf.tensor1d(g) }));
  }
  const got = w.dataSync();
  params.forEach((v, i) => assert.ok(Math.abs(v - got[i]) < 1e-5, `${i}: ${v} vs ${got[i]}`));
  opt.dispose();
  w.dispose();
});
