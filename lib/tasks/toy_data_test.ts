import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { leastSquares } from "../nn/linear_regression.ts";
import { toTensors } from "../nn/to_tensors.ts";
import { makeBlobs, makeLine, makeMoons, makeSine, makeSpiral } from "./toy_data.ts";

await initBackend({ quiet: true });

Deno.test("makeBlobs(), makeSpiral() and makeMoons() give [N, 2] points with balanced labels", () => {
  for (
    const data of [
      makeBlobs({ n: 90, classes: 3 }),
      makeSpiral({ n: 90, classes: 3 }),
      makeMoons({ n: 90 }),
    ]
  ) {
    assert.deepEqual(data.x.shape, [90, 2]);
    assert.equal(data.y.length, 90);
    const counts = Array.from(
      { length: data.numClasses },
      (_, c) => data.y.filter((v) => v === c).length,
    );
    assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `${counts}`);
    assert.ok(data.x.data.every(Number.isFinite));
  }
  const spiral = makeSpiral({ n: 300, noise: 0 });
  for (let i = 0; i < 300; i++) {
    assert.ok(Math.hypot(spiral.x.data[2 * i], spiral.x.data[2 * i + 1]) <= 1 + 1e-12);
  }
});

Deno.test("the toy data makers are reproducible from the seed and shuffled", () => {
  assert.deepEqual(makeSpiral({ seed: 3 }), makeSpiral({ seed: 3 }));
  assert.notDeepEqual(makeMoons({ seed: 1 }).x.data, makeMoons({ seed: 2 }).x.data);
  const { y } = makeBlobs({ n: 30 });
  assert.notDeepEqual(Array.from(y), Array.from({ length: 30 }, (_, i) => i % 3));
  assert.throws(() => makeBlobs({ n: 2, classes: 3 }), RangeError);
});

Deno.test("makeSine() and makeLine() follow their curves", () => {
  const sine = makeSine({ n: 50, noise: 0 });
  assert.deepEqual(sine.x.shape, [50, 1]);
  sine.x.data.forEach((v, i) => assert.ok(Math.abs(Math.sin(v) - sine.y.data[i]) < 1e-12));
  const fit = leastSquares(makeLine({ n: 2000, w: 2, b: -1, noise: 0.5 }));
  assert.ok(Math.abs(fit.w - 2) < 0.05 && Math.abs(fit.b + 1) < 0.05, JSON.stringify(fit));
  assert.throws(() => makeSine({ n: 0 }), RangeError);
});

Deno.test("toTensors() gives float32 x and int32 labels or float32 targets", () => {
  const before = tf.memory().numTensors;
  const c = toTensors(makeBlobs({ n: 12 }));
  const r = toTensors(makeSine({ n: 7 }));
  assert.deepEqual([c.x.shape, c.y.shape, c.y.dtype], [[12, 2], [12], "int32"]);
  assert.deepEqual([r.x.shape, r.y.shape, r.y.dtype], [[7, 1], [7, 1], "float32"]);
  tf.dispose([c.x, c.y, r.x, r.y]);
  assert.equal(tf.memory().numTensors, before);
});
