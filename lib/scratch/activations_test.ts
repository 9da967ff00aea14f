import assert from "node:assert/strict";
import { Rng } from "../util/rng.ts";
import { allClose } from "../util/all_close.ts";
import {
  type Activation,
  activationBackward,
  activationForward,
  ACTIVATIONS,
  sigmoid,
} from "./activations.ts";
import { gradCheckArray } from "./grad_check.ts";
import { fromRows, matrix, toRows } from "./matrix.ts";

Deno.test("activationForward() computes sigmoid, tanh, relu and leaky relu", () => {
  const x = fromRows([[-2, 0, 3]]);
  const expected: Record<Activation, number[]> = {
    sigmoid: [1 / (1 + Math.exp(2)), 0.5, 1 / (1 + Math.exp(-3))],
    tanh: [Math.tanh(-2), 0, Math.tanh(3)],
    relu: [0, 0, 3],
    leakyRelu: [-0.02, 0, 3],
  };
  for (const kind of ACTIVATIONS) {
    assert.ok(allClose(toRows(activationForward(kind, x).out)[0], expected[kind]), kind);
  }
  assert.deepEqual(toRows(activationForward("leakyRelu", x, 0.5).out)[0], [-1, 0, 3]);
});

Deno.test("sigmoid() stays finite for large |z|", () => {
  assert.equal(sigmoid(-1000), 0);
  assert.equal(sigmoid(1000), 1);
  assert.ok(Number.isFinite(sigmoid(-745)));
});

Deno.test("activationBackward() passes the gradient check for every activation (< 1e-7)", () => {
  const [n, h] = [3, 5];
  const rng = new Rng(7);
  // keep inputs away from relu's kink at 0, where the numeric derivative is meaningless
  const x = matrix(n, h, rng.normalArray(n * h).map((v) => v + 0.1 * Math.sign(v)));
  const dOut = matrix(n, h, rng.normalArray(n * h));
  for (const kind of ACTIVATIONS) {
    const { cache } = activationForward(kind, x);
    const { dx } = activationBackward(dOut, cache);
    const f = (p: Float64Array) => activationForward(kind, matrix(n, h, p)).out.data;
    const err = gradCheckArray(f, x.data, dOut.data, dx.data).maxRelError;
    assert.ok(err < 1e-7, `${kind}: ${err}`);
  }
});

Deno.test("activationForward() rejects an unknown name", () => {
  assert.throws(() => activationForward("gelu" as Activation, matrix(1, 1)), TypeError);
});
