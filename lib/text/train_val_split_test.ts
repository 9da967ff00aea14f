import assert from "node:assert/strict";
import { trainValSplit } from "./train_val_split.ts";

Deno.test("trainValSplit() cuts at floor(0.9 · length) for strings and id arrays", () => {
  const { train, val } = trainValSplit("abcdefghijk"); // 11 · 0.9 = 9.9 → 9
  assert.equal(train, "abcdefghi");
  assert.equal(val, "jk");
  const ids = Int32Array.from({ length: 20 }, (_, i) => i);
  const s = trainValSplit(ids, 0.75);
  assert.deepEqual(s.train, ids.subarray(0, 15));
  assert.deepEqual(s.val, ids.subarray(15));
});

Deno.test("trainValSplit() rejects a fraction outside (0, 1) or an empty part", () => {
  assert.throws(() => trainValSplit("abc", 1), /trainFraction must be in \(0, 1\), got 1/);
  assert.throws(() => trainValSplit("abc", NaN), RangeError);
  assert.throws(() => trainValSplit("a"), /empty part/);
});
