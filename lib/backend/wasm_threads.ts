/**
 * Multithreaded tfjs-wasm under Deno. tfjs-backend-wasm ships a threaded SIMD build (XNNPACK on a
 * pool of emscripten pthreads, one worker each) but switches it off whenever it sees Node, and so
 * under Deno (tfjs issue #3830). On a 2-core machine the second core roughly halves every large
 * matMul (`deno task bench:backend`), so it is worth the four small repairs this module makes:
 *
 * 1. tfjs hands the pthread worker script to `node:worker_threads` as a `blob:` URL, which
 *    worker_threads rejects (`ERR_WORKER_PATH`). The script is written once to a `.cjs` file in the
 *    temp folder and the Worker is given that path; its "load" message gets the path of the
 *    package's own `wasm-out/tfjs-backend-wasm-threaded-simd.js` instead of a Blob.
 * 2. The script assigns `location` on the worker's global object, a getter-only property in Deno:
 *    the written copy defines its globals with `Object.defineProperty` instead.
 * 3. The C side caps the pool at `os.cpus().length / 2` (it assumes two hyper-threads per core):
 *    while the module starts, `os.cpus()` reports twice the threads asked for.
 * 4. Emscripten keeps a running pthread's worker referenced, so a script would never exit: once
 *    loaded, the pthread workers stay unreferenced.
 *
 * A worker that fails to load rejects {@link WasmThreadsShim.failed}, so `initBackend()` can fall
 * back to the single-threaded build instead of hanging.
 * @module
 */
import { createRequire } from "node:module";
import os from "node:os";
import { join } from "node:path";
import workerThreads from "node:worker_threads";
import { writeFileAtomic } from "../util/atomic_write.ts";

const WORKER_JS = "tfjs-backend-wasm-threaded-simd.worker.js";
const MAIN_JS = "tfjs-backend-wasm-threaded-simd.js";
const ASSIGN = "Object.assign(global,{";
const DEFINE_ALL = "function __defineAll(t,s){for(const k of Object.keys(s))" +
  "Object.defineProperty(t,k,{value:s[k],writable:true,configurable:true});return t}\n";

/** Where the shim sends tfjs's pthread workers; set while a threaded backend is in use. */
interface Redirect {
  workerFile: string;
  mainScript: string;
  /** how many of the next pool workers are {@link SpareWorker}s */
  spares: number;
  onError: (err: Error) => void;
}

let redirect: Redirect | undefined;
let installed = false;
const pthreadWorkers = new WeakSet<object>();

// deno-lint-ignore no-explicit-any
type AnyWorker = any;

/** Replace worker_threads' Worker (the object tfjs's emscripten code reads) by a redirecting one. */
function installWorkerShim(): void {
  if (installed) return;
  const Base = workerThreads.Worker as unknown as new (file: unknown, opts?: unknown) => AnyWorker;
  class TfjsWasmWorker extends Base {
    constructor(file: unknown, opts?: unknown) {
      const ours = redirect !== undefined && typeof file === "string" && file.startsWith("blob:");
      if (ours && redirect!.spares > 0) {
        redirect!.spares--;
        // A derived constructor may hand back another object: emscripten keeps the stand-in.
        return new SpareWorker() as unknown as TfjsWasmWorker;
      }
      super(ours ? redirect!.workerFile : file, opts);
      if (!ours) return;
      pthreadWorkers.add(this);
      // Listen at once: a script can fail before emscripten attaches its own listeners.
      const fail = (err: Error) => redirect?.onError(err);
      super.on("error", fail);
      super.on("exit", (code: number) => {
        if (!this.loaded) fail(new Error(`a pthread worker exited (code ${code}) before loading`));
      });
    }
    ref(): AnyWorker {
      // Emscripten refs a worker while it loads (good: the start awaits it) and again when it runs a
      // pthread, forever for a thread-pool thread (bad: the process could never exit).
      return pthreadWorkers.has(this) && this.loaded ? this : super.ref();
    }
    postMessage(msg: AnyWorker, transfer?: unknown): void {
      const load = pthreadWorkers.has(this) && msg?.cmd === "load" &&
        typeof msg.urlOrBlob !== "string";
      super.postMessage(load ? { ...msg, urlOrBlob: redirect!.mainScript } : msg, transfer);
    }
    on(event: string, fn: (...args: unknown[]) => void): AnyWorker {
      // Emscripten's error handler rethrows, which would kill the process; ours reports instead.
      return event === "error" && pthreadWorkers.has(this) ? this : super.on(event, fn);
    }
  }
  (workerThreads as unknown as { Worker: unknown }).Worker = TfjsWasmWorker;
  installed = true;
}

/** FNV-1a hash of a string, as 8 hex digits (names the written worker file by its contents). */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * The pthread worker script of tfjs-backend-wasm, repaired for Deno (see the module comment), written
 * once to the temp folder (atomically, named by its contents).
 *
 * @param outDir the package's `wasm-out/` folder, ending in "/"
 * @returns the path of the `.cjs` file
 * @throws {Error} when the package's worker script no longer has the expected layout
 */
export async function writeWorkerScript(outDir: string): Promise<string> {
  const req = createRequire(import.meta.url);
  const { wasmWorkerContents } = req(outDir + WORKER_JS) as { wasmWorkerContents: string };
  // tfjs escapes the contents' newlines the same way before it makes its Blob.
  const original = wasmWorkerContents.replace(/\n/g, "\\n");
  if (!original.includes(ASSIGN)) {
    throw new Error(`writeWorkerScript: ${WORKER_JS} no longer contains "${ASSIGN}"`);
  }
  const src = DEFINE_ALL + original.replace(ASSIGN, "__defineAll(global,{");
  const file = join(os.tmpdir(), `tfjs-wasm-pthread-${hash(src)}.cjs`);
  const current = await Deno.readTextFile(file).catch(() => "");
  if (current !== src) await writeFileAtomic(file, new TextEncoder().encode(src));
  return file;
}

/**
 * A stand-in for the pool workers no thread will use. Emscripten starts a fixed pool of workers
 * (8 in tfjs 4.22) and only `threads − 1` of them ever run a thread, while starting a worker takes
 * about half a second in a Jupyter kernel. The stand-in answers emscripten's "load" at once and
 * starts nothing; should it be asked to run a thread anyway, it reports an error instead of
 * hanging silently.
 */
class SpareWorker {
  loaded = false;
  readonly #listeners = new Map<string, ((data: unknown) => void)[]>();
  on(event: string, fn: (data: unknown) => void): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), fn]);
    return this;
  }
  #emit(event: string, data: unknown): void {
    for (const fn of this.#listeners.get(event) ?? []) fn(data);
  }
  postMessage(msg: { cmd?: string }): void {
    if (msg?.cmd === "load") setTimeout(() => this.#emit("message", { cmd: "loaded" }));
    else if (msg?.cmd === "run") {
      redirect?.onError(new Error("tfjs-wasm asked a spare worker to run a thread"));
    }
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  terminate(): Promise<number> {
    return Promise.resolve(0);
  }
}

/**
 * How many workers emscripten starts for its pool, read from the package's main script (the
 * `pthreadPoolSize=N` of its `initMainThread`), or undefined if the script has another shape.
 *
 * @param mainScript the text of `tfjs-backend-wasm-threaded-simd.js`
 * @returns the pool size
 */
export function emscriptenPoolSize(mainScript: string): number | undefined {
  const m = mainScript.match(/initMainThread:function\(\)\{var pthreadPoolSize=(\d+);/);
  return m ? Number(m[1]) : undefined;
}

/** A prepared threaded start: call `restore()` once the backend is up (or has failed). */
export interface WasmThreadsShim {
  /** rejects when a pthread worker fails before `restore()` (later failures print a notice) */
  failed: Promise<never>;
  /** end the start: undo the temporary `os.cpus()` change (the worker redirect stays) */
  restore(): void;
}

/**
 * Prepare the process for tfjs-wasm's threaded build with `threads` threads: write the worker
 * script, install the Worker redirect and make `os.cpus()` report `2 × threads` cores until
 * `restore()`. The caller then sets tfjs's `WASM_HAS_MULTITHREAD_SUPPORT` flag, calls
 * `setThreadsCount(threads)` and `tf.setBackend("wasm")`.
 *
 * @param distDir the package's `dist/` folder, ending in "/" (see `wasmDir()` in backend.ts)
 * @param threads threads to ask for (≥ 2)
 * @returns the failure signal and the restore function
 * @example Used by initBackend(); a script turns threads off with COURSE_WASM_THREADS=1
 * ```ts
 * import { initBackend } from "./init_backend.ts";
 * const info = await initBackend({ quiet: true });
 * console.log(info.threads >= 1); // true
 * ```
 */
export async function prepareWasmThreads(
  distDir: string,
  threads: number,
): Promise<WasmThreadsShim> {
  const outDir = distDir.replace(/dist\/$/, "wasm-out/");
  const workerFile = await writeWorkerScript(outDir);
  // The workers the pool's threads take are the last ones started (emscripten pops them).
  const poolSize = emscriptenPoolSize(await Deno.readTextFile(outDir + MAIN_JS)) ?? 0;
  let reject: (err: Error) => void = () => {};
  const failed = new Promise<never>((_, rej) => (reject = rej));
  failed.catch(() => {}); // observed by the caller's race; never an unhandled rejection
  let started = false, warned = false;
  redirect = {
    workerFile,
    mainScript: outDir + MAIN_JS,
    spares: Math.max(0, poolSize - (threads - 1)),
    onError: (err) => {
      if (!started) return reject(err);
      if (!warned) console.warn(`⚠ a tfjs-wasm pthread worker failed: ${err?.message ?? err}`);
      warned = true;
    },
  };
  installWorkerShim();
  const cpus = os.cpus;
  const fake = () => {
    const real = cpus();
    return Array.from({ length: 2 * threads }, (_, i) => real[i % real.length]);
  };
  (os as { cpus: typeof os.cpus }).cpus = fake;
  return {
    failed,
    restore: () => {
      started = true;
      if (os.cpus === fake) (os as { cpus: typeof os.cpus }).cpus = cpus;
    },
  };
}
