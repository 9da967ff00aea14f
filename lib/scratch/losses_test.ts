import assert from "node:assert/strict";
import { Rng } from "../util/rng.ts";
import { allClose } from "../util/all_close.ts";
import { gradCheck } from "./grad_check.ts";
import { accuracy, argmaxRows, mse, softmax, softmaxCrossEntropy } from "./losses.ts";
import { fromRows, matrix, toRows } from "./matrix.ts";

Deno.test("softmax() rows sum to 1 and survive huge logits", () => {
  const p = softmax(fromRows([[1, 2, 3], [1000, 1000, -1000]]));
  assert.ok(allClose(toRows(p).map((r) => r.reduce((a, b) => a + b)), [1, 1]));
  assert.ok(allClose(toRows(p)[1], [0.5, 0.5, 0]));
});

Deno.test("softmaxCrossEntropy() gives log C for equal logits and checks its labels", () => {
  assert.ok(Math.abs(softmaxCrossEntropy(matrix(3, 5), [0, 1, 4]).loss - Math.log(5)) < 1e-12);
  assert.throws(() => softmaxCrossEntropy(matrix(3, 5), [0, 1]), /labels have length 2/);
  assert.throws(() => softmaxCrossEntropy(matrix(2, 5), [0, 5]), /label 1 is 5/);
});

Deno.test("softmaxCrossEntropy() dLogits passes the gradient check (< 1e-7)", () => {
  for (const [n, c] of [[2, 3], [4, 5], [5, 7]]) {
    const rng = new Rng(n * 10 + c);
    const logits = matrix(n, c, rng.normalArray(n * c, 2));
    const labels = Array.from({ length: n }, () => rng.int(c));
    const { dLogits } = softmaxCrossEntropy(logits, labels);
    const f = (p: Float64Array) => softmaxCrossEntropy(matrix(n, c, p), labels).loss;
    const err = gradCheck(f, logits.data, dLogits.data).maxRelError;
    assert.ok(err < 1e-7, `N=${n} C=${c}: ${err}`);
  }
});

Deno.test("mse() is the mean of squares and its gradient passes the check (< 1e-7)", () => {
  assert.equal(
    mse(fromRows([[1, 2], [3, 4]]), fromRows([[0, 2], [3, 6]])).loss,
    (1 + 0 + 0 + 4) / 4,
  );
  const rng = new Rng(3);
  const [n, k] = [4, 2];
  const pred = matrix(n, k, rng.normalArray(n * k));
  const target = matrix(n, k, rng.normalArray(n * k));
  const { dPred } = mse(pred, target);
  const err =
    gradCheck((p) => mse(matrix(n, k, p), target).loss, pred.data, dPred.data).maxRelError;
  assert.ok(err < 1e-7, `mse: ${err}`);
  assert.throws(() => mse(matrix(2, 1), matrix(1, 2)), /pred is \[2,1\] but target is \[1,2\]/);
});

Deno.test("argmaxRows() and accuracy() read the predicted class", () => {
  const scores = fromRows([[0.1, 0.9], [2, -1], [0, 3]]);
  assert.deepEqual(Array.from(argmaxRows(scores)), [1, 0, 1]);
  assert.equal(accuracy(scores, [1, 0, 0]), 2 / 3);
});
