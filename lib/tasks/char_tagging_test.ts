import assert from "node:assert/strict";
import { respace, spaceRestorationTask, taggingScores, unspaceText } from "./char_tagging.ts";

const TEXT =
  "First Citizen:\nBefore we proceed any further, hear me speak.\n\nAll:\nSpeak, speak.\n";

Deno.test("unspaceText() lower-cases, removes whitespace and marks a boundary after every word but the last", () => {
  const u = unspaceText(TEXT);
  assert.equal(u.chars.slice(0, 19), "firstcitizen:before");
  assert.equal(Array.from(u.labels.slice(0, 13)).join(""), "0000100000001");
  assert.equal(u.labels.at(-1), 0);
  const words = TEXT.trim().split(/\s+/).length;
  assert.equal(u.labels.reduce((s, v) => s + v, 0), words - 1);
  assert.ok(!u.vocab.includes(" ") && !u.vocab.includes("\n"));
});

Deno.test("spaceRestorationTask() windows are substrings of the unspaced text, and respace() restores them", () => {
  const d = spaceRestorationTask(TEXT, { n: 5, T: 12, seed: 3 });
  assert.deepEqual(d.shape, [5, 12]);
  const spaced = TEXT.toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  for (let r = 0; r < 5; r++) assert.ok(spaced.includes(respace(d, r)), respace(d, r));
});

Deno.test("spaceRestorationTask() draws train and test from disjoint ranges", () => {
  const long = TEXT.repeat(20);
  const u = unspaceText(long);
  const cut = Math.floor(0.5 * u.chars.length);
  const a = spaceRestorationTask(long, { n: 50, T: 8, range: [0, 0.5], seed: 1 });
  const b = spaceRestorationTask(long, { n: 50, T: 8, range: [0.5, 1], seed: 1 });
  assert.deepEqual(a.vocab, b.vocab);
  assert.ok(a.ids.length === 400 && b.ids.length === 400);
  assert.ok(cut > 8);
});

Deno.test("spaceRestorationTask() rejects a range shorter than one window, naming the sizes", () => {
  assert.throws(
    () => spaceRestorationTask("ab cd", { n: 1, T: 10 }),
    /spaceRestorationTask: .*T=10.*\(4 characters\)/,
  );
});

Deno.test("taggingScores() counts precision, recall and F1 of label 1", () => {
  const s = taggingScores([1, 1, 0, 0, 1], [1, 0, 0, 1, 1]);
  assert.equal(s.accuracy, 3 / 5);
  assert.equal(s.precision, 2 / 3);
  assert.equal(s.recall, 2 / 3);
  assert.ok(Math.abs(s.f1 - 2 / 3) < 1e-12);
  assert.equal(taggingScores([0, 0], [0, 1]).f1, 0);
  assert.throws(() => taggingScores([1], [1, 0]), /taggingScores: .*1 predictions and 2 labels/);
});
