/**
 * The grader's transport: the student's module runs in a `deno run` subprocess of the grading copy
 * with no permissions at all (`--no-prompt`, no `--allow-*`), no remote or npm modules, no config,
 * and a capped V8 heap. Calls and replies travel as framed JSON lines over stdin/stdout; what the
 * student prints is read as a stream, capped, and never parsed as a result. At the deadline, at the
 * output cap, or on {@linkcode SubprocessEvaluator.close}, the child gets SIGKILL, which no signal
 * listener can catch; with no `--allow-run` it cannot have started any process of its own.
 * @module
 */
import { framePrefix } from "./child/wire.ts";
import { ChannelEvaluator } from "./evaluator.ts";
import { SandboxError } from "./remote.ts";
import type { Stage } from "./stage.ts";

/** Limits of one sandboxed evaluation. */
export interface SandboxLimits {
  /** wall-clock seconds for the whole exercise (default 20) */
  timeoutSec?: number;
  /** bytes the student may print, stdout and stderr together (default 1 MB) */
  outputCapBytes?: number;
  /** V8 old-space limit in MB (default 512) */
  heapMb?: number;
}

const MAX_FRAME = 8 << 20; // one reply line (8 MiB)
const KEEP_STDERR = 4000;

/** Evaluates the staged student module in a no-permission `deno run` subprocess. */
export class SubprocessEvaluator extends ChannelEvaluator {
  #child: Deno.ChildProcess;
  #writer: WritableStreamDefaultWriter<Uint8Array>;
  #printed = 0;
  #stderr = "";
  #cap: number;
  #heapMb: number;
  #done: Promise<void>;

  /**
   * @param stage the grading copy (its entry file is run)
   * @param limits time, output and memory limits
   */
  constructor(stage: Stage, limits: SandboxLimits = {}) {
    super(limits.timeoutSec ?? 20);
    this.#cap = limits.outputCapBytes ?? 1 << 20;
    this.#heapMb = limits.heapMb ?? 512;
    const nonce = crypto.randomUUID();
    this.#child = new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--no-prompt",
        "--no-config",
        "--no-remote",
        "--no-npm",
        "--cached-only",
        "--quiet",
        `--v8-flags=--max-old-space-size=${this.#heapMb}`,
        stage.entry,
      ],
      cwd: stage.dir,
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).spawn();
    this.#writer = this.#child.stdin.getWriter();
    const prefix = framePrefix(nonce);
    this.#done = Promise.all([
      this.#readStdout(prefix),
      this.#readStderr(),
    ]).then(() => this.#child.status).then((s) => this.#exited(s));
    this.#send(JSON.stringify({ nonce }));
  }

  /** Resolves once the child has exited and its output is read. */
  get finished(): Promise<void> {
    return this.#done;
  }

  /** The child's process id. */
  get pid(): number {
    return this.#child.pid;
  }

  #send(line: string): void {
    this.#writer.write(new TextEncoder().encode(line + "\n")).catch(() => {});
  }

  protected sendLine(line: string): void {
    this.#send(line);
  }

  protected stop(): void {
    try {
      this.#child.kill("SIGKILL");
    } catch { /* already exited */ }
    this.#writer.close().catch(() => {});
  }

  #countPrinted(n: number): void {
    this.#printed += n;
    if (this.#printed > this.#cap) {
      this.fail(
        new SandboxError(
          "output",
          `your code printed more than ${fmtBytes(this.#cap)} (the output cap), so it was stopped`,
        ),
      );
    }
  }

  async #readStdout(prefix: string): Promise<void> {
    const dec = new TextDecoder();
    let buf = "";
    try {
      for await (const chunk of this.#child.stdout) {
        buf += dec.decode(chunk, { stream: true });
        let nl;
        while ((nl = buf.indexOf("\n")) >= 0) {
          this.#line(buf.slice(0, nl), prefix);
          buf = buf.slice(nl + 1);
        }
        if (buf.length > MAX_FRAME) {
          this.#countPrinted(buf.length);
          this.fail(new SandboxError("output", "your code printed a line longer than 8 MB"));
          buf = "";
        }
      }
    } catch { /* killed */ }
    if (buf) this.#line(buf, prefix);
  }

  #line(line: string, prefix: string): void {
    const at = line.indexOf(prefix);
    if (at < 0) return this.#countPrinted(line.length + 1);
    if (at > 0) this.#countPrinted(at);
    if (!this.failure) this.receive(line.slice(at + prefix.length));
  }

  async #readStderr(): Promise<void> {
    const dec = new TextDecoder();
    try {
      for await (const chunk of this.#child.stderr) {
        if (this.#stderr.length < KEEP_STDERR) this.#stderr += dec.decode(chunk, { stream: true });
        this.#countPrinted(chunk.length);
      }
    } catch { /* killed */ }
  }

  #exited(status: Deno.CommandStatus): void {
    if (this.failure) return;
    const err = this.#stderr.trim();
    if (/out of memory|heap limit/i.test(err)) {
      return this.fail(
        new SandboxError(
          "crash",
          `your code ran out of memory (heap capped at ${this.#heapMb} MB)`,
        ),
      );
    }
    const last = err.split("\n").filter((l) => l.trim()).slice(-4).join(" | ").slice(0, 600);
    this.fail(
      new SandboxError(
        "crash",
        `your code stopped the grader's process (${
          status.signal ? `signal ${status.signal}` : `exit code ${status.code}`
        })${last ? `: ${last}` : ""}`,
      ),
    );
  }
}

function fmtBytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(n % (1 << 20) ? 1 : 0)} MB` : `${n} bytes`;
}
