/**
 * Checkpoint files: named float32 tensors (weights, optimizer moments) plus a JSON header (config,
 * vocabulary, step, history), in one binary file written atomically (temp file + rename, so a crash
 * never leaves half a checkpoint). The header carries the payload's sha256, so a truncated or
 * corrupted file is reported as such instead of loading garbage.
 *
 * Layout: the 8 bytes "CLMCKPT1", a little-endian uint32 header length, the header JSON (UTF-8),
 * zero padding to a multiple of 4, then the tensors' float32 data back to back.
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

const MAGIC = "CLMCKPT1";

interface Header {
  version: 1;
  meta: Record<string, unknown>;
  tensors: { name: string; shape: number[]; offset: number; length: number }[];
  payloadBytes: number;
  payloadSha256: string;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
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
    version: 1,
    meta: ckpt.meta,
    tensors: entries,
    payloadBytes: payloadBytes.length,
    payloadSha256: await sha256Hex(payloadBytes),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = Math.ceil((12 + json.length) / 4) * 4;
  const out = new Uint8Array(start + payloadBytes.length);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(8, json.length, true);
  out.set(json, 12);
  out.set(payloadBytes, start);
  return out;
}

/**
 * Parse checkpoint bytes, checking the magic, the lengths and the checksum.
 *
 * @param bytes the file contents
 * @param where the file name, for messages
 * @returns meta and tensors
 * @throws {CheckpointError} "corrupt" with the reason
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
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) {
    throw corrupt(`it does not start with "${MAGIC}" (not a checkpoint file)`);
  }
  const headerLen = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
  if (12 + headerLen > bytes.length) throw corrupt(`the file is truncated (${bytes.length} bytes)`);
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLen)));
  } catch (err) {
    throw corrupt(`its header is not valid JSON (${(err as Error).message})`);
  }
  if (header.version !== 1) throw corrupt(`unknown format version ${header.version}`);
  const start = Math.ceil((12 + headerLen) / 4) * 4;
  if (bytes.length !== start + header.payloadBytes) {
    throw corrupt(
      `the file is truncated or padded (${bytes.length} bytes, expected ${
        start + header.payloadBytes
      })`,
    );
  }
  const payloadBytes = bytes.slice(start); // copy: aligned for Float32Array
  if ((await sha256Hex(payloadBytes)) !== header.payloadSha256) {
    throw corrupt("the tensor data does not match its checksum (the file was damaged)");
  }
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
