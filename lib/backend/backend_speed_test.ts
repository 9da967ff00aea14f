import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { initBackend } from "./init_backend.ts";
import { matMulSpeed } from "./backend_speed.ts";

Deno.test("matMulSpeed() times both backends, frees its tensors and restores wasm", async () => {
  await initBackend({ quiet: true });
  const before = tf.memory().numTensors;
  const s = await matMulSpeed(32, 3);
  assert.equal(tf.getBackend(), "wasm");
  assert.equal(tf.memory().numTensors, before);
  assert.equal(s.wasmTimes.length, 3);
  assert.equal(s.cpuTimes.length, 3);
  assert.equal(s.wasmMs, [...s.wasmTimes].sort((a, b) => a - b)[1]);
  assert.ok(s.wasmMs > 0 && s.cpuMs > 0);
  assert.ok(Math.abs(s.ratio - s.cpuMs / s.wasmMs) < 1e-12);
});

Deno.test("matMulSpeed() rejects bad sizes and a non-wasm backend in one line", async () => {
  await initBackend({ quiet: true });
  await assert.rejects(() => matMulSpeed(0), /positive integers, got 0, 3/);
  await assert.rejects(() => matMulSpeed(8, 1.5), /positive integers/);
  await tf.setBackend("cpu");
  try {
    await assert.rejects(() => matMulSpeed(8), /wasm backend must be active \(it is 'cpu'\)/);
  } finally {
    await tf.setBackend("wasm");
  }
});
