/**
 * The tfjs backend every notebook, test and tool starts with: `initBackend()` (init_backend.ts)
 * selects tfjs-wasm offline, seeds random draws and installs the fast matMul gradient; the opt-in
 * multithreading lives beside it (wasm_threads.ts: the worker shim; wasm_pool.ts and
 * wasm_pool_policy.ts: switching the thread pool on only while it helps).
 * @module
 */
export * from "./init_backend.ts";
export type { PoolClassStats, PoolMode, PoolPolicy } from "./wasm_pool_policy.ts";
