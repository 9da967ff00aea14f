import assert from "node:assert/strict";
import { cloneMlp, createMlp, matrix, mlpForward, mse } from "../scratch/mod.ts";
import { makeSine } from "../tasks/mod.ts";
import { fitMse } from "./fit_mse.ts";

Deno.test("fitMse: the loss of a tanh net on the sine falls by 10× and equals the model's MSE", () => {
  const sine = makeSine({ n: 32, seed: 5 });
  const model = createMlp({ sizes: [1, 16, 1], activation: "tanh", seed: 6 });
  const start = cloneMlp(model);
  const losses = fitMse(model, sine.x, sine.y, { lr: 0.05, steps: 300 });
  assert.equal(losses.length, 300);
  assert.equal(losses[0], mse(mlpForward(start, sine.x).out, sine.y).loss);
  assert.ok(losses.at(-1)! < losses[0] / 10, `${losses[0]} → ${losses.at(-1)}`);
  const after = mse(mlpForward(model, sine.x).out, sine.y).loss;
  assert.ok(after <= losses.at(-1)! + 1e-3, "the model was updated in place");
});

Deno.test("fitMse: seeded runs repeat exactly; bad input gives a one-line error", () => {
  const sine = makeSine({ n: 8, seed: 1 });
  const run = () =>
    fitMse(createMlp({ sizes: [1, 4, 1], activation: "relu", seed: 2 }), sine.x, sine.y, {
      lr: 0.1,
      steps: 20,
    });
  assert.deepEqual(run(), run());
  const model = createMlp({ sizes: [1, 4, 1], activation: "tanh", seed: 2 });
  assert.throws(() => fitMse(model, sine.x, matrix(3, 1), { lr: 0.1, steps: 1 }), /rows/);
  assert.throws(() => fitMse(model, sine.x, sine.y, { lr: 0, steps: 1 }), /lr must be > 0/);
  assert.throws(() => fitMse(model, sine.x, sine.y, { lr: 0.1, steps: 1.5 }), /steps/);
});
