/**
 * A minimal PNG encoder for the SVG renderer's heatmaps: an indexed-colour image (one byte per
 * cell, a palette of up to 256 colours, one fully transparent entry for missing values), so a
 * 200×50 heatmap costs a few kB inside the SVG instead of 10 000 `<rect>`s.
 * @module
 */
import { deflateSync } from "node:zlib";
import { Buffer } from "node:buffer";

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of bytes (the PNG/zlib polynomial). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * Encode an indexed-colour PNG.
 *
 * @param width pixels per row
 * @param height rows
 * @param indices palette index per pixel, row by row from the top // [height * width]
 * @param palette colours as [r, g, b], at most 256
 * @param transparent a palette index drawn fully transparent, or -1 for none
 * @returns the PNG file's bytes
 * @throws {RangeError} on a size mismatch or a palette over 256 colours
 */
export function encodeIndexedPng(
  width: number,
  height: number,
  indices: Uint8Array,
  palette: [number, number, number][],
  transparent = -1,
): Uint8Array {
  if (indices.length !== width * height || width < 1 || height < 1) {
    throw new RangeError(`encodeIndexedPng: ${indices.length} indices for ${width}×${height}`);
  }
  if (palette.length < 1 || palette.length > 256) {
    throw new RangeError(`encodeIndexedPng: palette of ${palette.length} colours (1 to 256)`);
  }
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  ihdr.set([8, 3, 0, 0, 0], 8); // 8-bit depth, indexed colour, deflate, no filter, no interlace
  const raw = new Uint8Array(height * (width + 1)); // each row: filter byte 0, then indices
  for (let r = 0; r < height; r++) {
    raw.set(indices.subarray(r * width, (r + 1) * width), r * (width + 1) + 1);
  }
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("PLTE", Uint8Array.from(palette.flat())),
  ];
  if (transparent >= 0) {
    const trns = new Uint8Array(transparent + 1).fill(255);
    trns[transparent] = 0;
    parts.push(chunk("tRNS", trns));
  }
  parts.push(chunk("IDAT", new Uint8Array(deflateSync(raw))), chunk("IEND", new Uint8Array()));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Bytes as base64 (for a data: URL). */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}
