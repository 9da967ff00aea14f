import assert from "node:assert/strict";
import { bracketTask, decodeSequence, isWellNested, longDependencyTask } from "./seq_tasks.ts";

Deno.test("longDependencyTask() puts the labelled signal exactly distance steps before the end", () => {
  const d = longDependencyTask({ n: 200, maxDistance: 12, minDistance: 3, numClasses: 3, seed: 5 });
  const [N, T] = d.shape;
  assert.deepEqual([N, T], [200, 13]);
  for (let i = 0; i < N; i++) {
    const row: number[] = Array.from(d.ids.subarray(i * T, (i + 1) * T));
    const signals = row.flatMap((id, t) => (id < d.numClasses ? [t] : []));
    assert.deepEqual(signals, [T - 1 - d.distance[i]], decodeSequence(d, i));
    assert.equal(row[signals[0]], d.y[i]);
    assert.ok(d.distance[i] >= 3 && d.distance[i] <= 12);
  }
  assert.equal(new Set(d.distance).size, 10, "every distance in [3, 12] occurs");
});

Deno.test("longDependencyTask() is deterministic per seed and rejects bad sizes", () => {
  const a = longDependencyTask({ n: 10, maxDistance: 6, seed: 1 });
  const b = longDependencyTask({ n: 10, maxDistance: 6, seed: 1 });
  const c = longDependencyTask({ n: 10, maxDistance: 6, seed: 2 });
  assert.deepEqual(a.ids, b.ids);
  assert.notDeepEqual(a.ids, c.ids);
  assert.deepEqual(a.vocab, ["A", "B", "a", "b", "c", "d"]);
  assert.throws(() => longDependencyTask({ n: 10, maxDistance: 2, minDistance: 3 }), RangeError);
  assert.throws(() => longDependencyTask({ n: 0, maxDistance: 2 }), /longDependencyTask/);
});

Deno.test("bracketTask() labels every token inside a bracket pair, counting nesting", () => {
  const d = bracketTask({ n: 50, T: 40, maxDepth: 3, seed: 7 });
  const [N, T] = d.shape;
  let inside = 0;
  for (let i = 0; i < N; i++) {
    let depth = 0;
    for (let t = 0; t < T; t++) {
      const tok = d.vocab[d.ids[i * T + t]];
      const before = depth;
      if (tok === "(") depth++;
      if (tok === ")") depth--;
      assert.ok(depth >= 0 && depth <= 3);
      assert.equal(d.depth[i * T + t], depth);
      const want = tok === "(" || tok === ")" || before > 0 ? 1 : 0;
      assert.equal(d.labels[i * T + t], want, `${decodeSequence(d, i)} at ${t}`);
      inside += want;
    }
  }
  const frac = inside / (N * T);
  assert.ok(frac > 0.3 && frac < 0.9, `fraction inside ${frac} should be balanced`);
  assert.throws(() => bracketTask({ n: 1, T: 5, pOpen: 0.7, pClose: 0.7 }), RangeError);
});

Deno.test("longDependencyTask() with a cue puts # right before the signal and mixes symbols in", () => {
  const d = longDependencyTask({ n: 300, maxDistance: 9, numClasses: 2, cue: true, seed: 4 });
  const [N, T] = d.shape;
  assert.equal(T, 11);
  assert.deepEqual(d.vocab, ["A", "B", "a", "b", "c", "d", "#"]);
  let symbolsAsNoise = 0;
  for (let i = 0; i < N; i++) {
    const row: number[] = Array.from(d.ids.subarray(i * T, (i + 1) * T));
    const p: number = T - 1 - d.distance[i];
    assert.deepEqual(row.flatMap((id, t) => (id === 6 ? [t] : [])), [p - 1], decodeSequence(d, i));
    assert.equal(row[p], d.y[i]);
    symbolsAsNoise += row.filter((id, t) => id < 2 && t !== p).length;
  }
  assert.ok(symbolsAsNoise > N, "signal symbols also occur as distractors");
});

Deno.test("isWellNested() accepts every bracketTask line and rejects unmatched or too deep brackets", () => {
  const d = bracketTask({ n: 30, T: 25, maxDepth: 2, seed: 8 });
  for (let i = 0; i < 30; i++) assert.ok(isWellNested(decodeSequence(d, i), 2));
  assert.equal(isWellNested("ab)(c"), false);
  assert.equal(isWellNested("(((a)))", 2), false);
  assert.equal(isWellNested("(((a", 3), true);
});
