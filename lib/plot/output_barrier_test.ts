import assert from "node:assert/strict";
import { flushOutputs, FrameScanner, iopubAddress, zmtpFrame } from "./output_barrier.ts";

Deno.test("iopubAddress() reads the iopub port from the kernel's connection file", async () => {
  const files: Record<string, string> = {
    "/tmp/k.json": JSON.stringify({ transport: "tcp", ip: "127.0.0.1", iopub_port: 5555 }),
  };
  const read = (p: string) => files[p] ? Promise.resolve(files[p]) : Promise.reject(new Error(p));
  const cmd = "/usr/bin/deno jupyter --kernel --conn /tmp/k.json";
  assert.deepEqual(await iopubAddress(cmd, read), {
    transport: "tcp",
    ip: "127.0.0.1",
    port: 5555,
  });
  assert.equal(await iopubAddress("deno run x.ts", read), null);
  assert.equal(await iopubAddress("deno jupyter --conn /tmp/missing.json", read), null);
});

Deno.test("FrameScanner finds small frames across chunk boundaries and skips big ones", () => {
  const enc = new TextEncoder();
  const big = zmtpFrame(new Uint8Array(10_000).fill(65), true);
  const marker = zmtpFrame(enc.encode('{"transient":{"display_id":"course-flush-1-0"}}'));
  const stream = new Uint8Array([...zmtpFrame(enc.encode("<IDS|MSG>"), true), ...big, ...marker]);
  const s = new FrameScanner();
  const texts: string[] = [];
  for (let i = 0; i < stream.length; i += 7) texts.push(...s.push(stream.subarray(i, i + 7)));
  assert.deepEqual(texts, ["<IDS|MSG>", '{"transient":{"display_id":"course-flush-1-0"}}']);
  assert.equal(big[0], 3); // long frame with the "more" flag
});

Deno.test("flushOutputs() returns false at once outside a notebook", async () => {
  assert.equal(await flushOutputs(), false);
});
