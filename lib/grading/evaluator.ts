/**
 * The grader's half of the call protocol, shared by both transports: number each call, send it as one
 * JSON message, match the reply by id, decode it into plain data, and turn a deadline, a crash or
 * junk on the channel into a {@linkcode SandboxError} for every call still waiting. Subclasses only
 * move strings (lib/grading/subprocess.ts, lib/grading/worker.ts); {@linkcode localEvaluator} runs
 * the same protocol in this process, for tests and plain objects.
 * @module
 */
import { serveCall } from "./child/serve.ts";
import {
  type CallReply,
  type CallRequest,
  decode,
  encode,
  type ReadyMessage,
} from "./child/wire.ts";
import { type EvalReply, type Evaluator, SandboxError, StudentError } from "./remote.ts";

type Pending = { resolve: (r: EvalReply) => void; reject: (e: Error) => void };

/** The hint for a deadline. */
export function timeoutHint(sec: number): string {
  return `timed out after ${sec} s — an infinite loop?`;
}

/** An evaluator that exchanges one JSON message per call over some channel. */
export abstract class ChannelEvaluator implements Evaluator {
  #pending = new Map<number, Pending>();
  #nextId = 1;
  #failure: SandboxError | undefined;
  #ready: Promise<string[]>;
  #onReady!: (r: ReadyMessage | SandboxError) => void;
  #isReady = false;
  #loadError: SandboxError | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param timeoutSec seconds from now until the evaluator is stopped, whatever it is doing
   *   (Infinity: never)
   */
  constructor(timeoutSec: number) {
    this.#ready = new Promise<ReadyMessage | SandboxError>((res) => this.#onReady = res).then(
      (m) => {
        if (m instanceof SandboxError) throw this.#loadError = m;
        if (m.ready) return m.exports;
        throw this.#loadError = new SandboxError(
          "load",
          `your file could not be loaded: ${m.error.name}: ${m.error.message}`,
        );
      },
    );
    this.#ready.catch(() => {});
    this.rearm(timeoutSec);
  }

  /**
   * Start the deadline anew: `timeoutSec` seconds from now (the grader gives each exercise its own
   * deadline when one child serves several exercises).
   *
   * @param timeoutSec seconds (Infinity: never)
   */
  rearm(timeoutSec: number): void {
    this.#cancelTimer();
    if (this.#failure || !Number.isFinite(timeoutSec)) return;
    this.#timer = setTimeout(
      () => this.fail(new SandboxError("timeout", timeoutHint(timeoutSec))),
      timeoutSec * 1000,
    );
  }

  /** Why the student module did not load (an error at import, or a failure before it loaded). */
  get loadError(): SandboxError | undefined {
    return this.#loadError;
  }

  /** Send one message to the child. */
  protected abstract sendLine(line: string): void | Promise<void>;
  /** Stop the child for good (kill, terminate). */
  protected abstract stop(): void;

  /** The failure that stopped this evaluator, if any. */
  get failure(): SandboxError | undefined {
    return this.#failure;
  }

  /** Deliver one message from the child. */
  protected receive(json: string): void {
    let msg: unknown;
    try {
      msg = JSON.parse(json);
    } catch {
      return this.junk("a result line that is not valid JSON");
    }
    if (!this.#isReady) {
      const m = msg as ReadyMessage;
      if (typeof m !== "object" || m === null || typeof m.ready !== "boolean") {
        return this.junk("a message before the module loaded");
      }
      this.#isReady = true;
      if (m.ready && !(Array.isArray(m.exports) && m.exports.every((e) => typeof e === "string"))) {
        return this.junk("a malformed list of exports");
      }
      if (!m.ready) this.#cancelTimer();
      return this.#onReady(m);
    }
    const r = msg as CallReply;
    const p = typeof r === "object" && r !== null ? this.#pending.get(r.id) : undefined;
    if (!p) return this.junk("a reply to a call that was never made, or made twice");
    this.#pending.delete(r.id);
    try {
      if (r.ok) {
        p.resolve({
          result: decode(r.result),
          args: r.args === undefined ? undefined : decode(r.args) as unknown[],
          calls: r.calls === undefined ? undefined : decodeCalls(r.calls),
        });
      } else {
        const name = String(r.error?.name ?? "Error"), message = String(r.error?.message ?? "");
        p.reject(new StudentError(name.slice(0, 100), message.slice(0, 2000)));
      }
    } catch (err) {
      p.reject(
        new SandboxError("channel", `the reply could not be read: ${(err as Error).message}`),
      );
    }
  }

  /** Something that is not a reply arrived: every waiting call fails (the child keeps running). */
  protected junk(what: string): void {
    const err = new SandboxError(
      "channel",
      `the grader received ${what} on its result channel; results come only from your return values`,
    );
    for (const p of this.#pending.values()) p.reject(err);
    this.#pending.clear();
  }

  /** Stop for good: every waiting and later call fails with `err`. */
  protected fail(err: SandboxError): void {
    if (this.#failure) return;
    this.#failure = err;
    this.#cancelTimer();
    this.#onReady(err);
    for (const p of this.#pending.values()) p.reject(err);
    this.#pending.clear();
    this.stop();
  }

  #cancelTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** @inheritdoc */
  exports(): Promise<string[]> {
    return this.#ready;
  }

  /** @inheritdoc */
  async call(fn: string, args: unknown[], inspect: boolean): Promise<EvalReply> {
    await this.exports();
    if (this.#failure) throw this.#failure;
    const req: CallRequest = { id: this.#nextId++, fn, args: encode(args) as unknown[], inspect };
    const reply = new Promise<EvalReply>((resolve, reject) =>
      this.#pending.set(req.id, { resolve, reject })
    );
    await this.sendLine(JSON.stringify(req));
    return await reply;
  }

  /** @inheritdoc */
  close(): void {
    if (!this.#failure) this.fail(new SandboxError("crash", "the evaluator was closed"));
  }
}

function decodeCalls(calls: unknown): EvalReply["calls"] {
  if (!Array.isArray(calls)) throw new Error("calls is not a list");
  return calls.map((c) => ({
    fn: String(c?.fn),
    args: decode(c?.args) as unknown[],
    sameAs: Array.isArray(c?.sameAs) ? c.sameAs.map(Number) : [],
  }));
}

class LocalEvaluator extends ChannelEvaluator {
  #mod: Record<string, unknown>;
  constructor(mod: Record<string, unknown>) {
    super(Infinity);
    this.#mod = mod;
    const exports = Object.keys(mod).filter((k) => typeof mod[k] === "function");
    queueMicrotask(() => this.receive(JSON.stringify({ ready: true, exports })));
  }
  protected async sendLine(line: string): Promise<void> {
    const reply = await serveCall(this.#mod, JSON.parse(line));
    queueMicrotask(() => this.receive(JSON.stringify(reply)));
  }
  protected stop(): void {}
}

/**
 * An evaluator for functions in this process (no isolation, no time limit): the same protocol, so
 * arguments and results are still copies. For tests, doc examples and `check({ f }, ex)`.
 *
 * @param mod an object of functions
 */
export function localEvaluator(mod: Record<string, unknown>): Evaluator {
  return new LocalEvaluator(mod);
}
