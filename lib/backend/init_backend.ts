/**
 * Backend setup for every notebook, test and script: `initBackend()` selects tfjs's WASM backend
 * fully offline (the `.wasm` files ship inside the npm package), falls back to the pure-JS `cpu`
 * backend with a visible notice, runs it on several cores when asked (tfjs's threaded build,
 * repaired for Deno in wasm_threads.ts, with the pool switched on only while it measurably helps:
 * wasm_pool_policy.ts), enables prod mode, seeds every random draw, and re-registers the `BatchMatMul`
 * gradient so backward passes avoid tfjs-wasm's slow transposed matmul.
 *
 * Why the gradient: on tfjs-wasm 4.22 `tf.matMul(a, b, transposeA, transposeB)` runs at 1–2 GFLOP/s,
 * while `tf.matMul(tf.transpose(a), b)` runs at 10–30 GFLOP/s, and autograd's matMul gradient uses
 * the flags. Materialising the transpose first costs one copy and makes backprop several times
 * faster (numbers in the README and `deno task bench:matmul`).
 * @module
 */
import * as tf from "@tensorflow/tfjs";
// Importing the wasm package registers it as the top-priority backend: no op may run before
// initBackend() has awaited tf.setBackend().
import { getThreadsCount, setThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { defaultSeed, Rng, wasmThreadsFromEnv } from "../util/mod.ts";
import { prepareWasmThreads } from "./wasm_threads.ts";
import { installPoolPolicy } from "./wasm_pool.ts";
export { poolPolicy } from "./wasm_pool.ts";

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
 * Make `Math.random` (and so every tfjs op called without an explicit seed: initializers,
 * `tf.randomNormal`, `tf.util.shuffle`) draw from a seeded generator.
 *
 * @param seed integer seed
 */
export function seedEverything(seed: number): void {
  const rng = new Rng(seed);
  Math.random = () => rng.uniform();
}

/** Transpose the last two axes (what the `transposeA/B` flags mean). */
function t(x: tf.Tensor): tf.Tensor {
  const perm = [...Array(x.rank).keys()];
  [perm[x.rank - 2], perm[x.rank - 1]] = [perm[x.rank - 1], perm[x.rank - 2]];
  return tf.transpose(x, perm);
}

/** A product `op(x) · op(y)` computed with materialised transposes and no matMul flags. */
function mm(x: tf.Tensor, y: tf.Tensor, tx: boolean, ty: boolean): tf.Tensor {
  return tf.matMul(tx ? t(x) : x, ty ? t(y) : y);
}

type MatMul = (x: tf.Tensor, y: tf.Tensor, tx: boolean, ty: boolean) => tf.Tensor;

/** tfjs-core's `BatchMatMul_grad.ts`, with the product `op(x) · op(y)` supplied by `mm`. */
function batchMatMulGrad(mm: MatMul): tf.GradConfig {
  return {
    kernelName: tf.BatchMatMul,
    inputsToSave: ["a", "b"],
    gradFunc: (dy, saved, attrs) => {
      const [a, b] = saved;
      const { transposeA, transposeB } = attrs as unknown as tf.BatchMatMulAttrs;
      const g = dy as tf.Tensor;
      if (!transposeA && !transposeB) {
        return { a: () => mm(g, b, false, true), b: () => mm(a, g, true, false) };
      } else if (!transposeA && transposeB) {
        return { a: () => mm(g, b, false, false), b: () => mm(g, a, true, false) };
      } else if (transposeA && !transposeB) {
        return { a: () => mm(b, g, false, true), b: () => mm(a, g, false, false) };
      }
      return { a: () => mm(b, g, true, true), b: () => mm(g, a, true, true) };
    },
  };
}

/**
 * The same gradient as tfjs's `BatchMatMul` gradient, with every transpose materialised instead of
 * passed as a flag.
 */
export const fastBatchMatMulGrad: tf.GradConfig = batchMatMulGrad(mm);

/**
 * tfjs's own `BatchMatMul` gradient (flags passed through), kept so benchmarks and tests can compare.
 */
export const tfjsBatchMatMulGrad: tf.GradConfig = batchMatMulGrad((x, y, tx, ty) =>
  tf.matMul(x, y, tx, ty)
);

/**
 * Choose which `BatchMatMul` gradient autograd uses.
 *
 * @param fast true for {@linkcode fastBatchMatMulGrad}, false for tfjs's own
 */
export function useFastMatMulGrad(fast: boolean): void {
  // registerGradient warns when overriding; silence that one expected warning.
  const warn = console.warn;
  console.warn = () => {};
  try {
    tf.registerGradient(fast ? fastBatchMatMulGrad : tfjsBatchMatMulGrad);
  } finally {
    console.warn = warn;
  }
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
      `tfjs ${tf.version.tfjs} on the '${tf.getBackend()}' backend (${using}), seed ${seed}`,
    );
  }
  return { backend: tf.getBackend(), seed, fastMatMulGrad, threads };
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
function allCores(): number {
  return Math.min(8, Math.max(1, navigator.hardwareConcurrency || 1));
}

/** The wasm factory tfjs-backend-wasm registered at import, kept for a single-threaded restart. */
const wasmFactory = tf.findBackendFactory("wasm");

/**
 * Start the wasm backend with `threads` threads; if the threaded build fails, restart it
 * single-threaded with a notice. Does nothing when wasm is already running.
 */
async function startWasm(threads: number): Promise<void> {
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
