/**
 * A student's function as the checks see it: an async stand-in that sends the arguments to an
 * {@linkcode Evaluator} (a sandboxed subprocess, a Worker, or the same process) and resolves to the
 * result as plain data. A check therefore always writes `await f(...)`, never relies on the student
 * mutating an argument it still holds, and computes every expected value itself.
 * @module
 */
import { namedFnMarker } from "./child/wire.ts";

/** What a call returns with {@linkcode Remote.inspect}: the result, and what the call left behind. */
export interface Inspection<A extends unknown[], R> {
  /** the function's return value */
  result: R;
  /** the arguments as the call left them (in-place updates show here); functions become null */
  args: A;
  /** calls the student's code made to registry functions passed as arguments ({@linkcode namedFn}) */
  calls: { fn: string; args: unknown[]; sameAs: number[] }[];
}

/** The async stand-in for a student function `F`. */
export type Remote<F> = F extends (...args: infer A) => infer R ? (
    & ((...args: A) => Promise<Awaited<R>>)
    & {
      /** Call, and also get back the arguments as the call left them and registry calls. */
      inspect(...args: A): Promise<Inspection<A, Awaited<R>>>;
      /** the export's name */
      readonly exportName: string;
    }
  )
  : never;

/** An error the student's function threw, as data (`name`, `message`). */
export class StudentError extends Error {
  /**
   * @param name the thrown error's name (e.g. "NotImplementedError", "TypeError")
   * @param message its message
   */
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** The sandbox could not evaluate the call: timeout, crash, output cap, refused import, junk. */
export class SandboxError extends Error {
  /**
   * @param kind what went wrong
   * @param hint the student-facing explanation
   */
  constructor(
    readonly kind: "timeout" | "crash" | "output" | "refused" | "channel" | "load",
    hint: string,
  ) {
    super(hint);
    this.name = "SandboxError";
  }
}

/** One evaluated call. */
export type EvalReply = { result: unknown; args?: unknown[]; calls?: Inspection<[], 0>["calls"] };

/** Something that evaluates the student's exports on data: one transport per implementation. */
export interface Evaluator {
  /** The names of the module's function exports, once it has loaded (rejects if it cannot). */
  exports(): Promise<string[]>;
  /**
   * Call export `fn` on `args` (plain data).
   *
   * @throws {StudentError} when the student's function threw
   * @throws {SandboxError} when the sandbox failed (timeout, crash, junk on the channel)
   */
  call(fn: string, args: unknown[], inspect: boolean): Promise<EvalReply>;
  /** Stop the evaluator (kill the process, terminate the Worker); idempotent. */
  close(): void;
}

/**
 * The async stand-in for export `name` of an evaluator.
 *
 * @param ev the evaluator
 * @param name the export
 */
export function remote<F>(ev: Evaluator, name: string): Remote<F> {
  const f = async (...args: unknown[]) => (await ev.call(name, args, false)).result;
  const inspect = async (...args: unknown[]) => {
    const r = await ev.call(name, args, true);
    return { result: r.result, args: r.args ?? [], calls: r.calls ?? [] };
  };
  return Object.assign(f, { inspect, exportName: name }) as unknown as Remote<F>;
}

/**
 * A function a check passes to a student's function, by its name in the child's registry
 * (lib/grading/child/registry.ts): the child builds the function itself.
 *
 * @param name a registry name, e.g. "cubic"
 * @returns a placeholder typed as the function it stands for
 */
export function namedFn<T>(name: string): T {
  return namedFnMarker(name) as unknown as T;
}
