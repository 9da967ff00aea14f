/**
 * Internal: what the fused LSTM, GRU and RNN ops share: argument checks, the sequence layout
 * (batch-first or time-major rows, both without any transpose), the input projection of all
 * steps as one matMul (or, for character ids, a row gather from the tiny table E·Wx), and its
 * backward pass as one matMul per gradient.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { Info, KernelCtx } from "./_kernel_ctx.ts";
import { dims, type SeqInfo } from "../shapes/seq_input.ts";
export type { EmbeddedIds, FusedOptions, SeqInfo, SeqInput } from "../shapes/seq_input.ts";
export { seqInfo } from "../shapes/seq_input.ts";

/**
 * The input projection of every step at once, Xp = (X·Wx + b) ⊙ scale, as one fused matMul (or, for
 * ids, the rows of the tiny table (E·Wx + b) ⊙ scale) // [T*N, G]
 *
 * @param ctx kernel context
 * @param s the input description (rows in its layout)
 * @param Wx input weights // [D, G]
 * @param bias biases, as values // [G]
 * @param scale optional per-column factors (2 where a tanh is computed as 2σ(2u) − 1) // [G]
 * @returns a buffer the caller frees
 */
export function projectInputs(
  ctx: KernelCtx,
  s: SeqInfo,
  Wx: tf.Tensor,
  bias: Float32Array,
  scale?: Float32Array,
): Info {
  const { N, T, D } = s, G = dims(Wx)[1];
  const W = scale ? scaledColumns(ctx, ctx.asInfo(Wx), scale) : ctx.asInfo(Wx);
  const b = ctx.alloc([G]); // rank 1, as the fused matMul kernel requires
  const bv = ctx.view(b);
  for (let j = 0; j < G; j++) bv[j] = scale ? bias[j] * scale[j] : bias[j];
  let Xp: Info;
  if (!s.ids) {
    Xp = ctx.matMulBias(ctx.asInfo(s.diff, [N * T, D]), W, b);
  } else {
    const EW = ctx.matMulBias(ctx.asInfo(s.diff), W, b); // [V, G]
    Xp = ctx.alloc([N * T, G]);
    const ew = ctx.view(EW), xp = ctx.view(Xp), ids = s.ids;
    for (let r = 0; r < ids.length; r++) xp.set(ew.subarray(ids[r] * G, ids[r] * G + G), r * G);
    ctx.free(EW);
  }
  ctx.free(b);
  if (scale) ctx.free(W);
  return Xp;
}

/**
 * A copy of a 2-D buffer with column j multiplied by scale[j].
 *
 * @param ctx kernel context
 * @param w the buffer // [K, G]
 * @param scale per-column factors // [G]
 * @returns a new buffer the caller frees // [K, G]
 */
export function scaledColumns(ctx: KernelCtx, w: Info, scale: Float32Array): Info {
  const [K, G] = dims(w), out = ctx.alloc([K, G]);
  const src = ctx.view(w), dst = ctx.view(out);
  for (let i = 0; i < K * G; i += G) for (let j = 0; j < G; j++) dst[i + j] = src[i + j] * scale[j];
  return out;
}

/** Gradients of the input projection. */
export interface ProjectionGrads {
  /** ∂L/∂x [N, T, D] or ∂L/∂table [V, D] */
  dIn: tf.Tensor;
  /** ∂L/∂Wx // [D, G] */
  dWx: tf.Tensor;
  /** ∂L/∂b = column sums of dA // [G] */
  db: tf.Tensor;
}

/** The gate gradients of all steps, as the backward loops write them. */
export interface GateGrads {
  /** ∂L/∂a through the input path, transposed // [G, T*N] (dense inputs) */
  dAT?: Info;
  /** the same, untransposed // [T*N, G] (dense inputs) */
  dA?: Info;
  /** the same summed per input id // [V, G] (ids inputs) */
  dEW?: Info;
}

/**
 * A zero [V, G] buffer for the per-id sums of the gate gradients (ids inputs only).
 *
 * @param ctx kernel context
 * @param s the input description
 * @param G gate columns
 * @returns the buffer, or undefined for dense inputs
 */
export function idSums(ctx: KernelCtx, s: SeqInfo, G: number): Info | undefined {
  return s.ids ? ctx.zeros([dims(s.diff)[0], G]) : undefined;
}

/**
 * Backward of {@link projectInputs} and of the bias, one matMul per gradient over all steps
 * (cuDNN's trick). The big gate-gradient matrix is used transposed, dAᵀ [G, T*N], as the LEFT
 * operand: tfjs-wasm (XNNPACK) re-packs its right operand on every call, which costs as much as
 * the product itself for a [T*N, G] matrix. Dense inputs: dWxᵀ = dAᵀ·X, db = row sums of dAᵀ,
 * dx = dA·Wxᵀ. Ids: the backward loop already summed dA per id into dEW [V, G], so
 * dtable = dEW·Wxᵀ, dWxᵀ = dEWᵀ·table and db = column sums of dEW. The caller frees the buffers.
 *
 * @param ctx kernel context
 * @param s the input description (its `diff` must still be alive)
 * @param Wx input weights // [D, G]
 * @param g dAT and dA (dense) or dEW (ids)
 */
export function projectInputsBackward(
  ctx: KernelCtx,
  s: SeqInfo,
  Wx: tf.Tensor,
  g: GateGrads,
): ProjectionGrads {
  const { N, T, D } = s, G = dims(Wx)[1], R = N * T;
  const bias = new Float32Array(G);
  const WxT = ctx.transpose(ctx.asInfo(Wx)); // [G, D]
  let dWxT: Info, dIn: tf.Tensor;
  if (g.dEW) {
    const V = dims(s.diff)[0], d = ctx.view(g.dEW);
    for (let v = 0; v < V; v++) for (let j = 0; j < G; j++) bias[j] += d[v * G + j];
    const dEWT = ctx.transpose(g.dEW); // [G, V]
    dWxT = ctx.matMul(dEWT, ctx.asInfo(s.diff)); // [G, D]
    dIn = ctx.toTensor(ctx.matMul(g.dEW, WxT), dims(s.diff));
    ctx.free(dEWT);
  } else {
    if (!g.dA || !g.dAT) throw new Error("projectInputsBackward: dense inputs need dA and dAT");
    const at = ctx.view(g.dAT);
    for (let j = 0; j < G; j++) {
      let sum = 0;
      for (let r = j * R, e = r + R; r < e; r++) sum += at[r];
      bias[j] = sum;
    }
    dWxT = ctx.matMul(g.dAT, ctx.asInfo(s.diff, [R, D])); // [G, D]
    dIn = ctx.toTensor(ctx.matMul(g.dA, WxT), dims(s.diff));
  }
  const db = tf.tensor1d(bias);
  const dWx = ctx.toTensor(ctx.transpose(dWxT), [D, G]);
  ctx.free(WxT, dWxT);
  return { dIn, dWx, db };
}

/**
 * The hidden-weight gradient of all steps as one matMul, dWh = (dAᵀ·Hprev)ᵀ, with the big dAᵀ on
 * the left (see {@link projectInputsBackward}), and optionally the hidden bias gradient, the row
 * sums of dAᵀ. The caller frees dAT.
 *
 * @param ctx kernel context
 * @param Hprev h_{t-1} of every step // [T*N, H]
 * @param dAT ∂L/∂(hPrev·Wh) of every step, transposed, same row order // [G, T*N]
 * @param withBias also return dbh
 * @returns dWh [H, G] and, if asked, dbh [G]
 */
export function hiddenWeightGrad(
  ctx: KernelCtx,
  Hprev: Info,
  dAT: Info,
  withBias = false,
): { dWh: tf.Tensor; dbh?: tf.Tensor } {
  const [G, R] = dims(dAT);
  const dWhT = ctx.matMul(dAT, Hprev); // [G, H]
  const dWh = ctx.toTensor(ctx.transpose(dWhT), [dims(Hprev)[1], G]);
  ctx.free(dWhT);
  if (!withBias) return { dWh };
  const sums = new Float32Array(G), at = ctx.view(dAT);
  for (let j = 0; j < G; j++) {
    let sum = 0;
    for (let r = j * R, e = r + R; r < e; r++) sum += at[r];
    sums[j] = sum;
  }
  return { dWh, dbh: tf.tensor1d(sums) };
}

/**
 * Wrap a fused forward pass and its hand-written backward pass as one differentiable tfjs op
 * (`tf.customGrad`): `forward` runs once and returns the output and the tensors to keep;
 * `backward` gets the output's gradient and those tensors, and returns one gradient per input.
 *
 * @param inputs the op's differentiable inputs, in the order `backward` returns their gradients
 * @param forward computes the output and the tensors the backward pass needs
 * @param backward BPTT: (∂L/∂output, kept tensors) → a gradient per input
 * @returns the output
 */
export function fusedOp(
  inputs: tf.Tensor[],
  forward: () => { saved: tf.Tensor[]; value: tf.Tensor },
  backward: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[],
): tf.Tensor {
  const op = tf.customGrad((...args: unknown[]) => {
    const save = args[inputs.length] as tf.GradSaveFunc; // customGrad appends `save`
    const { saved, value } = forward();
    save(saved);
    const gradFunc = (dy: tf.Tensor | tf.Tensor[], kept: tf.Tensor[]) =>
      backward(dy as tf.Tensor, kept);
    return { value, gradFunc };
  });
  return op(...inputs);
}
