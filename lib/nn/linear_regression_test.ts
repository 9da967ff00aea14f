import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../backend/init_backend.ts";
import { leastSquares, linearLoss, linearLossGrid, LinearRegression } from "./linear_regression.ts";
import { toTensors } from "./to_tensors.ts";
import { makeLine } from "../tasks/toy_data.ts";

await initBackend({ quiet: true });

Deno.test("LinearRegression.loss() equals linearLoss() on the same (w, b)", () => {
  const data = makeLine({ n: 40, seed: 2 });
  const model = new LinearRegression({ w: 0.5, b: -0.25 });
  const { x, y } = toTensors(data);
  const tfLoss = tf.tidy(() => model.loss(x, y).dataSync()[0]);
  assert.ok(Math.abs(tfLoss - linearLoss(data, 0.5, -0.25)) / tfLoss < 1e-6);
  assert.deepEqual(model.params(), [0.5, -0.25]);
  tf.dispose([x, y]);
  model.dispose();
});

Deno.test("leastSquares() is the minimum of linearLoss()", () => {
  const data = makeLine({ n: 60, seed: 5 });
  const opt = leastSquares(data);
  for (const [dw, db] of [[0.01, 0], [-0.01, 0], [0, 0.01], [0, -0.01]]) {
    assert.ok(linearLoss(data, opt.w + dw, opt.b + db) > opt.loss);
  }
  assert.throws(
    () => leastSquares({ x: { data: new Float64Array(3), shape: [3, 1] }, y: data.y }),
    RangeError,
  );
});

Deno.test("linearLossGrid() lays the loss out as z[b][w] with its minimum near the optimum", () => {
  const data = makeLine({ n: 60, seed: 5 });
  const grid = linearLossGrid(data, [-1, 5], [-4, 2], 31);
  assert.equal(grid.w.length, 31);
  assert.deepEqual([grid.w[0], grid.w[30], grid.b[0], grid.b[30]], [-1, 5, -4, 2]);
  assert.equal(grid.loss[3][7], linearLoss(data, grid.w[7], grid.b[3]));
  const flat = grid.loss.flat(), k = flat.indexOf(Math.min(...flat));
  const opt = leastSquares(data);
  assert.ok(
    Math.abs(grid.w[k % 31] - opt.w) <= 0.2 && Math.abs(grid.b[Math.floor(k / 31)] - opt.b) <= 0.2,
  );
  assert.throws(() => linearLossGrid(data, [0, 1], [0, 1], 1), RangeError);
});

Deno.test("LinearRegression leaves no tensors behind after dispose()", () => {
  const before = tf.memory().numTensors;
  for (let i = 0; i < 3; i++) new LinearRegression({ w: i, b: -i }).dispose();
  assert.equal(tf.memory().numTensors, before);
});
