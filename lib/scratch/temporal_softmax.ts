/**
 * The temporal softmax cross-entropy of a sequence model (CS231n assignment 3's
 * `temporal_softmax_loss`): a softmax over V classes at every one of the N·T positions of a batch,
 * the next-character loss of notebook 07. Unlike CS231n, which sums over time and averages over N,
 * the course's loss is the mean over the counted positions (nats per character, as `tf.losses`,
 * PyTorch's `cross_entropy` and nanoGPT report it). An optional mask leaves positions out (padding).
 * @module
 */
import { type Tensor3, tensor3 } from "./tensor3.ts";

/**
 * Mean softmax cross-entropy over the positions of a [N, T, V] batch, and its gradient:
 * L = −(1/M) Σ_{n,t} mask[n,t] · log softmax(logits[n, t])[y[n, t]] with M = Σ mask (N·T without a
 * mask), dL/dlogits[n, t] = mask[n,t] · (softmax(logits[n, t]) − onehot(y[n, t])) / M.
 *
 * @param logits scores [N, T, V]
 * @param y target ids, row-major // [N * T], integers in [0, V)
 * @param mask optional weights, 1 = count, 0 = ignore // [N * T]
 * @returns `{ loss, dLogits [N, T, V] }`
 * @throws {RangeError} if y or mask has the wrong length, a target is out of range, or the mask
 *   counts no position
 * @example Uniform logits give ln V
 * ```ts
 * import { temporalSoftmaxLoss } from "./temporal_softmax.ts";
 * import { tensor3 } from "./tensor3.ts";
 * const { loss } = temporalSoftmaxLoss(tensor3(2, 3, 4), Int32Array.of(0, 1, 2, 3, 0, 1));
 * console.log(loss.toFixed(4)); // "1.3863"
 * ```
 * @see notebooks/07_char_lstm.ipynb, "A min-char-rnn you can read"; CS231n assignment 3
 */
export function temporalSoftmaxLoss(
  logits: Tensor3,
  y: ArrayLike<number>,
  mask?: ArrayLike<number>,
): { loss: number; dLogits: Tensor3 } {
  const [N, T, V] = logits.shape;
  if (y.length !== N * T) {
    throw new RangeError(
      `temporalSoftmaxLoss: logits are [${logits.shape}], so y needs N·T = ${
        N * T
      } ids, got ${y.length}`,
    );
  }
  if (mask && mask.length !== N * T) {
    throw new RangeError(
      `temporalSoftmaxLoss: mask needs N·T = ${N * T} entries, got ${mask.length}`,
    );
  }
  let M = 0;
  for (let i = 0; i < N * T; i++) M += mask ? mask[i] : 1;
  if (!(M > 0)) throw new RangeError("temporalSoftmaxLoss: the mask counts no position");
  const dLogits = tensor3(N, T, V);
  let loss = 0;
  for (let i = 0; i < N * T; i++) {
    const target = y[i];
    if (!Number.isInteger(target) || target < 0 || target >= V) {
      throw new RangeError(`temporalSoftmaxLoss: y[${i}] = ${target} is outside [0, ${V})`);
    }
    const w = mask ? mask[i] : 1;
    if (w === 0) continue;
    const z = logits.data.subarray(i * V, (i + 1) * V), d = dLogits.data.subarray(i * V);
    let m = -Infinity;
    for (let v = 0; v < V; v++) m = Math.max(m, z[v]); // shift by the max: exp never overflows
    let sum = 0;
    for (let v = 0; v < V; v++) sum += d[v] = Math.exp(z[v] - m);
    loss += w * (m + Math.log(sum) - z[target]); // −log p[y] = log-sum-exp(z) − z_y
    for (let v = 0; v < V; v++) d[v] *= w / (sum * M); // w · p / M
    d[target] -= w / M; // − w · onehot(y) / M
  }
  return { loss: loss / M, dLogits };
}
