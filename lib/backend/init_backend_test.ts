import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import {
  fastBatchMatMulGrad,
  initBackend,
  tfjsBatchMatMulGrad,
  useFastMatMulGrad,
} from "./init_backend.ts";
import { maxAbsDiff, Rng } from "../util/mod.ts";

Deno.test("initBackend() selects the wasm backend and seeds randomness", async () => {
  const info = await initBackend({ quiet: true, seed: 7 });
  assert.equal(info.backend, "wasm");
  assert.equal(tf.getBackend(), "wasm");
  const a = await tf.tidy(() => tf.randomNormal([5])).data();
  await initBackend({ quiet: true, seed: 7 });
  const b = await tf.tidy(() => tf.randomNormal([5])).data();
  assert.deepEqual(Array.from(a), Array.from(b));
});

Deno.test("wasm matMul equals the cpu backend on the same inputs", async () => {
  await initBackend({ quiet: true });
  const rng = new Rng(1);
  const a = Float32Array.from(rng.normalArray(64 * 48)),
    b = Float32Array.from(rng.normalArray(48 * 32));
  const wasm = await tf.tidy(() => tf.matMul(tf.tensor2d(a, [64, 48]), tf.tensor2d(b, [48, 32])))
    .data();
  await tf.setBackend("cpu");
  const cpu = await tf.tidy(() => tf.matMul(tf.tensor2d(a, [64, 48]), tf.tensor2d(b, [48, 32])))
    .data();
  await tf.setBackend("wasm");
  assert.ok(maxAbsDiff(wasm, cpu) < 1e-4, `max abs diff ${maxAbsDiff(wasm, cpu)}`);
});

/** Gradients of sum(matMul(a, b, tA, tB) * r) under one registered BatchMatMul gradient. */
async function grads(
  aShape: number[],
  bShape: number[],
  tA: boolean,
  tB: boolean,
  fast: boolean,
): Promise<Float32Array[]> {
  useFastMatMulGrad(fast);
  const rng = new Rng(aShape.length * 10 + bShape[0] + (tA ? 1 : 0) + (tB ? 2 : 0));
  const size = (s: number[]) => s.reduce((x, y) => x * y, 1);
  const a = tf.tensor(Float32Array.from(rng.normalArray(size(aShape))), aShape);
  const b = tf.tensor(Float32Array.from(rng.normalArray(size(bShape))), bShape);
  const out = tf.matMul(a, b, tA, tB);
  const r = tf.tensor(Float32Array.from(rng.normalArray(out.size)), out.shape);
  const g = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.matMul(x, y, tA, tB), r)));
  const [da, db] = g([a, b]);
  const res = [await da.data() as Float32Array, await db.data() as Float32Array];
  tf.dispose([a, b, out, r, da, db]);
  return res;
}

Deno.test("fastBatchMatMulGrad equals tfjs's own gradient for every transpose flag, 2-D and batched", async () => {
  await initBackend({ quiet: true });
  assert.equal(fastBatchMatMulGrad.kernelName, tfjsBatchMatMulGrad.kernelName);
  const cases: [number[], number[], boolean, boolean][] = [
    [[3, 4], [4, 5], false, false],
    [[4, 3], [4, 5], true, false],
    [[3, 4], [5, 4], false, true],
    [[4, 3], [5, 4], true, true],
    [[2, 3, 4], [2, 4, 5], false, false],
    [[2, 4, 3], [2, 4, 5], true, false],
    [[2, 3, 4], [2, 5, 4], false, true],
    [[2, 4, 3], [2, 5, 4], true, true],
  ];
  const before = tf.memory().numTensors;
  for (const [sa, sb, tA, tB] of cases) {
    const ref = await grads(sa, sb, tA, tB, false);
    const fast = await grads(sa, sb, tA, tB, true);
    for (let k = 0; k < 2; k++) {
      const d = maxAbsDiff(ref[k], fast[k]);
      assert.ok(d < 1e-5, `${sa}×${sb} tA=${tA} tB=${tB}: d${"ab"[k]} differs by ${d}`);
    }
  }
  assert.equal(tf.memory().numTensors, before);
  useFastMatMulGrad(true);
});
