import assert from "node:assert/strict";
import { Rng } from "../util/rng.ts";
import { gradCheck } from "./grad_check.ts";
import { softmaxCrossEntropy } from "./losses.ts";
import { matrix } from "./matrix.ts";
import { temporalSoftmaxLoss } from "./temporal_softmax.ts";
import { tensor3 } from "./tensor3.ts";

Deno.test("temporalSoftmaxLoss() is the mean over N·T positions of softmaxCrossEntropy", () => {
  const rng = new Rng(3), N = 2, T = 3, V = 5;
  const logits = tensor3(N, T, V, rng.normalArray(N * T * V, 2));
  const y = Int32Array.from({ length: N * T }, () => rng.int(V));
  const ref = softmaxCrossEntropy(matrix(N * T, V, logits.data), y);
  const got = temporalSoftmaxLoss(logits, y);
  assert.ok(Math.abs(got.loss - ref.loss) < 1e-12);
  assert.ok(got.dLogits.data.every((v, i) => Math.abs(v - ref.dLogits.data[i]) < 1e-12));
  assert.deepEqual(got.dLogits.shape, [N, T, V]);
});

Deno.test("temporalSoftmaxLoss() passes the gradient check, with and without a mask", () => {
  for (const masked of [false, true]) {
    const rng = new Rng(masked ? 7 : 8), N = 3, T = 4, V = 6;
    const logits = tensor3(N, T, V, rng.normalArray(N * T * V, 1.5));
    const y = Int32Array.from({ length: N * T }, () => rng.int(V));
    const mask = masked
      ? Float64Array.from({ length: N * T }, (_, i) => (i % 3 ? 1 : 0))
      : undefined;
    const { dLogits } = temporalSoftmaxLoss(logits, y, mask);
    const f = (p: Float64Array) => temporalSoftmaxLoss(tensor3(N, T, V, p), y, mask).loss;
    const err = gradCheck(f, logits.data, dLogits.data).maxRelError;
    assert.ok(err < 1e-6, `masked ${masked}: ${err}`);
  }
});

Deno.test("temporalSoftmaxLoss() ignores masked positions and survives huge logits", () => {
  const logits = tensor3(1, 2, 3, [1000, 0, -1000, 5, 5, 5]);
  const { loss, dLogits } = temporalSoftmaxLoss(logits, [1, 0], [0, 1]);
  assert.ok(Math.abs(loss - Math.log(3)) < 1e-12);
  assert.ok(dLogits.data.slice(0, 3).every((v) => v === 0));
  const big = temporalSoftmaxLoss(logits, [1, 0]).loss;
  assert.ok(Math.abs(big - (1000 + Math.log(3)) / 2) < 1e-9, String(big));
});

Deno.test("temporalSoftmaxLoss() names bad targets, lengths and an empty mask", () => {
  assert.throws(() => temporalSoftmaxLoss(tensor3(2, 3, 4), [0, 1]), /y needs N·T = 6 ids, got 2/);
  assert.throws(() => temporalSoftmaxLoss(tensor3(1, 2, 4), [0, 4]), /y\[1\] = 4 is outside/);
  assert.throws(() => temporalSoftmaxLoss(tensor3(1, 2, 4), [0, 1], [0, 0]), /counts no position/);
  assert.throws(() => temporalSoftmaxLoss(tensor3(1, 2, 4), [0, 1], [1]), /mask needs N·T = 2/);
});
