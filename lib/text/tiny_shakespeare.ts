/**
 * Tiny Shakespeare (1,115,394 characters of plays, from Karpathy's char-rnn), the corpus of notebook
 * 07 and the CLI. The loader looks, in order, at an explicit path, the `TINY_SHAKESPEARE_PATH`
 * variable, the cache `data/tinyshakespeare.txt` under the course root, and finally downloads the
 * file from the char-rnn repository into that cache. Whatever the source, the bytes are checked
 * against the known size and sha256 before use, and every failure says what to do next.
 * @module
 */
import { isAbsolute, join, resolve } from "node:path";
import { shakespearePathFromEnv } from "../util/env.ts";
import { writeFileAtomic } from "../util/atomic_write.ts";
import { repoRootPath } from "../util/repo_root.ts";

/** The canonical copy: where it lives, its size, its checksum, where we cache it. */
export const TINY_SHAKESPEARE = {
  url: "https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt",
  sha256: "86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed",
  bytes: 1_115_394,
  /** Cache location, relative to the course root (git-ignored). */
  cachePath: "data/tinyshakespeare.txt",
  envVar: "TINY_SHAKESPEARE_PATH",
} as const;

/** Where the text came from. */
export type TinyShakespeareSource = "path" | "env" | "cache" | "download";

/** What went wrong, for callers that branch on it (the CLI, tests). */
export type TinyShakespeareErrorKind = "missing" | "size" | "checksum" | "network";

/** A loader failure whose message says what to do; `kind` tells the failures apart. */
export class TinyShakespeareError extends Error {
  /**
   * @param kind which check failed
   * @param message the full explanation, including the fix
   * @param options the underlying error, if any
   */
  constructor(
    readonly kind: TinyShakespeareErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "TinyShakespeareError";
  }
}

/** Options for {@link loadTinyShakespeare}. */
export interface LoadTinyShakespeareOptions {
  /** A local copy to use (relative to the current directory); skips env, cache and download. */
  path?: string;
  /** Read `TINY_SHAKESPEARE_PATH` (default true; tests of the download turn it off). */
  useEnv?: boolean;
  /** Cache file (default `<course root>/data/tinyshakespeare.txt`). */
  cachePath?: string;
  /** Download function (default the global `fetch`); tests inject failures here. */
  fetch?: (url: string, init?: RequestInit) => Promise<Response>;
  /** Source URL (default the char-rnn copy). */
  url?: string;
  /** Give up on a download after this many milliseconds (default 60,000). */
  timeoutMs?: number;
  /** Progress messages (default `console.log`); `() => {}` silences them. */
  log?: (message: string) => void;
}

/** The verified text and where it came from. */
export interface TinyShakespeare {
  text: string;
  path: string;
  source: TinyShakespeareSource;
}

/**
 * Load Tiny Shakespeare as a string (see {@link resolveTinyShakespeare} for the order of sources).
 *
 * @param opts where to look and how to download
 * @returns the 1,115,394-character corpus
 * @throws {TinyShakespeareError} missing local file, wrong size, wrong checksum or no network
 * @example Load the corpus (downloads once, then reads the cache)
 * ```ts ignore
 * import { loadTinyShakespeare } from "./tiny_shakespeare.ts";
 * const text = await loadTinyShakespeare();
 * console.log(text.length); // 1115394
 * ```
 * @see notebooks/07_char_lstm.ipynb, "The data"
 */
export async function loadTinyShakespeare(opts: LoadTinyShakespeareOptions = {}): Promise<string> {
  return (await resolveTinyShakespeare(opts)).text;
}

/**
 * Find, verify and read Tiny Shakespeare: `opts.path` → `TINY_SHAKESPEARE_PATH` (a relative value is
 * resolved against the course root, so it means the same from `notebooks/` and from the root) →
 * the cache → a download into the cache, written atomically.
 *
 * @param opts where to look and how to download
 * @returns the text, the file it was read from and which source was used
 * @throws {TinyShakespeareError} missing local file, wrong size, wrong checksum or no network
 * @example Say where the text came from
 * ```ts ignore
 * import { resolveTinyShakespeare } from "./tiny_shakespeare.ts";
 * const { source, path } = await resolveTinyShakespeare();
 * console.log(`${source}: ${path}`);
 * ```
 */
export async function resolveTinyShakespeare(
  opts: LoadTinyShakespeareOptions = {},
): Promise<TinyShakespeare> {
  const { envVar } = TINY_SHAKESPEARE;
  if (opts.path !== undefined) {
    const path = resolve(opts.path);
    const hint = `it was passed as opts.path ("${opts.path}", relative to ${Deno.cwd()}); ` +
      `check the path (or re-download the file from ${TINY_SHAKESPEARE.url}), or leave it out to ` +
      `use ${envVar} or the download cache`;
    return { text: await readVerified(path, hint), path, source: "path" };
  }
  const fromEnv = (opts.useEnv ?? true) ? shakespearePathFromEnv() : undefined;
  if (fromEnv !== undefined) {
    const path = isAbsolute(fromEnv) ? fromEnv : resolve(repoRootPath(), fromEnv);
    const hint = `it comes from ${envVar}="${fromEnv}" (relative values are resolved against ` +
      `the course root); point ${envVar} at an intact copy of ${TINY_SHAKESPEARE.url}, or unset ` +
      `it to download one into the cache`;
    return { text: await readVerified(path, hint), path, source: "env" };
  }
  const cache = opts.cachePath ?? join(repoRootPath(), TINY_SHAKESPEARE.cachePath);
  const cached = await readBytes(cache);
  if (cached !== undefined) {
    const hint = `it is the download cache; delete ${cache} and run again to download a fresh ` +
      `copy, or set ${envVar} to a good copy`;
    return {
      text: decode(await verifyTinyShakespeare(cached, cache, hint)),
      path: cache,
      source: "cache",
    };
  }
  const bytes = await downloadTinyShakespeare(cache, opts);
  return { text: decode(bytes), path: cache, source: "download" };
}

/**
 * Download Tiny Shakespeare, verify it in memory, then write it atomically to `dest`. Nothing is
 * written unless the size and checksum match, so a failed download leaves no file behind.
 *
 * @param dest file to create or replace
 * @param opts `fetch`, `url`, `timeoutMs` and `log`, as for {@link loadTinyShakespeare}
 * @returns the verified bytes
 * @throws {TinyShakespeareError} `network` (no connection, HTTP error, timeout), `size`, `checksum`
 * @example Download into a temporary folder
 * ```ts ignore
 * import { downloadTinyShakespeare } from "./tiny_shakespeare.ts";
 * const bytes = await downloadTinyShakespeare(`${await Deno.makeTempDir()}/tiny.txt`);
 * ```
 */
export async function downloadTinyShakespeare(
  dest: string,
  opts: LoadTinyShakespeareOptions = {},
): Promise<Uint8Array> {
  const url = opts.url ?? TINY_SHAKESPEARE.url;
  const doFetch = opts.fetch ?? fetch;
  const log = opts.log ?? console.log;
  const { envVar } = TINY_SHAKESPEARE;
  log(`Downloading Tiny Shakespeare (1.1 MB) from ${url} ...`);
  let bytes: Uint8Array;
  try {
    const res = await doFetch(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000) });
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
    }
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    const cause = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw new TinyShakespeareError(
      "network",
      `loadTinyShakespeare: could not download ${url} (${cause}). Check your internet ` +
        `connection and try again, or get the file another way and set ` +
        `${envVar}=/path/to/input.txt (or save it as ${dest})`,
      { cause: err },
    );
  }
  const hint = `the download from ${url} was incomplete or changed; try again, or get the file ` +
    `another way and set ${envVar}=/path/to/input.txt`;
  await verifyTinyShakespeare(bytes, url, hint);
  await writeFileAtomic(dest, bytes);
  log(`Saved and verified ${dest}`);
  return bytes;
}

/**
 * Check bytes against the known size and sha256 of Tiny Shakespeare.
 *
 * @param bytes the file's contents
 * @param where the file or URL, for the message
 * @param hint what the user should do, appended to the message
 * @returns `bytes`, unchanged
 * @throws {TinyShakespeareError} `size` if the length differs (a short file says "truncated"),
 *   `checksum` if the length is right but the sha256 is not
 * @example Reject a wrong file
 * ```ts
 * import { verifyTinyShakespeare } from "./tiny_shakespeare.ts";
 * await verifyTinyShakespeare(new Uint8Array(10), "x.txt", "fix it").catch((e) => console.log(e.kind)); // size
 * ```
 */
export async function verifyTinyShakespeare(
  bytes: Uint8Array,
  where: string,
  hint: string,
): Promise<Uint8Array> {
  const { bytes: expected, sha256 } = TINY_SHAKESPEARE;
  if (bytes.length !== expected) {
    const what = bytes.length < expected ? "is truncated" : "is too long";
    throw new TinyShakespeareError(
      "size",
      `loadTinyShakespeare: ${where} ${what}: expected ${fmt(expected)} bytes, got ` +
        `${fmt(bytes.length)}; ${hint}`,
    );
  }
  const got = await sha256Hex(bytes);
  if (got !== sha256) {
    throw new TinyShakespeareError(
      "checksum",
      `loadTinyShakespeare: checksum mismatch for ${where}: expected sha256 ${sha256}, got ${got}; ` +
        `the file is corrupt or modified; ${hint}`,
    );
  }
  return bytes;
}

/**
 * The sha256 of some bytes as lowercase hex (Web Crypto).
 *
 * @param bytes data to hash
 * @returns 64 hex digits
 * @example Hash the empty string
 * ```ts
 * import { sha256Hex } from "./tiny_shakespeare.ts";
 * console.log(await sha256Hex(new Uint8Array())); // e3b0c442...
 * ```
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function readVerified(path: string, hint: string): Promise<string> {
  const bytes = await readBytes(path);
  if (bytes === undefined) {
    throw new TinyShakespeareError("missing", `loadTinyShakespeare: no file at ${path}; ${hint}`);
  }
  return decode(await verifyTinyShakespeare(bytes, path, hint));
}

/** The file's bytes, or undefined if it does not exist. */
async function readBytes(path: string): Promise<Uint8Array | undefined> {
  try {
    return await Deno.readFile(path);
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) return undefined;
    throw err;
  }
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}
