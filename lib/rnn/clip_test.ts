import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { maxAbsDiff } from "../util/all_close.ts";
import { matrix } from "../scratch/matrix.ts";
import {
  clipByGlobalNorm,
  clipByGlobalNormTf,
  clipByValue,
  clipByValueTf,
  globalNorm,
} from "./clip.ts";

await initBackend({ quiet: true });

const grads = () => ({ dW: matrix(1, 2, [3, 0]), db: Float64Array.of(0, -4) }); // norm 5

Deno.test("clipByGlobalNorm() rescales in place above maxNorm and returns the pre-clip norm", () => {
  const g = grads();
  assert.equal(clipByGlobalNorm(g, 2.5), 5);
  assert.deepEqual([...g.dW.data, ...g.db], [1.5, 0, 0, -2]);
  assert.ok(Math.abs(globalNorm(g) - 2.5) < 1e-15);
  const h = grads();
  assert.equal(clipByGlobalNorm(h, 10), 5); // below the limit: untouched
  assert.deepEqual([...h.dW.data, ...h.db], [3, 0, 0, -4]);
});

Deno.test("clipByGlobalNorm() leaves non-finite gradients alone and rejects a bad limit", () => {
  const g = { dW: Float64Array.of(NaN, 1) };
  assert.ok(Number.isNaN(clipByGlobalNorm(g, 1)));
  assert.equal(g.dW[1], 1);
  assert.throws(
    () => clipByGlobalNorm(grads(), 0),
    /clipByGlobalNorm: maxNorm must be a positive number, got 0/,
  );
});

Deno.test("clipByValue() clamps each entry and returns the pre-clip norm", () => {
  const g = grads();
  assert.equal(clipByValue(g, 1), 5);
  assert.deepEqual([...g.dW.data, ...g.db], [1, 0, 0, -1]);
});

Deno.test("clipByGlobalNormTf() and clipByValueTf() match the scratch versions without leaking", () => {
  const t = { dW: tf.tensor2d([[3, 0]]), db: tf.tensor1d([0, -4]) };
  const before = tf.memory().numTensors;
  for (
    const [fn, ref, limit] of [[clipByGlobalNormTf, clipByGlobalNorm, 2.5], [
      clipByValueTf,
      clipByValue,
      1,
    ]] as const
  ) {
    const { grads: out, norm } = fn(t, limit);
    const g = grads();
    assert.ok(Math.abs(norm - ref(g, limit)) < 1e-6);
    assert.ok(maxAbsDiff(out.dW.dataSync(), g.dW.data) < 1e-6);
    assert.ok(maxAbsDiff(out.db.dataSync(), g.db) < 1e-6);
    tf.dispose(Object.values(out));
    assert.equal(tf.memory().numTensors, before);
  }
  assert.deepEqual(t.db.arraySync(), [0, -4]); // inputs untouched
  tf.dispose(Object.values(t));
});
