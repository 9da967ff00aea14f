/**
 * Conversions between the scratch `Matrix` (float64) and tfjs tensors (float32), so the same data
 * and weights feed both implementations. Every returned tensor belongs to the caller, who disposes
 * it (or creates it inside `tf.tidy`).
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { type Matrix, matrix } from "../scratch/matrix.ts";
import type { ClassificationData, RegressionData } from "../tasks/toy_data.ts";

/**
 * A scratch Matrix as a float32 2-D tensor.
 *
 * @param m [R, C]
 * @returns a new tensor [R, C]
 */
export function matrixToTensor(m: Matrix): tf.Tensor2D {
  return tf.tensor2d(Float32Array.from(m.data), m.shape);
}

/**
 * A 2-D tensor read back as a float64 Matrix.
 *
 * @param t [R, C]
 * @returns a new Matrix [R, C]
 * @throws {RangeError} if t is not 2-D
 */
export function tensorToMatrix(t: tf.Tensor): Matrix {
  if (t.rank !== 2) {
    throw new RangeError(`tensorToMatrix: expected a 2-D tensor, got shape [${t.shape}]`);
  }
  const [rows, cols] = t.shape as [number, number];
  return matrix(rows, cols, Float64Array.from(t.dataSync()));
}

/**
 * A toy data set as tensors: x float32 [N, D]; y int32 [N] for class labels or float32 [N, 1] for
 * regression targets.
 *
 * @param data from makeBlobs, makeSpiral, makeMoons, makeSine or makeLine
 * @returns `{ x, y }`, owned by the caller
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { makeMoons } from "../tasks/toy_data.ts";
 * import { toTensors } from "./to_tensors.ts";
 * const { x, y } = toTensors(makeMoons({ n: 20 }));
 * console.log(x.shape, y.dtype); // [20, 2] "int32"
 * tf.dispose([x, y]);
 * ```
 */
export function toTensors(
  data: ClassificationData | RegressionData,
): { x: tf.Tensor2D; y: tf.Tensor } {
  const x = matrixToTensor(data.x);
  const y = data.y instanceof Int32Array ? tf.tensor1d(data.y, "int32") : matrixToTensor(data.y);
  return { x, y };
}
