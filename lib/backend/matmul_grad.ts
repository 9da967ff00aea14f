/**
 * Patch 1 of the backend (tfjs behaviour worked around: tfjs-wasm 4.22's `BatchMatMul` with
 * `transposeA`/`transposeB` flags runs at 1–2 GFLOP/s, while a materialised transpose followed by
 * a plain matMul runs at 10–30 GFLOP/s; autograd's matMul gradient uses the flags, so every
 * backward pass hits the slow path — see tfjs issues #2357/#1632 for transposed-input support).
 * The same gradient as tfjs-core's `BatchMatMul_grad.ts`, re-registered with every transpose
 * materialised. `tests/backend_patches_test.ts` fails if a tfjs upgrade changes the gradient's
 * results or makes the flagged product as fast as the materialised one.
 * @module
 */
import * as tf from "@tensorflow/tfjs";

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
  // registerGradient warns when overriding a gradient; silence that one expected warning (the
  // only place lib touches console.warn).
  const warn = console.warn;
  console.warn = () => {};
  try {
    tf.registerGradient(fast ? fastBatchMatMulGrad : tfjsBatchMatMulGrad);
  } finally {
    console.warn = warn;
  }
}
