import assert from "node:assert/strict";
import { Rng } from "../util/rng.ts";
import { INIT_KINDS, initStd, initWeights } from "./init.ts";

Deno.test("initStd() follows each scheme's formula", () => {
  assert.equal(initStd("small", 100, 50), 0.01);
  assert.equal(initStd("large", 100, 50), 1);
  assert.equal(initStd("xavier", 100, 50), Math.sqrt(2 / 150));
  assert.equal(initStd("he", 100, 50), Math.sqrt(2 / 100));
});

Deno.test("initWeights() draws [fanIn, fanOut] with roughly the scheme's std, reproducibly", () => {
  for (const kind of INIT_KINDS) {
    const W = initWeights(kind, 200, 100, new Rng(1));
    assert.deepEqual(W.shape, [200, 100]);
    const mean = W.data.reduce((a, b) => a + b) / W.data.length;
    const std = Math.sqrt(W.data.reduce((a, b) => a + (b - mean) ** 2, 0) / W.data.length);
    assert.ok(Math.abs(std / initStd(kind, 200, 100) - 1) < 0.02, `${kind}: std ${std}`);
    assert.deepEqual(W.data, initWeights(kind, 200, 100, new Rng(1)).data);
  }
  assert.throws(() => initWeights("he", 0, 3, new Rng(1)), RangeError);
});
