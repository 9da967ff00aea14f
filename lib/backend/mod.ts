/**
 * The tfjs backend every notebook, test and tool starts with: `initBackend()` (init_backend.ts).
 *
 * Global patches, each working around one tfjs 4.22 behaviour (patches_test.ts fails when an
 * upgrade breaks or obsoletes one):
 * 1. matmul_grad.ts re-registers the `BatchMatMul` gradient with materialised transposes:
 *    tfjs-wasm's matMul with transpose flags is 10–20× slower than a plain one (tfjs #2357, #1632).
 * 2. seed.ts replaces `Math.random` with a seeded generator: tfjs has no global seed and draws every
 *    unseeded random number from `Math.random`. `initBackend()` prints that it does this.
 * 3. wasm_threads.ts (opt-in, `threads > 1`) runs tfjs's threaded build under Deno, which tfjs
 *    turns off outside browsers (tfjs #3830): a `worker_threads.Worker` subclass loads the pthread
 *    worker from a file instead of a `blob:` URL, and `os.cpus()` reports twice the threads asked
 *    for while the module starts (the C side caps the pool at half the cores, tfjs #4972).
 * 4. wasm_pool.ts (opt-in, with threads) re-registers every wasm kernel behind a timer and flips
 *    tfjs's C pool pointer so the pool runs only while it measurably helps (wasm_pool_policy.ts):
 *    a descheduled pool thread makes every operation wait.
 * `useFastMatMulGrad` silences `console.warn` for the one expected "overriding gradient" warning.
 * @module
 */
export * from "./init_backend.ts";
export * from "./backend_speed.ts";
export type { PoolClassStats, PoolMode, PoolPolicy } from "./wasm_pool_policy.ts";

/** The tfjs version every patch above was verified on (patches_test.ts compares). */
export const PATCHED_TFJS = "4.22.0";
