import assert from "node:assert/strict";
import { Rng } from "../util/rng.ts";
import { gradCheck } from "./grad_check.ts";
import { softmaxCrossEntropy } from "./losses.ts";
import { matrix } from "./matrix.ts";
import {
  createResidualMlp,
  residualMlpBackward,
  residualMlpForward,
  residualMlpGradNorms,
  residualMlpGradsByName,
  residualMlpParams,
} from "./residual_mlp.ts";

const D = 3, H = 4, C = 5, N = 2;

function data(seed: number) {
  const rng = new Rng(seed);
  return { x: matrix(N, D, rng.normalArray(N * D)), y: Int32Array.from([1, 4]) };
}

for (const shortcut of [true, false]) {
  Deno.test(`residualMlpBackward() passes the gradient check for every parameter (shortcut ${shortcut}, < 1e-7)`, () => {
    const model = createResidualMlp({
      inputDim: D,
      width: H,
      depth: 4,
      classes: C,
      shortcut,
      activation: "tanh",
      seed: 3,
    });
    for (const b of [model.stem.b, ...model.blocks.flatMap((p) => [p.b1, p.b2]), model.head.b]) {
      b.set(new Rng(b.length).normalArray(b.length, 0.3));
    }
    const { x, y } = data(5);
    const lossAt = () => softmaxCrossEntropy(residualMlpForward(model, x).out, y).loss;
    const { out, cache } = residualMlpForward(model, x);
    const grads = residualMlpGradsByName(
      residualMlpBackward(softmaxCrossEntropy(out, y).dLogits, cache).grads,
    );
    for (const [name, view] of Object.entries(residualMlpParams(model))) {
      const f = (p: Float64Array) => {
        const saved = view.slice();
        view.set(p);
        const l = lossAt();
        view.set(saved);
        return l;
      };
      const r = gradCheck(f, view, grads[`d${name}`], { order: 4, h: 1e-3 });
      assert.ok(r.maxRelError < 1e-7, `d${name}: relative error ${r.maxRelError}`);
    }
  });
}

Deno.test("createResidualMlp() scales residual branches by 1/√B and rejects odd depths", () => {
  const opts = { inputDim: 2, width: 8, depth: 8, classes: 3, seed: 1 };
  const res = createResidualMlp(opts), plain = createResidualMlp({ ...opts, shortcut: false });
  assert.deepEqual(Array.from(res.blocks[0].W1.data), Array.from(plain.blocks[0].W1.data));
  const ratio = res.blocks[2].W2.data[5] / plain.blocks[2].W2.data[5];
  assert.ok(Math.abs(ratio - 0.5) < 1e-12, `ratio ${ratio}`);
  assert.throws(() => createResidualMlp({ ...opts, depth: 5 }), /even integer/);
});

Deno.test("residualMlpGradNorms() gives one ‖∂L/∂h‖ per block boundary and one ‖∂L/∂W‖ per hidden layer", () => {
  const model = createResidualMlp({ inputDim: D, width: H, depth: 6, classes: C });
  const { x, y } = data(2);
  const { loss, dh, dW } = residualMlpGradNorms(model, x, y);
  assert.equal(dh.length, 4);
  assert.equal(dW.length, 6);
  assert.ok(loss > 0 && [...dh, ...dW].every((v) => Number.isFinite(v) && v >= 0));
  const { dhs } = residualMlpBackward(
    softmaxCrossEntropy(residualMlpForward(model, x).out, y).dLogits,
    residualMlpForward(model, x).cache,
  );
  assert.ok(Math.abs(dh[0] - Math.hypot(...dhs[0].data)) < 1e-12);
});
