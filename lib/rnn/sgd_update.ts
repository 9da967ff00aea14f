/**
 * One plain gradient-descent update of tfjs variables from gradients held as numbers, θ ← θ − η·g:
 * the last line of notebook 05's hand-written training loop, after the loop has measured and
 * clipped the gradient itself (the {@link Trainer} does all of this for the other notebooks).
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/**
 * θ ← θ − step·g for every parameter, in place.
 *
 * @param params name → variable, e.g. `model.params` of a TfSeqModel (`Wx`, `Wh`, `b`, `Wy`, `by`)
 * @param grads "d" + name → gradient values, e.g. `model.lossAndGrads(...).grads`
 * @param step the step size: the learning rate, times the clipping factor if any
 * @throws {RangeError} if a gradient is missing or has the wrong size, or step is not finite
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { sgdUpdate } from "./sgd_update.ts";
 * const w = tf.variable(tf.tensor1d([1, 2]));
 * sgdUpdate({ w }, { dw: Float32Array.of(1, -1) }, 0.5);
 * console.log(Array.from(w.dataSync())); // [0.5, 2.5]
 * w.dispose();
 * ```
 */
export function sgdUpdate(
  params: Record<string, tf.Variable>,
  grads: Record<string, ArrayLike<number>>,
  step: number,
): void {
  if (!Number.isFinite(step)) throw new RangeError(`sgdUpdate: step must be finite, got ${step}`);
  for (const [name, v] of Object.entries(params)) {
    const g = grads[`d${name}`];
    if (!g || g.length !== v.size) {
      throw new RangeError(
        `sgdUpdate: gradient d${name} has ${
          g?.length ?? "no"
        } values, parameter ${name} has ${v.size}`,
      );
    }
    tf.tidy(() => v.assign(v.sub(tf.tensor(g, v.shape).mul(step))));
  }
}
