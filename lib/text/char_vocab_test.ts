import assert from "node:assert/strict";
import { CharVocab } from "./char_vocab.ts";

Deno.test("CharVocab.fromText() sorts the distinct characters by code point", () => {
  const vocab = CharVocab.fromText("hello, World\n");
  assert.equal(vocab.chars.join(""), "\n ,Wdehlor");
  assert.equal(vocab.size, 10);
});

Deno.test("CharVocab.encode() and decode() round-trip, astral characters included", () => {
  const text = "to be 🎭 or not";
  const vocab = CharVocab.fromText(text);
  const ids = vocab.encode(text);
  assert.equal(ids.length, [...text].length);
  assert.equal(vocab.decode(ids), text);
  assert.deepEqual(CharVocab.fromText("abc").encode("cab"), Int32Array.of(2, 0, 1));
});

Deno.test("CharVocab.encode() names an unknown character and its position", () => {
  const vocab = CharVocab.fromText("abc");
  assert.throws(() => vocab.encode("abcz"), (e: Error) => {
    assert.ok(e instanceof RangeError);
    assert.match(e.message, /unknown character "z" \(U\+007A\) at position 3/);
    return true;
  });
  assert.throws(() => vocab.encode("a\tb"), /unknown character "\\t" \(U\+0009\) at position 1/);
});

Deno.test("CharVocab.decode() rejects ids outside [0, V)", () => {
  const vocab = CharVocab.fromText("abc");
  assert.throws(() => vocab.decode([0, 3]), /id 3 at position 1 is outside \[0, 3\)/);
  assert.throws(() => vocab.decode([-1]), RangeError);
});

Deno.test("CharVocab.toJSON() and fromJSON() round-trip through a string", () => {
  const vocab = CharVocab.fromText("Hello\nworld!");
  const back = CharVocab.fromJSON(JSON.parse(JSON.stringify(vocab)));
  assert.ok(back.equals(vocab));
  assert.deepEqual(back.encode("low"), vocab.encode("low"));
  assert.ok(!back.equals(CharVocab.fromText("Hello")));
});

Deno.test("CharVocab.fromJSON() and the constructor reject malformed vocabularies", () => {
  assert.throws(() => CharVocab.fromJSON({ chars: ["a"] }), TypeError);
  assert.throws(() => CharVocab.fromJSON(null), TypeError);
  assert.throws(() => new CharVocab([]), /empty/);
  assert.throws(() => new CharVocab(["a", "ab"]), /entry 1 must be one character/);
  assert.throws(
    () => new CharVocab(["a", "b", "a"]),
    /"a" \(U\+0061\) appears twice \(ids 0 and 2\)/,
  );
});
