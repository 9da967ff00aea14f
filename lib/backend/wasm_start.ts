/**
 * Starting tfjs-wasm: offline (the `.wasm` binaries ship inside the npm package), on one thread
 * or on several (tfjs's threaded build, repaired for Deno in wasm_threads.ts, with the pool
 * switched on only while it measurably helps: wasm_pool.ts and wasm_pool_policy.ts), falling back
 * to one thread with a notice if a worker cannot start.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
// Importing the wasm package registers it as the top-priority backend: no op may run before
// initBackend() has awaited tf.setBackend().
import { setThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { prepareWasmThreads } from "./wasm_threads.ts";
import { installPoolPolicy } from "./wasm_pool.ts";

/**
 * The folder holding the tfjs-backend-wasm `.wasm` binaries, as a file-system path ending in "/".
 * Resolved from this module (cells have no `import.meta`, but lib modules do), so it works offline
 * wherever Deno cached the npm package.
 *
 * @returns an absolute path such as `/home/me/.cache/deno/npm/.../tfjs-backend-wasm/4.22.0/dist/`
 */
export function wasmDir(): string {
  const entry = import.meta.resolve("@tensorflow/tfjs-backend-wasm"); // file:///…/dist/tf-backend-wasm.node.js
  const url = new URL(".", entry);
  if (url.protocol !== "file:") {
    throw new Error(`wasmDir: expected a file: URL for tfjs-backend-wasm, got ${entry}`);
  }
  return decodeURIComponent(url.pathname);
}

/**
 * Put the pool under the measuring policy of wasm_pool_policy.ts (on for every operation while it
 * is faster, off while it is not); if that cannot be set up, the pool stays on, with a notice.
 */
function usePoolWhereFaster(): void {
  try {
    installPoolPolicy(Deno.readFileSync(`${wasmDir()}tfjs-backend-wasm-threaded-simd.wasm`));
  } catch (err) {
    console.warn(`⚠ ${(err as Error).message}; every wasm operation uses all threads.`);
  }
}

/** Every core of this machine, at most 8 (the size of tfjs-wasm's worker pool). */
export function allCores(): number {
  return Math.min(8, Math.max(1, navigator.hardwareConcurrency || 1));
}

/** The wasm factory tfjs-backend-wasm registered at import, kept for a single-threaded restart. */
const wasmFactory = tf.findBackendFactory("wasm");

/**
 * Start the wasm backend with `threads` threads; if the threaded build fails, restart it
 * single-threaded with a notice. Does nothing when wasm is already running.
 */
export async function startWasm(threads: number): Promise<void> {
  // Not tf.findBackend: it would start the backend before the thread flags are set.
  if (tf.engine().registry["wasm"]) {
    if (!(await tf.setBackend("wasm"))) throw new Error("tf.setBackend('wasm') returned false");
    return;
  }
  setWasmPaths(wasmDir());
  if (threads > 1) {
    try {
      const shim = await prepareWasmThreads(wasmDir(), threads);
      tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", true);
      setThreadsCount(threads);
      try {
        const ok = await Promise.race([tf.setBackend("wasm"), shim.failed]);
        if (!ok) throw new Error("tf.setBackend('wasm') returned false");
        usePoolWhereFaster();
        return;
      } finally {
        shim.restore();
      }
    } catch (err) {
      console.warn(
        `⚠ The multithreaded WASM backend could not start (${(err as Error).message}); ` +
          `using one thread.`,
      );
      if (tf.findBackendFactory("wasm")) tf.removeBackend("wasm");
      tf.registerBackend("wasm", wasmFactory, 2);
    }
  }
  tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  setThreadsCount(1);
  if (!(await tf.setBackend("wasm"))) throw new Error("tf.setBackend('wasm') returned false");
}
