/**
 * The plain-RNN layer functions in CS231n assignment 3's layout and names (`rnn_step_forward`,
 * `rnn_forward` and their backward passes), on tfjs, so students can cross-check their work against
 * that well-known course material: x [N, D] / [N, T, D], h [N, H] / [N, T, H], Wx [D, H],
 * Wh [H, H], b [H], next_h = tanh(x·Wx + prev_h·Wh + b). Arguments may be nested number arrays or
 * tf tensors. Used in notebook 04 next to the float64 scratch versions (lib/scratch/rnn_cell.ts).
 *
 * They are exported as one namespace object, `cs231n.rnnStepForward(...)` and so on, so their names
 * never clash with the scratch `rnnStepForward` when lib/mod.ts re-exports both. Results are
 * float32 tensors the caller owns (dispose them); the inputs are never disposed. Backward passes
 * use tfjs autograd (`tf.grads` with the upstream gradient), not hand-written derivatives.
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/** A tf tensor or nested number arrays of the right rank. */
export type TensorInput = tf.Tensor | tf.TensorLike;

/** CS231n's cache: the step's inputs as given (nothing here is owned by the cache). */
export interface Cs231nRnnStepCache {
  /** input [N, D] */
  x: TensorInput;
  /** previous hidden state [N, H] */
  prevH: TensorInput;
  /** [D, H] */
  Wx: TensorInput;
  /** [H, H] */
  Wh: TensorInput;
  /** [H] */
  b: TensorInput;
}

/** CS231n's cache for a sequence: the inputs as given. */
export interface Cs231nRnnCache {
  /** inputs [N, T, D] */
  x: TensorInput;
  /** initial hidden state [N, H] */
  h0: TensorInput;
  /** [D, H] */
  Wx: TensorInput;
  /** [H, H] */
  Wh: TensorInput;
  /** [H] */
  b: TensorInput;
}

/** A float32 tensor of the given rank, made from the input inside the caller's tidy. */
function asTensor(fn: string, name: string, v: TensorInput, rank: number): tf.Tensor {
  const t = v instanceof tf.Tensor ? v : tf.tensor(v as tf.TensorLike, undefined, "float32");
  if (t.rank !== rank) {
    throw new RangeError(
      `cs231n.${fn}: ${name} must have rank ${rank}, got shape [${t.shape.join(", ")}]`,
    );
  }
  return t.dtype === "float32" ? t : t.toFloat();
}

/** Check Wx [D, H], Wh [H, H], b [H] against x's D and h's H. */
function checkWeights(
  fn: string,
  D: number | undefined,
  H: number | undefined,
  Wx: tf.Tensor,
  Wh: tf.Tensor,
  b: tf.Tensor,
) {
  const ok = Wx.shape[0] === D && Wx.shape[1] === H && Wh.shape[0] === H && Wh.shape[1] === H &&
    b.shape[0] === H;
  if (!ok) {
    throw new RangeError(
      `cs231n.${fn}: expected Wx [${D}, ${H}], Wh [${H}, ${H}], b [${H}], got Wx [${Wx.shape}], ` +
        `Wh [${Wh.shape}], b [${b.shape}]`,
    );
  }
}

/** The five arguments as float32 tensors: x, h (prevH or h0), Wx, Wh, b. */
type Args = [tf.Tensor, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];

/** next_h = tanh(x·Wx + prev_h·Wh + b)  [N, H] */
function stepMath(
  x: tf.Tensor,
  h: tf.Tensor,
  Wx: tf.Tensor,
  Wh: tf.Tensor,
  b: tf.Tensor,
): tf.Tensor2D {
  const a = tf.add(
    tf.add(
      tf.matMul(x as tf.Tensor2D, Wx as tf.Tensor2D),
      tf.matMul(h as tf.Tensor2D, Wh as tf.Tensor2D),
    ),
    b,
  );
  return tf.tanh(a) as tf.Tensor2D;
}

function seqMath(
  x: tf.Tensor,
  h0: tf.Tensor,
  Wx: tf.Tensor,
  Wh: tf.Tensor,
  b: tf.Tensor,
): tf.Tensor3D {
  const hs: tf.Tensor[] = [];
  let h = h0;
  for (const xt of tf.unstack(x, 1)) hs.push(h = stepMath(xt, h, Wx, Wh, b)); // [N, H]
  return tf.stack(hs, 1) as tf.Tensor3D; // [N, T, H]
}

function stepInputs(fn: string, c: Cs231nRnnStepCache): Args {
  const x = asTensor(fn, "x", c.x, 2), prevH = asTensor(fn, "prevH", c.prevH, 2);
  const Wx = asTensor(fn, "Wx", c.Wx, 2),
    Wh = asTensor(fn, "Wh", c.Wh, 2),
    b = asTensor(fn, "b", c.b, 1);
  if (prevH.shape[0] !== x.shape[0]) {
    throw new RangeError(
      `cs231n.${fn}: x is [${x.shape}] but prevH is [${prevH.shape}]; N must agree`,
    );
  }
  checkWeights(fn, x.shape[1], prevH.shape[1], Wx, Wh, b);
  return [x, prevH, Wx, Wh, b] as Args;
}

function seqInputs(fn: string, c: Cs231nRnnCache): Args {
  const x = asTensor(fn, "x", c.x, 3), h0 = asTensor(fn, "h0", c.h0, 2);
  const Wx = asTensor(fn, "Wx", c.Wx, 2),
    Wh = asTensor(fn, "Wh", c.Wh, 2),
    b = asTensor(fn, "b", c.b, 1);
  if (h0.shape[0] !== x.shape[0] || x.shape[1] === 0) {
    throw new RangeError(
      `cs231n.${fn}: x is [${x.shape}] and h0 is [${h0.shape}]; need N to agree and T > 0`,
    );
  }
  checkWeights(fn, x.shape[2], h0.shape[1], Wx, Wh, b);
  return [x, h0, Wx, Wh, b] as Args;
}

/**
 * CS231n's `rnn_step_forward`: nextH = tanh(x·Wx + prevH·Wh + b).
 *
 * @param x input [N, D]
 * @param prevH previous hidden state [N, H]
 * @param Wx [D, H]
 * @param Wh [H, H]
 * @param b [H]
 * @returns `{ out: nextH [N, H] (float32, caller disposes), cache }`
 * @throws {RangeError} naming the shapes when they do not agree
 */
function rnnStepForward(
  x: TensorInput,
  prevH: TensorInput,
  Wx: TensorInput,
  Wh: TensorInput,
  b: TensorInput,
): { out: tf.Tensor2D; cache: Cs231nRnnStepCache } {
  const cache = { x, prevH, Wx, Wh, b };
  const out = tf.tidy(() => stepMath(...stepInputs("rnnStepForward", cache)));
  return { out, cache };
}

/**
 * CS231n's `rnn_step_backward`, by tfjs autograd given the upstream gradient.
 *
 * @param dnextH ∂L/∂nextH [N, H]
 * @param cache from cs231n.rnnStepForward
 * @returns `{ dx [N, D], dprevH [N, H], dWx [D, H], dWh [H, H], db [H] }` (caller disposes)
 */
function rnnStepBackward(
  dnextH: TensorInput,
  cache: Cs231nRnnStepCache,
): { dx: tf.Tensor; dprevH: tf.Tensor; dWx: tf.Tensor; dWh: tf.Tensor; db: tf.Tensor } {
  return tf.tidy(() => {
    const inputs = stepInputs("rnnStepBackward", cache);
    const dy = asTensor("rnnStepBackward", "dnextH", dnextH, 2);
    const f = (...a: tf.Tensor[]) => stepMath(a[0], a[1], a[2], a[3], a[4]);
    const [dx, dprevH, dWx, dWh, db] = tf.grads(f)(inputs, dy);
    return { dx, dprevH, dWx, dWh, db };
  });
}

/**
 * CS231n's `rnn_forward`: run the step over T time steps.
 *
 * @param x inputs [N, T, D]
 * @param h0 initial hidden state [N, H]
 * @param Wx [D, H]
 * @param Wh [H, H]
 * @param b [H]
 * @returns `{ out: h [N, T, H] (float32, caller disposes), cache }`
 * @throws {RangeError} naming the shapes when they do not agree
 */
function rnnForward(
  x: TensorInput,
  h0: TensorInput,
  Wx: TensorInput,
  Wh: TensorInput,
  b: TensorInput,
): { out: tf.Tensor3D; cache: Cs231nRnnCache } {
  const cache = { x, h0, Wx, Wh, b };
  const out = tf.tidy(() => seqMath(...seqInputs("rnnForward", cache)));
  return { out, cache };
}

/**
 * CS231n's `rnn_backward`, by tfjs autograd given the upstream gradient for every step.
 *
 * @param dh ∂L/∂h [N, T, H]
 * @param cache from cs231n.rnnForward
 * @returns `{ dx [N, T, D], dh0 [N, H], dWx [D, H], dWh [H, H], db [H] }` (caller disposes)
 */
function rnnBackward(
  dh: TensorInput,
  cache: Cs231nRnnCache,
): { dx: tf.Tensor; dh0: tf.Tensor; dWx: tf.Tensor; dWh: tf.Tensor; db: tf.Tensor } {
  return tf.tidy(() => {
    const inputs = seqInputs("rnnBackward", cache);
    const dy = asTensor("rnnBackward", "dh", dh, 3);
    const f = (...a: tf.Tensor[]) => seqMath(a[0], a[1], a[2], a[3], a[4]);
    const [dx, dh0, dWx, dWh, db] = tf.grads(f)(inputs, dy);
    return { dx, dh0, dWx, dWh, db };
  });
}

/**
 * CS231n assignment 3's plain-RNN layer functions on tfjs, under one name so they do not clash with
 * the scratch versions: `cs231n.rnnStepForward(x, prevH, Wx, Wh, b)`,
 * `cs231n.rnnStepBackward(dnextH, cache)`, `cs231n.rnnForward(x, h0, Wx, Wh, b)` and
 * `cs231n.rnnBackward(dh, cache)`. Inputs: nested arrays or tensors (x [N, D] or [N, T, D],
 * h [N, H], Wx [D, H], Wh [H, H], b [H]); outputs: float32 tensors the caller disposes.
 *
 * @example CS231n's rnn_step_forward check (linspace inputs, expected values from the assignment)
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { cs231n } from "./cs231n.ts";
 * const lin = (a: number, b: number, n: number, shape: number[]) =>
 *   tf.linspace(a, b, n).reshape(shape);
 * const [N, D, H] = [3, 10, 4];
 * const { out } = cs231n.rnnStepForward(
 *   lin(-0.4, 0.7, N * D, [N, D]), lin(-0.2, 0.5, N * H, [N, H]),
 *   lin(-0.1, 0.9, D * H, [D, H]), lin(-0.3, 0.7, H * H, [H, H]), tf.linspace(-0.2, 0.4, H),
 * );
 * console.log(out.arraySync()[0]); // ≈ [-0.58172089, -0.50182032, -0.41232771, -0.31410098]
 * ```
 * @see notebook 04, "Cross-check with CS231n"
 */
export const cs231n = { rnnStepForward, rnnStepBackward, rnnForward, rnnBackward } as const;
