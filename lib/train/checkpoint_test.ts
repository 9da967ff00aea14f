import assert from "node:assert/strict";
import {
  CheckpointError,
  decodeCheckpoint,
  encodeCheckpoint,
  loadCheckpoint,
  saveCheckpoint,
} from "./checkpoint.ts";

const ckpt = {
  meta: { step: 7, config: { a: 1 }, note: "ünïcode" },
  tensors: {
    w: { shape: [2, 3], data: Float32Array.of(1, 2, 3, 4, 5, 6) },
    b: { shape: [3], data: Float32Array.of(-1, 0.5, 1e-8) },
  },
};

Deno.test("saveCheckpoint()/loadCheckpoint() round-trip meta and tensors exactly", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await saveCheckpoint(`${dir}/sub/x.ckpt`, ckpt);
    const back = await loadCheckpoint(`${dir}/sub/x.ckpt`);
    assert.deepEqual(back.meta, ckpt.meta);
    assert.deepEqual(back.tensors, ckpt.tensors);
    const left = [...Deno.readDirSync(`${dir}/sub`)].map((e) => e.name);
    assert.deepEqual(left, ["x.ckpt"], "no temporary file is left behind");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadCheckpoint() reports a missing file with a hint", async () => {
  await assert.rejects(
    () => loadCheckpoint("/nonexistent/dir/none.ckpt"),
    (e: unknown) =>
      e instanceof CheckpointError && e.kind === "missing" && /deno task train/.test(e.message),
  );
});

Deno.test("decodeCheckpoint() refuses a wrong magic, a truncated file and a damaged payload", async () => {
  const bytes = await encodeCheckpoint(ckpt);
  const corrupt = (b: Uint8Array, re: RegExp) =>
    assert.rejects(
      () => decodeCheckpoint(b, "x.ckpt"),
      (e: unknown) => e instanceof CheckpointError && e.kind === "corrupt" && re.test(e.message),
    );
  await corrupt(new TextEncoder().encode("hello world, not a checkpoint"), /not a checkpoint file/);
  await corrupt(bytes.slice(0, bytes.length - 4), /truncated/);
  await corrupt(bytes.slice(0, 20), /truncated/);
  const flipped = bytes.slice();
  flipped[flipped.length - 2] ^= 0xff;
  await corrupt(flipped, /checksum/);
});

Deno.test("encodeCheckpoint() rejects a tensor whose data does not fit its shape", async () => {
  await assert.rejects(
    () =>
      encodeCheckpoint({ meta: {}, tensors: { w: { shape: [2, 2], data: new Float32Array(3) } } }),
    RangeError,
  );
});
