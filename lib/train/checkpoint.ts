/**
 * Checkpoint files: named float32 tensors (weights, optimizer moments) plus a JSON header (config,
 * vocabulary, step, history), in one binary file written atomically (temp file + rename, so a crash
 * never leaves half a checkpoint, and the temporary files of killed writes are removed by the next
 * write). A sha256 covers everything after it, the header as well as the tensors, so a truncated,
 * corrupted or hand-edited file (say, two bytes of its vocabulary) is refused instead of loaded.
 *
 * Layout (format 2): the 8 bytes "CLMCKPT2", the 32-byte sha256 of all the bytes after it, a
 * little-endian uint32 header length, the header JSON (UTF-8), zero padding to a multiple of 4,
 * then the tensors' float32 data back to back. Format-1 files ("CLMCKPT1", whose checksum covered
 * only the tensors) are refused with a message saying so.
 * @module
 */
import { writeFileAtomic } from "../util/atomic_write.ts";

/** A tensor as stored: shape and values. */
export interface StoredTensor {
  shape: number[];
  data: Float32Array;
}

/** What a checkpoint holds. */
export interface Checkpoint {
  /** Anything JSON: config, vocabulary, step, trainer scalars, history. */
  meta: Record<string, unknown>;
  /** Named tensors. */
  tensors: Record<string, StoredTensor>;
}

/** Why a checkpoint could not be used; `kind` tells the cases apart. */
export class CheckpointError extends Error {
  /**
   * @param kind "missing" (no file), "corrupt" (not a checkpoint, truncated, checksum), or
   *   "mismatch" (e.g. another vocabulary or model)
   * @param message the full explanation, including what to do
   */
  constructor(readonly kind: "missing" | "corrupt" | "mismatch", message: string) {
    super(message);
    this.name = "CheckpointError";
  }
}

const MAGIC = "CLMCKPT2";
const MAGIC_V1 = "CLMCKPT1";
/** Bytes before the header: magic (8), sha256 (32), header length (4). */
const PREFIX = 44;

interface Header {
  version: 2;
  meta: Record<string, unknown>;
  tensors: { name: string; shape: number[]; offset: number; length: number }[];
  payloadBytes: number;
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
}

/**
 * Serialise a checkpoint to bytes.
 *
 * @param ckpt meta and tensors
 * @returns the file contents
 * @throws {RangeError} if a tensor's data length does not match its shape
 */
export async function encodeCheckpoint(ckpt: Checkpoint): Promise<Uint8Array> {
  const entries: Header["tensors"] = [];
  let offset = 0;
  for (const [name, t] of Object.entries(ckpt.tensors)) {
    const size = t.shape.reduce((a, b) => a * b, 1);
    if (size !== t.data.length) {
      throw new RangeError(
        `encodeCheckpoint: "${name}" has ${t.data.length} values for shape [${t.shape}]`,
      );
    }
    entries.push({ name, shape: t.shape, offset, length: size });
    offset += size;
  }
  const payload = new Float32Array(offset);
  for (const e of entries) payload.set(ckpt.tensors[e.name].data, e.offset);
  const payloadBytes = new Uint8Array(payload.buffer);
  const header: Header = {
    version: 2,
    meta: ckpt.meta,
    tensors: entries,
    payloadBytes: payloadBytes.length,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = Math.ceil((PREFIX + json.length) / 4) * 4;
  const out = new Uint8Array(start + payloadBytes.length);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(40, json.length, true);
  out.set(json, PREFIX);
  out.set(payloadBytes, start);
  out.set(await sha256(out.subarray(40)), 8); // covers the header length, header and tensors
  return out;
}

/**
 * Parse checkpoint bytes, checking the magic, the checksum (over header and tensors) and lengths.
 *
 * @param bytes the file contents
 * @param where the file name, for messages
 * @returns meta and tensors
 * @throws {CheckpointError} "corrupt" with the reason (not a checkpoint, format 1, truncated,
 *   checksum mismatch)
 */
export async function decodeCheckpoint(
  bytes: Uint8Array,
  where = "checkpoint",
): Promise<Checkpoint> {
  const corrupt = (why: string) =>
    new CheckpointError(
      "corrupt",
      `${where} is not a usable checkpoint: ${why}. Train again (or resume from an older copy).`,
    );
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (magic === MAGIC_V1) {
    throw corrupt(
      "it was written in format 1, whose checksum did not cover the header; this version " +
        "reads format 2 only",
    );
  }
  if (bytes.length < PREFIX || magic !== MAGIC) {
    throw corrupt(
      bytes.length < PREFIX && MAGIC.startsWith(magic) && magic.length > 0
        ? `the file is truncated (${bytes.length} bytes)`
        : `it does not start with "${MAGIC}" (not a checkpoint file)`,
    );
  }
  const headerLen = new DataView(bytes.buffer, bytes.byteOffset).getUint32(40, true);
  let header: Header | undefined, headerError = "";
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREFIX, PREFIX + headerLen)));
  } catch (err) {
    headerError = (err as Error).message;
  }
  const start = Math.ceil((PREFIX + headerLen) / 4) * 4;
  const size = header ? start + header.payloadBytes : undefined;
  const expected = bytes.subarray(8, 40), got = await sha256(bytes.subarray(40));
  if (!got.every((b, i) => b === expected[i])) {
    throw corrupt(
      PREFIX + headerLen > bytes.length || (size !== undefined && bytes.length < size)
        ? `the file is truncated (${bytes.length} bytes${size ? ` of ${size}` : ""})`
        : "its contents do not match its sha256 checksum (the file was damaged or edited; " +
          "the checksum covers the header, e.g. the vocabulary, and the tensors)",
    );
  }
  if (!header) throw corrupt(`its header is not valid JSON (${headerError})`);
  if (header.version !== 2) throw corrupt(`unknown format version ${header.version}`);
  if (bytes.length !== size) {
    throw corrupt(`its length (${bytes.length} bytes) does not match its header (${size})`);
  }
  const payloadBytes = bytes.slice(start); // copy: aligned for Float32Array
  const payload = new Float32Array(payloadBytes.buffer);
  const tensors: Record<string, StoredTensor> = {};
  for (const e of header.tensors) {
    tensors[e.name] = { shape: e.shape, data: payload.slice(e.offset, e.offset + e.length) };
  }
  return { meta: header.meta, tensors };
}

/**
 * Write a checkpoint atomically (temp file + rename), creating the folder if needed.
 *
 * @param path destination file, e.g. "checkpoints/charlm.ckpt"
 * @param ckpt meta and tensors
 * @example Round trip
 * ```ts
 * import { loadCheckpoint, saveCheckpoint } from "./checkpoint.ts";
 * const path = `${await Deno.makeTempDir()}/a.ckpt`;
 * await saveCheckpoint(path, { meta: { step: 3 }, tensors: { w: { shape: [2], data: Float32Array.of(1, 2) } } });
 * console.log((await loadCheckpoint(path)).meta.step); // 3
 * ```
 */
export async function saveCheckpoint(path: string, ckpt: Checkpoint): Promise<void> {
  await writeFileAtomic(path, await encodeCheckpoint(ckpt));
}

/**
 * Read and verify a checkpoint.
 *
 * @param path the file
 * @returns meta and tensors
 * @throws {CheckpointError} "missing" if there is no such file, "corrupt" if it is damaged
 */
export async function loadCheckpoint(path: string): Promise<Checkpoint> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) {
      throw new CheckpointError(
        "missing",
        `No checkpoint at ${path}. Train one first (deno task train --checkpoint ${path}) or check the path.`,
      );
    }
    throw err;
  }
  return await decodeCheckpoint(bytes, path);
}
