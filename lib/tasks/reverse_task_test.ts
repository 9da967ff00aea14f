import assert from "node:assert/strict";
import { Rng } from "../util/rng.ts";
import {
  BOS,
  decodeTokens,
  encodeDigits,
  EOS,
  randomSeq2SeqBatch,
  seq2seqBatch,
  seq2seqTarget,
  seq2seqTestSets,
} from "./reverse_task.ts";

Deno.test("seq2seqBatch() lays out sources, decoder inputs (^ first) and targets ($ last)", () => {
  const b = seq2seqBatch("reverse", [encodeDigits("123"), encodeDigits("907")]);
  assert.equal(decodeTokens(b.src), "123907");
  assert.equal(decodeTokens(b.tgtIn), "^321^709");
  assert.equal(decodeTokens(b.tgtOut), "321$709$");
  assert.deepEqual([b.n, b.srcLen, b.tgtIn[0], b.tgtOut[3]], [2, 3, BOS, EOS]);
});

Deno.test("seq2seqTarget() reverses or sorts without changing its input", () => {
  const src = encodeDigits("31415");
  assert.equal(decodeTokens(seq2seqTarget("reverse", src)), "51413");
  assert.equal(decodeTokens(seq2seqTarget("sort", src)), "11345");
  assert.equal(decodeTokens(src), "31415");
});

Deno.test("randomSeq2SeqBatch() and seq2seqTestSets() are seeded and have one length per batch", () => {
  const a = randomSeq2SeqBatch("sort", 3, 5, new Rng(1)),
    b = randomSeq2SeqBatch("sort", 3, 5, new Rng(1));
  assert.deepEqual(a, b);
  assert.ok(Array.from(a.src).every((d) => d >= 0 && d <= 9));
  const sets = seq2seqTestSets("reverse", [2, 7], 4);
  assert.deepEqual(sets.map((s) => [s.n, s.srcLen, s.src.length]), [[4, 2, 8], [4, 7, 28]]);
});

Deno.test("encodeDigits() and seq2seqBatch() reject what is not digits", () => {
  assert.throws(() => encodeDigits("12a"), /digits/);
  assert.throws(() => encodeDigits(""), /digits/);
  assert.throws(
    () => seq2seqBatch("reverse", [encodeDigits("12"), encodeDigits("345")]),
    /source 1/,
  );
  assert.throws(() => seq2seqTarget("shuffle" as "sort", [1]), /kind/);
});
