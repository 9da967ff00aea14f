import assert from "node:assert/strict";
import { Rng } from "../util/rng.ts";
import { ACTIVATIONS } from "./activations.ts";
import { gradCheckArray, gradCheckParams } from "./grad_check.ts";
import { type Matrix, matrix } from "./matrix.ts";
import {
  cloneMlp,
  createMlp,
  type Mlp,
  mlpBackward,
  mlpForward,
  mlpGradsByName,
  mlpLossAndGrads,
  mlpParams,
  sgdStep,
} from "./mlp.ts";

function batch(n: number, d: number, c: number, seed: number) {
  const rng = new Rng(seed);
  const x = matrix(n, d, rng.normalArray(n * d)); // [N, D]
  const labels = Array.from({ length: n }, () => rng.int(c)); // [N]
  return { x, labels };
}

Deno.test("createMlp() builds [D, H]-shaped layers with zero biases", () => {
  const model = createMlp({ sizes: [4, 5, 6, 3], seed: 1 });
  assert.deepEqual(model.layers.map((l) => l.W.shape), [[4, 5], [5, 6], [6, 3]]);
  assert.ok(model.layers.every((l) => l.b.every((v) => v === 0)));
  assert.deepEqual(createMlp({ sizes: [4, 5, 6, 3], seed: 1 }), model);
  assert.throws(() => createMlp({ sizes: [4] }), RangeError);
});

/** The smallest |pre-activation| over all hidden units and examples: the distance to a ReLU kink. */
function kinkMargin(model: Mlp, x: Matrix): number {
  return Math.min(...mlpForward(model, x).cache.act.flatMap((a) => Array.from(a.x.data, Math.abs)));
}

Deno.test("mlpBackward() passes the gradient check for every parameter and activation (< 1e-7)", () => {
  // The five-point stencil with h = 1e-3 (see grad_check.ts): the two-point one at h = 1e-5 is
  // limited by rounding to ~1e-6 on gradient entries near 1e-5, which leaky ReLU's 0.01 slope makes.
  const opts = { order: 4, h: 1e-3 } as const;
  for (const activation of ACTIVATIONS) {
    for (const n of [2, 3, 5]) {
      const model = createMlp({ sizes: [4, 5, 6, 3], activation, seed: n });
      // non-zero biases so every path is exercised
      for (const l of model.layers) l.b.set(new Rng(n).normalArray(l.b.length, 0.1));
      // the stencil must not step across a ReLU kink: redraw the batch until every pre-activation
      // is at least 0.01 from 0 (5× the stencil's reach of 2h)
      let data = batch(n, 4, 3, 100 + n);
      for (let k = 1; kinkMargin(model, data.x) < 0.01 && k < 20; k++) {
        data = batch(n, 4, 3, 100 * k + n);
      }
      const { x, labels } = data;
      assert.ok(kinkMargin(model, x) >= 0.01, `${activation} N=${n}: no kink-free batch found`);
      const { grads } = mlpLossAndGrads(model, x, labels);
      const errs = gradCheckParams(
        () => mlpLossAndGrads(model, x, labels).loss,
        mlpParams(model),
        mlpGradsByName(grads),
        opts,
      );
      const worst = Math.max(...Object.values(errs));
      assert.ok(worst < 1e-7, `${activation} N=${n}: ${JSON.stringify(errs)}`);
    }
  }
});

Deno.test("mlpBackward() returns dx that passes the gradient check", () => {
  const model = createMlp({ sizes: [4, 5, 3], activation: "sigmoid", seed: 2 });
  const { x } = batch(3, 4, 3, 9);
  const dOut = matrix(3, 3, new Rng(4).normalArray(9));
  const { dx } = mlpBackward(dOut, mlpForward(model, x).cache);
  const f = (p: Float64Array) => mlpForward(model, matrix(3, 4, p)).out.data;
  assert.ok(gradCheckArray(f, x.data, dOut.data, dx.data).maxRelError < 1e-7);
});

Deno.test("sgdStep() lowers the loss on a small batch and cloneMlp() keeps the original", () => {
  const model = createMlp({ sizes: [4, 8, 3], activation: "relu", init: "he", seed: 3 });
  const start = cloneMlp(model);
  const { x, labels } = batch(5, 4, 3, 5);
  const first = mlpLossAndGrads(model, x, labels).loss;
  for (let step = 0; step < 50; step++) {
    sgdStep(model, mlpLossAndGrads(model, x, labels).grads, 0.5);
  }
  assert.ok(mlpLossAndGrads(model, x, labels).loss < first / 2);
  assert.equal(mlpLossAndGrads(start, x, labels).loss, first);
  assert.throws(() => sgdStep(model, [], 0.1), /model has 2 layers but grads has 0/);
});

Deno.test("mlpParams() returns views that share memory with the model", () => {
  const model = createMlp({ sizes: [2, 3, 2], seed: 0 });
  const params = mlpParams(model);
  assert.deepEqual(Object.keys(params), ["W1", "b1", "W2", "b2"]);
  params.b2[1] = 7;
  assert.equal(model.layers[1].b[1], 7);
});
