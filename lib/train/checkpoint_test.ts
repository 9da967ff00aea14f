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

Deno.test({
  name: "decodeCheckpoint() refuses a 2-byte edit of the header (the checksum covers it)",
  fn: async () => {
    const bytes = await encodeCheckpoint({ ...ckpt, meta: { vocab: { chars: ["a", "b", "c"] } } });
    const at = new TextDecoder().decode(bytes).indexOf('["a","b","c"]');
    assert.ok(at > 0, "the vocabulary is in the header");
    const edited = bytes.slice();
    edited[at + 2] = "x".charCodeAt(0); // "a" -> "x"
    edited[at + 6] = "y".charCodeAt(0); // "b" -> "y": still valid JSON, same length
    assert.match(new TextDecoder().decode(edited), /\["x","y","c"\]/);
    await assert.rejects(
      () => decodeCheckpoint(edited, "x.ckpt"),
      (e: unknown) =>
        e instanceof CheckpointError && e.kind === "corrupt" &&
        /x\.ckpt is not a usable checkpoint: .*sha256 checksum .*edited/.test(e.message),
    );
  },
});

Deno.test("decodeCheckpoint() refuses a format-1 file, saying why", async () => {
  const v1 = new TextEncoder().encode("CLMCKPT1" + "\0".repeat(40));
  await assert.rejects(
    () => decodeCheckpoint(v1, "old.ckpt"),
    (e: unknown) => e instanceof CheckpointError && /format 1/.test(e.message),
  );
});

Deno.test("saveCheckpoint() removes the temporary file a killed save left behind", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = `${dir}/lm.ckpt`;
    // A child starts a save the way writeFileAtomic does (a temporary file named after its pid),
    // writes half of it and is killed with SIGKILL before it can rename or clean up.
    const child = new Deno.Command(Deno.execPath(), {
      args: [
        "eval",
        `const f = await Deno.makeTempFile({ dir: ${JSON.stringify(dir)}, ` +
        "prefix: `.lm.ckpt.${Deno.pid}.`, suffix: '.tmp' });" +
        "await Deno.writeFile(f, new Uint8Array(1000)); console.log(f);" +
        "await new Promise(() => setInterval(() => {}, 1000));",
      ],
      stdout: "piped",
    }).spawn();
    const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
    const tmp = (await reader.read()).value!.trim();
    child.kill("SIGKILL");
    await child.status;
    await reader.cancel();
    const names = () => [...Deno.readDirSync(dir)].map((e) => e.name).sort();
    assert.deepEqual(names(), [tmp.slice(dir.length + 1)], "the killed save left its temp file");
    await saveCheckpoint(path, ckpt);
    assert.deepEqual(names(), ["lm.ckpt"], "the next save removed it");
    assert.deepEqual((await loadCheckpoint(path)).meta, ckpt.meta);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
