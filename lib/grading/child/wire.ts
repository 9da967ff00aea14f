/**
 * The grader's wire format: values as JSON, extended with typed arrays, non-finite numbers, −0,
 * `undefined` and named registry functions, so a student function's arguments and results cross a
 * process (or Worker) boundary as plain data. Decoding builds only plain objects, arrays, numbers,
 * strings and typed arrays, so nothing the other side sends can run code in the grader. Framing: one
 * message per line, `\u0001<nonce> <json>`; a line without the prefix is text the student printed.
 *
 * This file is loaded by the sandboxed child too, so it imports nothing.
 * @module
 */

/** Why a value could not be encoded or decoded. */
export class WireError extends Error {
  /**
   * @param message what could not be sent
   */
  constructor(message: string) {
    super(message);
    this.name = "WireError";
  }
}

/** The property that marks a named registry function ({@linkcode namedFnMarker}). */
export const NAMED_FN = "__courseNamedFn__";

/** A placeholder for a function the child builds itself from its registry, by name. */
export interface NamedFnMarker {
  [NAMED_FN]: string;
}

/**
 * The marker for registry function `name`, which the child replaces by the real function.
 *
 * @param name a name in lib/grading/child/registry.ts
 */
export function namedFnMarker(name: string): NamedFnMarker {
  return { [NAMED_FN]: name };
}

const TYPED = {
  Float64Array,
  Float32Array,
  Int32Array,
  Int16Array,
  Int8Array,
  Uint32Array,
  Uint16Array,
  Uint8Array,
  Uint8ClampedArray,
} as const;
type TypedName = keyof typeof TYPED;
const MAX_DEPTH = 64;

function encodeNumber(x: number): unknown {
  if (Number.isFinite(x) && !Object.is(x, -0)) return x;
  return { $n: Object.is(x, -0) ? "-0" : String(x) };
}

/**
 * Encode a value as JSON-safe data.
 *
 * @param value numbers, strings, booleans, null, undefined, arrays, typed arrays, plain objects,
 *   and named-function markers
 * @param what how to name the value in an error ("your result")
 * @returns a JSON-serialisable tree
 * @throws {WireError} for functions, symbols, bigints, Maps, Sets, or nesting deeper than 64
 */
export function encode(value: unknown, what = "the value", depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new WireError(`${what} is nested more than ${MAX_DEPTH} deep`);
  switch (typeof value) {
    case "number":
      return encodeNumber(value);
    case "string":
    case "boolean":
      return value;
    case "undefined":
      return { $u: 1 };
    case "function":
      throw new WireError(`${what} contains a function, which cannot be sent; use plain data`);
    case "object":
      break;
    default:
      throw new WireError(`${what} contains a ${typeof value}, which cannot be sent`);
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    return Array.from(value, (v) => encode(v, what, depth + 1));
  }
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor?.name as TypedName;
    if (!(name in TYPED)) throw new WireError(`${what} contains a ${name}, which cannot be sent`);
    return { $t: name, v: Array.from(value as unknown as ArrayLike<number>, encodeNumber) };
  }
  if (value instanceof Map || value instanceof Set || value instanceof Promise) {
    throw new WireError(
      `${what} contains a ${value.constructor.name}; use arrays or plain objects`,
    );
  }
  const rec = value as Record<string, unknown>;
  if (typeof rec[NAMED_FN] === "string") return { $f: rec[NAMED_FN] };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(rec)) {
    out[key.startsWith("$") ? `$${key}` : key] = encode(rec[key], what, depth + 1);
  }
  return out;
}

function decodeNumber(x: unknown): number {
  if (typeof x === "number") return x;
  const s = (x as { $n?: unknown })?.$n;
  if (s === "-0") return -0;
  if (s === "NaN" || s === "Infinity" || s === "-Infinity") return Number(s);
  throw new WireError(`not a number: ${JSON.stringify(x)?.slice(0, 40)}`);
}

function define(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Decode what {@linkcode encode} produced.
 *
 * @param data a parsed JSON tree
 * @param fn turns a named-function marker into a value (default: keep the marker)
 * @returns plain data: objects, arrays, numbers, strings, typed arrays
 * @throws {WireError} on anything encode cannot produce
 */
export function decode(
  data: unknown,
  fn: (name: string) => unknown = namedFnMarker,
  depth = 0,
): unknown {
  if (depth > MAX_DEPTH + 1) throw new WireError(`nested more than ${MAX_DEPTH} deep`);
  if (data === null || typeof data === "string" || typeof data === "boolean") return data;
  if (typeof data === "number") return data;
  if (typeof data !== "object") throw new WireError(`unexpected ${typeof data}`);
  if (Array.isArray(data)) return data.map((v) => decode(v, fn, depth + 1));
  const rec = data as Record<string, unknown>;
  if ("$n" in rec) return decodeNumber(rec);
  if ("$u" in rec) return undefined;
  if ("$f" in rec) {
    if (typeof rec.$f !== "string") throw new WireError("bad function name");
    return fn(rec.$f);
  }
  if ("$t" in rec) {
    const ctor = TYPED[rec.$t as TypedName];
    if (!Object.hasOwn(TYPED, rec.$t as string) || !Array.isArray(rec.v)) {
      throw new WireError(`unknown typed array ${String(rec.$t).slice(0, 40)}`);
    }
    return ctor.from(rec.v.map(decodeNumber));
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(rec)) {
    if (key.startsWith("$") && !key.startsWith("$$")) throw new WireError(`bad key ${key}`);
    define(out, key.startsWith("$$") ? key.slice(1) : key, decode(rec[key], fn, depth + 1));
  }
  return out;
}

/** A message from the grader to the child: call export `fn` on `args`. */
export interface CallRequest {
  id: number;
  fn: string;
  /** encoded arguments */
  args: unknown[];
  /** also send back the arguments as the call left them, and calls of registry functions */
  inspect?: boolean;
}

/** One call the student's code made to a registry function passed to it. */
export interface RegistryCall {
  /** the registry name */
  fn: string;
  /** encoded arguments, copied when the call was made */
  args: unknown[];
  /** for each argument, the index of the student call's argument that is the same object, or −1 */
  sameAs: number[];
}

/** The child's answer to a {@linkcode CallRequest}. */
export type CallReply =
  | { id: number; ok: true; result: unknown; args?: unknown[]; calls?: RegistryCall[] }
  | { id: number; ok: false; error: { name: string; message: string } };

/** The child's first message once the student module has loaded (or failed to). */
export type ReadyMessage =
  | { ready: true; exports: string[] }
  | { ready: false; error: { name: string; message: string } };

/** The frame prefix for a nonce. */
export function framePrefix(nonce: string): string {
  return `\u0001${nonce} `;
}
