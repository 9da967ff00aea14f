import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { makeOptimizer } from "./optimizers.ts";

await initBackend({ quiet: true });

Deno.test("makeOptimizer() Adam follows torch.optim.Adam's update for three steps", () => {
  const w = tf.variable(tf.tensor1d([1, -2]));
  const opt = makeOptimizer({ kind: "adam", lr: 0.1 });
  const gs = [[0.5, -1], [0.2, 3], [-1, 0.1]];
  // Reference: PyTorch's formulas in float64.
  let m = [0, 0], v = [0, 0], p = [1, -2];
  gs.forEach((g, k) => {
    const t = k + 1;
    m = m.map((mi, i) => 0.9 * mi + 0.1 * g[i]);
    v = v.map((vi, i) => 0.999 * vi + 0.001 * g[i] ** 2);
    p = p.map((pi, i) =>
      pi - (0.1 / (1 - 0.9 ** t)) * m[i] / (Math.sqrt(v[i]) / Math.sqrt(1 - 0.999 ** t) + 1e-8)
    );
    tf.tidy(() => opt.apply({ w }, { w: tf.tensor1d(g) }));
  });
  const got = w.dataSync();
  p.forEach((pi, i) => assert.ok(Math.abs(got[i] - pi) < 1e-6, `${got[i]} vs ${pi}`));
  opt.dispose();
  w.dispose();
});

Deno.test("makeOptimizer() SGD with momentum accumulates velocity", () => {
  const w = tf.variable(tf.scalar(0));
  const opt = makeOptimizer({ kind: "sgd", lr: 0.5, momentum: 0.9 });
  for (let i = 0; i < 2; i++) tf.tidy(() => opt.apply({ w }, { w: tf.scalar(1) }));
  assert.ok(Math.abs(w.dataSync()[0] - -(0.5 + 0.5 * 1.9)) < 1e-6);
  opt.dispose();
  w.dispose();
});

Deno.test("optimizer getState()/setState() resumes the same trajectory", () => {
  const run = (split: boolean) => {
    const w = tf.variable(tf.tensor1d([1, 2]));
    let opt = makeOptimizer({ lr: 0.05 });
    for (let i = 0; i < 6; i++) {
      if (split && i === 3) {
        const state = opt.getState();
        opt.dispose();
        opt = makeOptimizer({ lr: 0.05 });
        opt.setState(state);
      }
      tf.tidy(() => opt.apply({ w }, { w: tf.mul(w, 2) }));
    }
    const out = w.dataSync();
    opt.dispose();
    w.dispose();
    return out;
  };
  assert.deepEqual(run(true), run(false));
});

Deno.test("makeOptimizer() rejects an unknown kind or a bad learning rate", () => {
  assert.throws(() => makeOptimizer({ lr: -1 }), /lr must be a positive number/);
  assert.throws(() => makeOptimizer({ kind: "rmsprop" as "sgd" }), /kind/);
  assert.throws(
    () => makeOptimizer({ kind: "sgd" }).setState(makeOptimizer().getState()),
    TypeError,
  );
});
