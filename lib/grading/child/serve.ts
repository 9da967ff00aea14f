/**
 * The child's half of a student-function call: decode the arguments, rebuild registry functions,
 * call the student's export, and encode the result (and, when asked, the arguments as the call left
 * them and the calls made to registry functions). The child never sees a check, an expected value or
 * a point: it only evaluates.
 *
 * This file is loaded by the sandboxed child, so it imports only its own folder.
 * @module
 */
import { REGISTRY } from "./registry.ts";
import { type CallReply, type CallRequest, decode, encode, type RegistryCall } from "./wire.ts";

const MAX_CALLS = 10_000;

function errorOf(err: unknown): { name: string; message: string } {
  const e = err as { name?: unknown; message?: unknown };
  const name = typeof e?.name === "string" ? e.name : "Error";
  const message = typeof e?.message === "string" ? e.message : String(err);
  return { name: name.slice(0, 100), message: message.slice(0, 2000) };
}

/**
 * Evaluate one request against the student's module.
 *
 * @param mod the student module's exports
 * @param req the request
 * @returns the reply (never throws)
 */
export async function serveCall(
  mod: Record<string, unknown>,
  req: CallRequest,
): Promise<CallReply> {
  const id = req.id;
  try {
    const f = Object.hasOwn(mod, req.fn) ? mod[req.fn] : undefined;
    if (typeof f !== "function") {
      return { id, ok: false, error: { name: "MissingExport", message: req.fn } };
    }
    const calls: RegistryCall[] = [];
    let args: unknown[] = [];
    const build = (name: string) => {
      const g = Object.hasOwn(REGISTRY, name) ? REGISTRY[name] : undefined;
      if (!g) throw new Error(`unknown registry function ${name}`);
      return (...a: unknown[]) => {
        if (calls.length < MAX_CALLS) {
          calls.push({
            fn: name,
            args: a.map((v) => encode(v, "an argument")),
            sameAs: a.map((v) => (typeof v === "object" && v !== null ? args.indexOf(v) : -1)),
          });
        }
        return (g as (...x: unknown[]) => unknown)(...a);
      };
    };
    args = decode(req.args, build) as unknown[];
    const result = await f(...args);
    const reply: CallReply = { id, ok: true, result: encode(result, "your function's result") };
    if (req.inspect) {
      reply.args = args.map((a, i) =>
        typeof a === "function" ? null : encode(a, `argument ${i} after the call`)
      );
      reply.calls = calls;
    }
    return reply;
  } catch (err) {
    return { id, ok: false, error: errorOf(err) };
  }
}

/**
 * The names of a module's function exports.
 *
 * @param mod a module namespace
 */
export function functionExports(mod: Record<string, unknown>): string[] {
  return Object.keys(mod).filter((k) => typeof mod[k] === "function");
}

/** The error of a failed load, as data. */
export const loadErrorOf = errorOf;
