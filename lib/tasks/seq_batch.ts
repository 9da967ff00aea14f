/**
 * A random mini-batch of a sequence-classification task, as plain arrays: what one iteration of a
 * hand-written training loop (notebook 05's clipping loop, d2l style) feeds to a model's
 * `lossAndGrads`.
 * @module
 */
import type { Rng } from "../util/rng.ts";
import type { SequenceClassificationData } from "./seq_tasks.ts";

/**
 * Draw B sequences (with replacement) of a task.
 *
 * @param data the task (ids [N, T], y [N])
 * @param B batch size, ≥ 1
 * @param rng the generator (advanced by B draws)
 * @returns `{ ids [B, T], shape [B, T], y [B], distance [B] }`
 * @throws {RangeError} if B is not a positive integer
 * @example
 * ```ts
 * import { longDependencyTask } from "./seq_tasks.ts";
 * import { seqBatch } from "./seq_batch.ts";
 * import { Rng } from "../util/rng.ts";
 * const b = seqBatch(longDependencyTask({ n: 10, maxDistance: 4 }), 3, new Rng(0));
 * console.log(b.shape, b.y.length); // [3, 5] 3
 * ```
 */
export function seqBatch(data: SequenceClassificationData, B: number, rng: Rng): {
  ids: Int32Array;
  shape: [number, number];
  y: Int32Array;
  distance: Int32Array;
} {
  if (!(Number.isInteger(B) && B >= 1)) {
    throw new RangeError(`seqBatch: batch size must be a positive integer, got ${B}`);
  }
  const [N, T] = data.shape;
  const ids = new Int32Array(B * T), y = new Int32Array(B), distance = new Int32Array(B);
  for (let i = 0; i < B; i++) {
    const r = rng.int(N);
    ids.set(data.ids.subarray(r * T, (r + 1) * T), i * T);
    y[i] = data.y[r];
    distance[i] = data.distance[r];
  }
  return { ids, shape: [B, T], y, distance };
}
