import assert from "node:assert/strict";
import { join } from "node:path";
import { removeStaleTempFiles, writeFileAtomic } from "./atomic_write.ts";

async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "atomic_test_" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const names = (dir: string) => [...Deno.readDirSync(dir)].map((e) => e.name).sort();

/** The pid of a process that has exited (so no live writer can own it). */
async function deadPid(): Promise<number> {
  const child = new Deno.Command(Deno.execPath(), { args: ["--version"], stdout: "null" }).spawn();
  await child.status;
  return child.pid;
}

Deno.test({
  name: "writeFileAtomic() removes the temporary files of killed writes of the same file",
  fn: async () => {
    await withTempDir(async (dir) => {
      const dest = join(dir, "model.ckpt");
      const pid = await deadPid();
      await Deno.writeTextFile(join(dir, `.model.ckpt.${pid}.abc123.tmp`), "half a checkpoint");
      await Deno.writeTextFile(join(dir, `.model.ckpt.${Deno.pid}.live.tmp`), "ours, in progress");
      await Deno.writeTextFile(join(dir, `.other.ckpt.${pid}.abc.tmp`), "another file's");
      await writeFileAtomic(dest, new Uint8Array([1, 2, 3]));
      assert.deepEqual(names(dir), [
        `.model.ckpt.${Deno.pid}.live.tmp`,
        `.other.ckpt.${pid}.abc.tmp`,
        "model.ckpt",
      ]);
      assert.deepEqual(await Deno.readFile(dest), new Uint8Array([1, 2, 3]));
    });
  },
});

Deno.test({
  name: "removeStaleTempFiles() removes old leftovers without a pid, keeps fresh ones",
  fn: async () => {
    await withTempDir(async (dir) => {
      const dest = join(dir, "x.bin");
      const old = join(dir, ".x.bin.k3j4.tmp"), fresh = join(dir, ".x.bin.zz9.tmp");
      await Deno.writeTextFile(old, "old");
      await Deno.writeTextFile(fresh, "fresh");
      const hourAgo = new Date(Date.now() - 3_600_000);
      await Deno.utime(old, hourAgo, hourAgo);
      assert.deepEqual(await removeStaleTempFiles(dest), [old]);
      assert.deepEqual(names(dir), [".x.bin.zz9.tmp"]);
      assert.deepEqual(await removeStaleTempFiles(join(dir, "missing", "y.bin")), []);
    });
  },
});
