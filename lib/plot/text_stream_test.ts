import assert from "node:assert/strict";
import { TextStream, textStream } from "./text_stream.ts";

Deno.test("textStream() collects written text outside a notebook and flush() is safe", async () => {
  const s = textStream({ header: "sample:", minIntervalMs: 0 });
  for (const ch of "ROMEO:\nAy") await s.write(ch);
  await s.flush();
  await s.flush();
  assert.equal(s.text, "ROMEO:\nAy");
  assert.equal(s.header, "sample:");
});

Deno.test("TextStream.write works as a detached callback", async () => {
  const s = new TextStream(50);
  const onChar = s.write;
  await onChar("a");
  await onChar("b");
  assert.equal(s.text, "ab");
});

Deno.test("TextStream rejects a negative interval and streams get distinct display ids", () => {
  assert.throws(() => new TextStream(-1), /minIntervalMs must be ≥ 0/);
  assert.notEqual(textStream().displayId, textStream().displayId);
});
