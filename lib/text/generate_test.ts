import assert from "node:assert/strict";
import { Rng } from "../util/rng.ts";
import { CharVocab } from "./char_vocab.ts";
import { generate } from "./generate.ts";

const vocab = CharVocab.fromText("\nabcd");

/** A fake model that records its inputs and prefers the character after the last one. */
function fakeModel() {
  const fed: number[] = [];
  let resets = 0;
  return {
    fed,
    resets: () => resets,
    reset: () => void resets++,
    step: (i: number) => {
      fed.push(i);
      return Float32Array.from(
        { length: vocab.size },
        (_, j) => (j === (i + 1) % vocab.size ? 3 : 0),
      );
    },
  };
}

Deno.test("generate() feeds the prime, then each sampled character, and streams the output", async () => {
  const m = fakeModel();
  const streamed: string[] = [];
  const text = await generate({
    ...m,
    prime: "ab",
    length: 5,
    vocab,
    temperature: 0,
    rng: new Rng(1),
    onChar: async (ch) => {
      await Promise.resolve();
      streamed.push(ch);
    },
  });
  assert.equal(text, "cd\nab");
  assert.equal(streamed.join(""), text);
  assert.equal(m.resets(), 1);
  // prime a, b, then the first 4 samples (the 5th is never fed back)
  assert.equal(vocab.decode(m.fed), "abcd\na");
});

Deno.test("generate() is deterministic for a seed and respects topK", async () => {
  const run = (seed: number, topK?: number) =>
    generate({ ...fakeModel(), length: 200, vocab, temperature: 2, topK, rng: new Rng(seed) });
  assert.equal(await run(3), await run(3));
  assert.notEqual(await run(3), await run(4));
  assert.equal(await run(5, 1), "abcd\n".repeat(40)); // default prime "\n"
});

Deno.test("generate() rejects an empty prime, unknown prime characters and logits of the wrong size", async () => {
  const base = { ...fakeModel(), length: 3, vocab, rng: new Rng(1) };
  await assert.rejects(generate({ ...base, prime: "" }), /prime must have at least one character/);
  await assert.rejects(generate({ ...base, prime: "abz" }), /unknown character "z"/);
  const step = () => new Float32Array(3);
  await assert.rejects(generate({ ...base, step }), /step returned 3 logits, expected V = 5/);
});
