/**
 * How much faster the `wasm` backend is than the pure-JavaScript `cpu` backend, measured where it
 * runs: notebook 00 prints the ratio instead of quoting one measured elsewhere.
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/** One timing of `matMulSpeed`: medians in milliseconds and their ratio. */
export interface MatMulSpeed {
  /** the matrices are [n, n] */
  n: number;
  /** timed repetitions per backend (after one untimed warm-up) */
  reps: number;
  /** median ms of one product on `wasm` */
  wasmMs: number;
  /** median ms of one product on `cpu` */
  cpuMs: number;
  /** cpuMs / wasmMs */
  ratio: number;
  /** every timing, ms, in the order measured */
  wasmTimes: number[];
  /** every timing, ms, in the order measured */
  cpuTimes: number[];
}

async function timeMatMul(n: number, reps: number): Promise<number[]> {
  const [a, b] = tf.tidy(() => [tf.randomNormal([n, n]), tf.randomNormal([n, n])]); // [n, n]
  try {
    const times: number[] = [];
    for (let i = 0; i <= reps; i++) {
      const t0 = performance.now();
      const c = tf.matMul(a, b);
      await c.data(); // wait for the result, not only the dispatch
      c.dispose();
      if (i > 0) times.push(performance.now() - t0); // i = 0 is the warm-up
    }
    return times;
  } finally {
    tf.dispose([a, b]);
  }
}

const median = (v: number[]) => {
  const s = [...v].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Time an [n, n] × [n, n] matrix product on the `wasm` and the `cpu` backend (medians of `reps`
 * runs each after one warm-up), then switch back to the backend that was active. Call it after
 * `initBackend()`.
 *
 * @param n matrix size (default 512)
 * @param reps timed runs per backend (default 3)
 * @returns the medians, their ratio and every timing
 * @throws {RangeError} for n or reps that are not positive integers
 * @throws {Error} if the wasm backend is not active
 * @example
 * ```ts
 * import { initBackend } from "./init_backend.ts";
 * import { matMulSpeed } from "./backend_speed.ts";
 * await initBackend({ quiet: true });
 * const s = await matMulSpeed(64, 1);
 * console.log(s.ratio > 0); // true
 * ```
 */
export async function matMulSpeed(n = 512, reps = 3): Promise<MatMulSpeed> {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(reps) || reps < 1) {
    throw new RangeError(`matMulSpeed: n and reps must be positive integers, got ${n}, ${reps}`);
  }
  const active = tf.getBackend();
  if (active !== "wasm") {
    throw new Error(`matMulSpeed: the wasm backend must be active (it is '${active}')`);
  }
  const wasmTimes = await timeMatMul(n, reps);
  if (!(await tf.setBackend("cpu"))) throw new Error("matMulSpeed: the cpu backend did not start");
  let cpuTimes: number[];
  try {
    cpuTimes = await timeMatMul(n, reps);
  } finally {
    await tf.setBackend(active);
  }
  const wasmMs = median(wasmTimes), cpuMs = median(cpuTimes);
  return { n, reps, wasmMs, cpuMs, ratio: cpuMs / wasmMs, wasmTimes, cpuTimes };
}
