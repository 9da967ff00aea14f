/**
 * Write a file atomically: the bytes go to a temporary file in the destination's folder, which is
 * then renamed over the destination. A reader (or a crash mid-write) therefore sees either the old
 * file or the complete new one, never a partial file. Used by the Tiny Shakespeare cache; the same
 * pattern protects checkpoints.
 * @module
 */
import { basename, dirname } from "node:path";

/**
 * Write `data` to `path` atomically (temp file in the same folder + `Deno.rename`).
 *
 * The folder is created if needed. On any failure the temporary file is removed and the error is
 * rethrown, so no partial file is left behind.
 *
 * @param path destination file
 * @param data the complete contents
 * @throws {Error} whatever the file system throws (permissions, disk full, destination is a folder)
 * @example Save a small file
 * ```ts
 * import { writeFileAtomic } from "./atomic_write.ts";
 * const dir = await Deno.makeTempDir();
 * await writeFileAtomic(`${dir}/hello.txt`, new TextEncoder().encode("hello"));
 * console.log(await Deno.readTextFile(`${dir}/hello.txt`)); // hello
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  const dir = dirname(path);
  await Deno.mkdir(dir, { recursive: true });
  // Same folder as the destination, so the rename never crosses file systems.
  const tmp = await Deno.makeTempFile({ dir, prefix: `.${basename(path)}.`, suffix: ".tmp" });
  try {
    await Deno.writeFile(tmp, data);
    await Deno.rename(tmp, path);
  } catch (err) {
    await Deno.remove(tmp).catch(() => {});
    throw err;
  }
}
