/**
 * Write a file atomically: the bytes go to a temporary file in the destination's folder, which is
 * then renamed over the destination. A reader (or a crash mid-write) therefore sees either the old
 * file or the complete new one, never a partial file. Used by the Tiny Shakespeare cache; the same
 * pattern protects checkpoints. A process killed mid-write cannot remove its temporary file, so
 * each write first removes the stale temporary files of the same destination (see
 * {@link removeStaleTempFiles}).
 * @module
 */
import { basename, dirname, join } from "node:path";

/**
 * Write `data` to `path` atomically (temp file in the same folder + `Deno.rename`).
 *
 * The folder is created if needed. On any failure the temporary file is removed and the error is
 * rethrown, so no partial file is left behind; temporary files of earlier writes that were killed
 * are removed first. The temporary file is named `.NAME.<pid>.<random>.tmp`.
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
  await removeStaleTempFiles(path).catch(() => {}); // best effort: never blocks the write
  // Same folder as the destination, so the rename never crosses file systems.
  const tmp = await Deno.makeTempFile({
    dir,
    prefix: `.${basename(path)}.${Deno.pid}.`,
    suffix: TMP_SUFFIX,
  });
  try {
    await Deno.writeFile(tmp, data);
    await Deno.rename(tmp, path);
  } catch (err) {
    await Deno.remove(tmp).catch(() => {});
    throw err;
  }
}

const TMP_SUFFIX = ".tmp";

/**
 * Remove the temporary files that killed writes of `path` left behind: files in its folder named
 * `.NAME.<pid>.<anything>.tmp` whose process is gone (checked in /proc where there is one), and any
 * `.NAME.*.tmp` older than `maxAgeMs` (for systems without /proc, and for names without a pid).
 * Temporary files of live writers, including this process, are kept.
 *
 * @param path the destination whose leftovers to remove
 * @param maxAgeMs age after which any matching temporary file counts as stale (default 10 min)
 * @returns the paths removed
 * @example Clean up before (or without) writing
 * ```ts
 * import { removeStaleTempFiles } from "./atomic_write.ts";
 * const dir = await Deno.makeTempDir();
 * console.log(await removeStaleTempFiles(`${dir}/model.ckpt`)); // []
 * ```
 */
export async function removeStaleTempFiles(path: string, maxAgeMs = 600_000): Promise<string[]> {
  const dir = dirname(path), prefix = `.${basename(path)}.`;
  const removed: string[] = [];
  let entries: Deno.DirEntry[];
  try {
    entries = await Array.fromAsync(Deno.readDir(dir));
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return removed;
    throw err;
  }
  const hasProc = await Deno.stat("/proc/self").then(() => true, () => false);
  for (const e of entries) {
    if (!e.isFile || !e.name.startsWith(prefix) || !e.name.endsWith(TMP_SUFFIX)) continue;
    const file = join(dir, e.name);
    const pid = Number(/^(\d+)\./.exec(e.name.slice(prefix.length))?.[1]);
    let stale = false;
    if (Number.isInteger(pid) && pid !== Deno.pid && hasProc) {
      stale = !(await Deno.stat(`/proc/${pid}`).then(() => true, () => false));
    }
    if (!stale && pid !== Deno.pid) {
      const mtime = (await Deno.stat(file).catch(() => undefined))?.mtime?.getTime();
      stale = mtime !== undefined && Date.now() - mtime > maxAgeMs;
    }
    if (stale && (await Deno.remove(file).then(() => true, () => false))) removed.push(file);
  }
  return removed;
}
