/**
 * Backend setup for every notebook, test and script, in one screen. `initBackend()`:
 * 1. starts tfjs's WASM backend offline, on one thread unless asked for more (wasm_start.ts; the
 *    threads need the worker shim of wasm_threads.ts and the pool policy of wasm_pool.ts), or
 *    falls back to the pure-JS `cpu` backend with a visible notice;
 * 2. enables prod mode;
 * 3. seeds `Math.random`, which tfjs uses for every unseeded random op (seed.ts);
 * 4. re-registers the `BatchMatMul` gradient so backward passes avoid tfjs-wasm's slow transposed
 *    matMul (matmul_grad.ts).
 * Every global patch is listed, with the tfjs behaviour it works around, in lib/backend/mod.ts, and
 * tests/backend_patches_test.ts fails loudly if a tfjs upgrade breaks or obsoletes one.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { getThreadsCount } from "@tensorflow/tfjs-backend-wasm";
import { defaultSeed, wasmThreadsFromEnv } from "../util/mod.ts";
import { allCores, startWasm } from "./wasm_start.ts";
import { seedEverything } from "./seed.ts";
import { useFastMatMulGrad } from "./matmul_grad.ts";
export { poolPolicy } from "./wasm_pool.ts";
export { wasmDir } from "./wasm_start.ts";
export { seedEverything } from "./seed.ts";
export { fastBatchMatMulGrad, tfjsBatchMatMulGrad, useFastMatMulGrad } from "./matmul_grad.ts";

/** Options of {@linkcode initBackend}. */
export interface BackendOptions {
  /** "wasm" (default, fast) or "cpu" (pure JS, slow, always available). */
  backend?: "wasm" | "cpu";
  /** Seed for `Math.random` and therefore every unseeded tfjs random op; default `COURSE_SEED` or 42. */
  seed?: number;
  /** Keep the fast `BatchMatMul` gradient (default true); false restores tfjs's own. */
  fastMatMulGrad?: boolean;
  /**
   * Threads of the WASM backend: a number, or "all" for every core (at most 8). Default 1: the
   * small models of most notebooks run faster on the single-threaded build, while the char-LSTM's
   * big matrix products (notebook 07, `deno task train`) gain from more cores (README). The
   * `COURSE_WASM_THREADS` variable overrides both. Fixed by the first call in a process.
   */
  threads?: number | "all";
  /** Print nothing on success (default false). */
  quiet?: boolean;
}

/** What {@linkcode initBackend} set up. */
export interface BackendInfo {
  backend: string;
  seed: number;
  fastMatMulGrad: boolean;
  /** threads the backend computes with (1 on the cpu backend) */
  threads: number;
}

/**
 * Select and initialise the tfjs backend, seed randomness and install the fast matMul gradient.
 * Call it once, awaited, before any tensor op; calling it again re-seeds (handy to re-run a cell).
 *
 * @param opts backend, seed, fast gradient, quiet
 * @returns the backend in use, the seed and whether the fast gradient is on
 * @example Set up a notebook
 * ```ts
 * import { initBackend } from "./init_backend.ts";
 * const info = await initBackend({ quiet: true });
 * console.log(info.backend); // "wasm"
 * ```
 */
export async function initBackend(opts: BackendOptions = {}): Promise<BackendInfo> {
  const want = opts.backend ?? "wasm";
  const seed = opts.seed ?? defaultSeed();
  let backend = want;
  if (want === "wasm") {
    try {
      const asked = wasmThreadsFromEnv() ?? opts.threads ?? 1;
      await startWasm(asked === "all" ? allCores() : asked);
    } catch (err) {
      console.warn(
        `⚠ The WASM backend could not start (${(err as Error).message}); using the slower 'cpu' ` +
          `backend instead. Training cells will take several times longer.`,
      );
      backend = "cpu";
    }
  }
  if (backend === "cpu" && !(await tf.setBackend("cpu"))) {
    throw new Error("initBackend: neither the 'wasm' nor the 'cpu' tfjs backend could start");
  }
  await tf.ready();
  tf.enableProdMode();
  seedEverything(seed);
  const fastMatMulGrad = opts.fastMatMulGrad ?? true;
  useFastMatMulGrad(fastMatMulGrad);
  const threads = tf.getBackend() === "wasm" ? Math.max(1, getThreadsCount()) : 1;
  if (!opts.quiet) {
    const using = `${threads} thread${threads > 1 ? "s" : ""}`;
    console.log(
      `tfjs ${tf.version.tfjs} on the '${tf.getBackend()}' backend (${using}), seed ${seed} ` +
        "(Math.random is seeded, so unseeded random ops repeat)",
    );
  }
  return { backend: tf.getBackend(), seed, fastMatMulGrad, threads };
}
