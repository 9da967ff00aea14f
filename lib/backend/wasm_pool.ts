/**
 * The switch behind {@link PoolPolicy}: tfjs-wasm keeps its thread pool in one C global,
 * `tfjs::backend::threadpool`, and XNNPACK runs an operation on the calling thread when that pointer
 * is NULL. Its address is read from the code of the exported `get_threads_count`
 * (`i32.const ADDR; i32.load`) and checked by flipping it once; every wasm kernel is re-registered
 * to time its calls for the policy.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { PoolPolicy } from "./wasm_pool_policy.ts";

/**
 * The address of tfjs-wasm's thread-pool pointer, read from the binary: the body of the exported
 * function `get_threads_count` starts with `i32.const ADDR; i32.load offset`.
 *
 * @param bytes the `.wasm` file
 * @returns the byte address, or undefined when the code has another shape
 */
export function threadPoolAddress(bytes: Uint8Array): number | undefined {
  let p = 8; // after magic and version
  const uleb = () => {
    let r = 0, s = 0, b;
    do {
      b = bytes[p++];
      r += (b & 0x7f) * 2 ** s;
      s += 7;
    } while (b & 0x80);
    return r;
  };
  const skipLimits = () => {
    const flags = bytes[p++];
    uleb();
    if (flags & 1) uleb();
  };
  let imported = 0, fn = -1;
  while (p < bytes.length) {
    const id = bytes[p++], size = uleb(), end = p + size;
    if (id === 2) { // imports: count the functions, which come first in the index space
      for (let n = uleb(), i = 0; i < n; i++) {
        for (let names = 0; names < 2; names++) { // module and field
          const len = uleb(); // read before p is: `p += uleb()` would add to the old p
          p += len;
        }
        const kind = bytes[p++];
        if (kind === 0) (uleb(), imported++);
        else if (kind === 1) (p++, skipLimits());
        else if (kind === 2) skipLimits();
        else p += 2;
      }
    } else if (id === 7) { // exports
      for (let n = uleb(), i = 0; i < n; i++) {
        const len = uleb(), name = new TextDecoder().decode(bytes.subarray(p, p + len));
        p += len;
        const kind = bytes[p++], index = uleb();
        if (kind === 0 && name === "get_threads_count") fn = index;
      }
    } else if (id === 10 && fn >= imported) { // code
      for (let n = uleb(), i = 0; i < n; i++) {
        const bodySize = uleb(), bodyEnd = p + bodySize;
        if (i === fn - imported) {
          for (let groups = uleb(), g = 0; g < groups; g++) (uleb(), p++); // locals
          if (bytes[p++] !== 0x41) return undefined; // i32.const
          const addr = uleb(); // non-negative here, so the unsigned reading is right
          if (bytes[p++] !== 0x28) return undefined; // i32.load
          uleb(); // alignment
          return addr + uleb();
        }
        p = bodyEnd;
      }
    }
    p = end;
  }
  return undefined;
}

/** What a kernel function receives (inputs by name, attributes). */
type KernelArgs = { inputs: tf.NamedTensorInfoMap; attrs?: tf.NamedAttrMap };

/** The subset of tfjs-wasm's emscripten module used here. */
interface WasmModule {
  wasmMemory: WebAssembly.Memory;
  tfjs: { getThreadsCount(): number };
}

/** Turns the pool on and off by writing its pointer. */
export class PoolSwitch {
  readonly #wasm: WasmModule;
  readonly #addr: number;
  readonly #pool: number;

  /**
   * @param wasm the backend's emscripten module (`tf.backend().wasm`)
   * @param addr the pointer's address, from {@link threadPoolAddress}
   * @throws {Error} when flipping the pointer does not do what it should (wrong address)
   */
  constructor(wasm: WasmModule, addr: number) {
    this.#wasm = wasm;
    this.#addr = addr;
    this.#pool = this.#word();
    const threads = wasm.tfjs.getThreadsCount();
    this.set(false);
    const off = wasm.tfjs.getThreadsCount();
    this.set(true);
    if (this.#pool === 0 || threads < 2 || off !== -1 || wasm.tfjs.getThreadsCount() !== threads) {
      throw new Error(`PoolSwitch: address ${addr} is not tfjs-wasm's thread-pool pointer`);
    }
  }

  #word(): number {
    return Atomics.load(new Uint32Array(this.#wasm.wasmMemory.buffer, this.#addr, 1), 0);
  }

  /** Route the following operations to the pool (true) or the calling thread (false). */
  set(on: boolean): void {
    Atomics.store(
      new Uint32Array(this.#wasm.wasmMemory.buffer, this.#addr, 1),
      0,
      on ? this.#pool : 0,
    );
  }
}

/** Multiply-accumulates of a (batched) matMul call, from its inputs' shapes and transpose flags. */
function matMulMacs({ inputs, attrs }: KernelArgs): number {
  const { a, b } = inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
  const { transposeA: tA, transposeB: tB } = attrs as { transposeA: boolean; transposeB: boolean };
  const [ra, rb] = [a.shape.length, b.shape.length];
  const M = a.shape[tA ? ra - 1 : ra - 2], K = a.shape[tA ? ra - 2 : ra - 1];
  const N = b.shape[tB ? rb - 2 : rb - 1];
  const batch = Math.max(
    a.shape.slice(0, -2).reduce((x, y) => x * y, 1),
    b.shape.slice(0, -2).reduce((x, y) => x * y, 1),
  );
  return batch * M * K * N;
}

/** The elements of all tensor inputs of a kernel call. */
function inputSize({ inputs }: KernelArgs): number {
  let n = 0;
  for (const t of Object.values(inputs)) {
    if (t && Array.isArray((t as tf.TensorInfo).shape)) {
      n += (t as tf.TensorInfo).shape.reduce((x, y) => x * y, 1);
    }
  }
  return n;
}

/** The policy in use, for inspection (`poolPolicy()?.stats()`); undefined without a pool. */
let active: PoolPolicy | undefined;

/**
 * The policy deciding when the wasm thread pool runs, if one is installed.
 *
 * @returns the policy, or undefined on one thread
 */
export function poolPolicy(): PoolPolicy | undefined {
  return active;
}

/**
 * Put the running threaded wasm backend's pool under a {@link PoolPolicy}, and re-register every
 * wasm kernel so the policy times its calls.
 *
 * @param wasmBytes the threaded `.wasm` file the backend runs
 * @returns the policy
 * @throws {Error} when the pool pointer cannot be found or checked (then nothing was changed)
 */
export function installPoolPolicy(wasmBytes: Uint8Array): PoolPolicy {
  const addr = threadPoolAddress(wasmBytes);
  if (addr === undefined) throw new Error("installPoolPolicy: no get_threads_count of known shape");
  const wasm = (tf.backend() as unknown as { wasm: WasmModule }).wasm;
  const pool = new PoolSwitch(wasm, addr);
  const policy = new PoolPolicy((on) => pool.set(on));
  for (const kernel of tf.getKernelsForBackend("wasm")) {
    const run = kernel.kernelFunc, name = kernel.kernelName;
    const size = name === tf.BatchMatMul || name === tf._FusedMatMul ? matMulMacs : inputSize;
    tf.unregisterKernel(name, "wasm");
    tf.registerKernel({
      ...kernel,
      kernelFunc: (args) => {
        if (policy.mode !== "measured") return run(args); // nothing to time
        const t0 = performance.now();
        const out = run(args);
        policy.record(name, size(args), performance.now() - t0);
        return out;
      },
    });
  }
  active = policy;
  return policy;
}
