/**
 * Internal: the few backend primitives the fused recurrent kernels need, called below tfjs's
 * engine. The fused LSTM/GRU/RNN of this folder run a whole sequence as ONE custom op (cuDNN's
 * idea): per time step they call the backend's own matMul and sigmoid kernels directly and do the
 * cheap elementwise gate arithmetic in plain loops on the tensors' storage, so a step costs a
 * matMul plus microseconds instead of a dozen engine ops at ≈10 µs each.
 *
 * Works on the `wasm` and `cpu` backends (storage read through each backend's own accessors);
 * {@link fusedSupported} tells the layers when to fall back to plain tfjs ops. Views of wasm
 * storage are invalidated when the wasm heap grows, so callers take views after every allocation
 * of a step and never keep them across a kernel call.
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/** A tensor as the backend sees it: storage id, shape, dtype. */
export type Info = tf.TensorInfo;

// deno-lint-ignore no-explicit-any
type AnyBackend = any;

export { dims } from "../shapes/seq_input.ts";

/**
 * Whether the fused kernels can run on the current backend.
 *
 * @returns true on "wasm" and "cpu"
 */
export function fusedSupported(): boolean {
  const name = tf.getBackend();
  return name === "wasm" || name === "cpu";
}

/** Direct access to one backend's storage and kernels (see the module comment). */
export class KernelCtx {
  readonly backend: AnyBackend;
  readonly name: string;
  #matMul: tf.KernelFunc;
  #fusedMatMul: tf.KernelFunc;
  #sigmoid: tf.KernelFunc;
  #softmax: tf.KernelFunc;
  #add: tf.KernelFunc;

  constructor() {
    this.name = tf.getBackend();
    if (!fusedSupported()) {
      throw new Error(
        `KernelCtx: the fused kernels need the wasm or cpu backend, not ${this.name}`,
      );
    }
    this.backend = tf.backend();
    const k = (n: string) => tf.getKernel(n, this.name)!.kernelFunc;
    this.#matMul = k(tf.BatchMatMul);
    this.#fusedMatMul = k(tf._FusedMatMul);
    this.#sigmoid = k(tf.Sigmoid);
    this.#softmax = k(tf.Softmax);
    this.#add = k(tf.Add);
  }

  /** A new float32 buffer of `shape` (contents unspecified on wasm). */
  alloc(shape: number[]): Info {
    if (this.name === "wasm") return this.backend.makeOutput(shape, "float32");
    const size = shape.reduce((a, b) => a * b, 1);
    return this.backend.makeTensorInfo(shape, "float32", new Float32Array(size));
  }

  /** A zero-filled buffer of `shape`. */
  zeros(shape: number[]): Info {
    const info = this.alloc(shape);
    this.view(info).fill(0);
    return info;
  }

  /** The live storage of a buffer or tensor (re-take it after any allocation). */
  view(info: Info): Float32Array {
    if (this.name === "wasm") return this.backend.typedArrayFromHeap(info);
    return this.backend.data.get(info.dataId).values as Float32Array;
  }

  /** Release a buffer made by this context (not one wrapped into a tensor). */
  free(...infos: Info[]): void {
    for (const info of infos) this.backend.disposeData(info.dataId);
  }

  /** a·b for 2-D buffers, no transpose flags (the fast path on wasm) // [M, K]·[K, N] → [M, N] */
  matMul(a: Info, b: Info): Info {
    const out = this.#matMul({
      inputs: { a, b },
      backend: this.backend,
      attrs: { transposeA: false, transposeB: false },
    }) as Info;
    out.shape = [a.shape[0], b.shape[1]];
    return out;
  }

  /** a·b + bias (bias broadcast over rows; one fused kernel) // [M, K]·[K, N] + [N] → [M, N] */
  matMulBias(a: Info, b: Info, bias: Info): Info {
    const [M, K] = a.shape, N = b.shape[1];
    const out = this.#fusedMatMul({
      inputs: {
        a: { ...a, shape: [1, M, K] },
        b: { ...b, shape: [1, K, N] },
        bias: { ...bias, shape: [N] },
      },
      backend: this.backend,
      attrs: { transposeA: false, transposeB: false, activation: "linear", leakyreluAlpha: 0 },
    }) as Info;
    out.shape = [M, N];
    return out;
  }

  /**
   * The transpose of a 2-D buffer, materialised by a cache-blocked loop (2× faster than the wasm
   * Transpose kernel) // [M, K] → [K, M]
   */
  transpose(a: Info): Info {
    const [M, K] = a.shape, out = this.alloc([K, M]), B = 32;
    const src = this.view(a), dst = this.view(out);
    for (let i0 = 0; i0 < M; i0 += B) {
      for (let j0 = 0; j0 < K; j0 += B) {
        const i1 = Math.min(M, i0 + B), j1 = Math.min(K, j0 + B);
        for (let i = i0; i < i1; i++) {
          for (let j = j0, r = i * K; j < j1; j++) dst[j * M + i] = src[r + j];
        }
      }
    }
    return out;
  }

  /** σ(x) elementwise into a new buffer (vectorised in the wasm kernel). */
  sigmoid(x: Info): Info {
    return this.#sigmoid({ inputs: { x }, backend: this.backend }) as Info;
  }

  /** a + b elementwise (same shapes) into a new buffer (vectorised on wasm). */
  add(a: Info, b: Info): Info {
    return this.#add({ inputs: { a, b }, backend: this.backend }) as Info;
  }

  /** Row-wise softmax of a 2-D buffer into a new buffer (max-subtracted, vectorised on wasm). */
  softmax(x: Info): Info {
    return this.#softmax({
      inputs: { logits: x },
      backend: this.backend,
      attrs: { dim: 1 },
    }) as Info;
  }

  /** Hand a buffer to the engine as a tracked tensor (the tensor now owns it). */
  toTensor(info: Info, shape: number[] = info.shape): tf.Tensor {
    return tf.engine().makeTensorFromTensorInfo({ ...info, shape }, this.backend);
  }

  /** A buffer made from JS values. */
  fromArray(values: Float32Array, shape: number[]): Info {
    const info = this.alloc(shape);
    this.view(info).set(values);
    return info;
  }

  /** The storage id of a tensor as a 2-D buffer of `shape` (no copy; do not free it). */
  asInfo(t: tf.Tensor, shape: number[] = t.shape): Info {
    if (t.dtype !== "float32") {
      throw new TypeError(`KernelCtx: expected a float32 tensor, got ${t.dtype} [${t.shape}]`);
    }
    return { dataId: t.dataId, shape, dtype: "float32" };
  }
}
