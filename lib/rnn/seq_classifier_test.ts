import assert from "node:assert/strict";
import { gradCheckParams } from "../scratch/grad_check.ts";
import { tensor3 } from "../scratch/tensor3.ts";
import { Rng } from "../util/rng.ts";
import {
  createSeqClassifier,
  seqClassifierLossAndGrads,
  seqClassifierParams,
} from "./seq_classifier.ts";

for (const kind of ["rnn", "lstm", "gru"] as const) {
  Deno.test(`seqClassifierLossAndGrads() passes a gradient check for the ${kind}`, () => {
    const m = createSeqClassifier({ kind, D: 4, H: 5, C: 3, seed: 1, init: "orthogonal" });
    const x = tensor3(2, 3, 4, new Rng(2).normalArray(24)), y = [2, 0];
    const { grads } = seqClassifierLossAndGrads(m, x, y);
    const errs = gradCheckParams(
      () => seqClassifierLossAndGrads(m, x, y).loss,
      seqClassifierParams(m),
      grads,
    );
    for (const [name, e] of Object.entries(errs)) assert.ok(e < 1e-6, `${kind} ${name}: ${e}`);
  });
}

Deno.test("seqClassifierLossAndGrads() with truncate k only reaches the last k steps", () => {
  const m = createSeqClassifier({ D: 3, H: 4, C: 2, seed: 3 });
  const x = tensor3(2, 6, 3, new Rng(4).normalArray(36));
  const seen: number[] = [];
  const trunc = seqClassifierLossAndGrads(m, x, [0, 1], {
    truncate: 2,
    onStep: (t) => seen.push(t),
  });
  assert.deepEqual(seen, [5, 4]);
  const full = seqClassifierLossAndGrads(m, x, [0, 1]);
  assert.equal(trunc.loss, full.loss);
  assert.deepEqual(trunc.grads.dWy, full.grads.dWy);
  assert.notDeepEqual(trunc.grads.dWh, full.grads.dWh);
  assert.throws(() => seqClassifierLossAndGrads(m, x, [0, 1], { truncate: 7 }), /truncate 7/);
});

Deno.test("createSeqClassifier() sets the LSTM forget bias and rejects bad sizes", () => {
  const m = createSeqClassifier({ kind: "lstm", D: 2, H: 3, C: 2, forgetBias: 2 });
  assert.ok(m.cell.kind === "lstm");
  assert.deepEqual(Array.from(m.cell.b), [0, 0, 0, 2, 2, 2, 0, 0, 0, 0, 0, 0]);
  assert.throws(() => createSeqClassifier({ D: 0, H: 3, C: 2 }), RangeError);
});
