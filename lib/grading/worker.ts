/**
 * The check cell's transport: the student's module runs in a fresh Worker, so an infinite loop
 * times out (the Worker is terminated and the kernel keeps its state) and every module the
 * exercise imports is loaded anew on each check (a Worker has its own module map). The Worker
 * gets the kernel's permissions: in a notebook it protects the kernel, it does not sandbox.
 * @module
 */
import { ChannelEvaluator } from "./evaluator.ts";
import { SandboxError } from "./remote.ts";

const WORKER_MAIN = new URL("./child/worker_main.ts", import.meta.url);

/** Evaluates a student module in a Worker, with a deadline for the whole evaluation. */
export class WorkerEvaluator extends ChannelEvaluator {
  #worker: Worker;

  /**
   * @param moduleUrl the student module (a `file:` URL)
   * @param timeoutSec seconds before the Worker is terminated
   */
  constructor(moduleUrl: string, timeoutSec: number) {
    super(timeoutSec);
    this.#worker = new Worker(WORKER_MAIN, { type: "module" });
    this.#worker.onmessage = (e: MessageEvent) => {
      if (typeof e.data === "string") this.receive(e.data);
      else this.junk("a message that is not a string");
    };
    this.#worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.fail(new SandboxError("crash", `your code crashed the check's worker: ${e.message}`));
    };
    this.#worker.postMessage(JSON.stringify({ url: moduleUrl }));
  }

  protected sendLine(line: string): void {
    this.#worker.postMessage(line);
  }

  protected stop(): void {
    this.#worker.terminate();
  }
}
