/**
 * The vanilla (Elman) RNN over a whole sequence as one custom tfjs op with a hand-written BPTT, the
 * fast path of notebooks 04–05 and 07: h_t = act(x_t·Wx + h_{t-1}·Wh + b) with act tanh (default,
 * as PyTorch's nn.RNN and lib/scratch/rnn_cell.ts), relu, or linear (the "no squashing" case of
 * notebook 05). Speed recipe as lib/kernels/lstm_fused.ts.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { dims, KernelCtx } from "./_kernel_ctx.ts";
import {
  fusedOp,
  hiddenWeightGrad,
  idSums,
  projectInputs,
  projectInputsBackward,
  scaledColumns,
  type SeqInfo,
  seqInfo,
  type SeqInput,
} from "./_fused_common.ts";
import { firstBackwardStep, gateGradBuffer, reportBackwardStep } from "./_fused_bptt.ts";
import type { FusedOptions } from "./_fused_common.ts";

import type { RnnActivation } from "../shapes/seq_input.ts";
export type { RnnActivation } from "../shapes/seq_input.ts";

/**
 * Run a vanilla RNN over a sequence, fused.
 *
 * @param x inputs // [N, T, D] (or [T, N, D] with `timeMajor`), or `{ ids, table }` (ids [N, T])
 * @param h0 initial hidden state // [N, H]
 * @param Wx input weights // [D, H]
 * @param Wh recurrent weights // [H, H]
 * @param b bias // [H]
 * @param opts layout, final-state callback, BPTT hook, truncation and `activation` (default "tanh")
 * @returns the hidden states of every step // [N, T, H] (or [T, N, H])
 * @throws {RangeError} on inconsistent shapes, an unknown activation or a truncate outside [1, T]
 * @example One layer over a batch
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { rnnFused } from "./rnn_fused.ts";
 * const h = rnnFused(tf.ones([2, 3, 4]), tf.zeros([2, 5]), tf.ones([4, 5]), tf.eye(5), tf.zeros([5]));
 * console.log(h.shape); // [2, 3, 5]
 * ```
 * @see notebooks/04_rnn.ipynb; Karpathy (2015) "The Unreasonable Effectiveness of RNNs"
 */
export function rnnFused(
  x: SeqInput,
  h0: tf.Tensor,
  Wx: tf.Tensor,
  Wh: tf.Tensor,
  b: tf.Tensor,
  opts: FusedOptions & { activation?: RnnActivation } = {},
): tf.Tensor {
  const act = opts.activation ?? "tanh";
  if (!["tanh", "relu", "linear"].includes(act)) {
    throw new RangeError(`rnnFused: activation must be "tanh", "relu" or "linear", got "${act}"`);
  }
  const s = seqInfo("rnnFused", x, h0, Wx, Wh, b, 1, opts.timeMajor);
  const t0 = firstBackwardStep("rnnFused", opts, s.T);
  return fusedOp(
    [s.diff, h0, Wx, Wh, b],
    () => {
      const { saved, value } = rnnForward(s, h0, Wx, Wh, b, act, opts);
      return { saved: [...saved, value], value };
    },
    (dy, kept) => rnnBackward(s, act, dy, kept, t0, opts.onBackwardStep),
  );
}

function rnnForward(
  s: SeqInfo,
  h0: tf.Tensor,
  Wx: tf.Tensor,
  Wh: tf.Tensor,
  b: tf.Tensor,
  act: RnnActivation,
  opts: FusedOptions,
): { saved: tf.Tensor[]; value: tf.Tensor } {
  const ctx = new KernelCtx();
  const { N, T, row } = s, H = dims(Wh)[0], R = T * N;
  // For tanh, pre-activations are doubled: tanh(u) = 2σ(2u) − 1 with one vectorised sigmoid call.
  const scale = act === "tanh" ? new Float32Array(H).fill(2) : undefined;
  const Xp = projectInputs(ctx, s, Wx, ctx.view(ctx.asInfo(b)).slice(), scale); // [T*N, H]
  const WhS = scale ? scaledColumns(ctx, ctx.asInfo(Wh), scale) : ctx.asInfo(Wh);
  const out = ctx.alloc([R, H]), Hprev = ctx.alloc([R, H]);
  const hb = ctx.alloc([N, H]), pre = ctx.alloc([N, H]);
  ctx.view(hb).set(ctx.view(ctx.asInfo(h0)));
  for (let t = 0; t < T; t++) {
    const zh = ctx.matMul(hb, WhS); // [N, H]
    {
      const p = ctx.view(pre), xp = ctx.view(Xp), z = ctx.view(zh), h = ctx.view(hb);
      const hp = ctx.view(Hprev);
      for (let n = 0; n < N; n++) {
        const r = row(t, n);
        hp.set(h.subarray(n * H, n * H + H), r * H);
        for (let j = 0, k = n * H, q = r * H; j < H; j++) p[k + j] = xp[q + j] + z[k + j];
      }
    }
    const sg = act === "tanh" ? ctx.sigmoid(pre) : undefined;
    const v = ctx.view(sg ?? pre), h = ctx.view(hb), hs = ctx.view(out);
    for (let n = 0; n < N; n++) {
      const r = row(t, n);
      for (let j = 0, k = n * H; j < H; j++) {
        const u = v[k + j];
        h[k + j] = hs[r * H + j] = act === "tanh"
          ? 2 * u - 1
          : act === "relu"
          ? (u > 0 ? u : 0)
          : u;
      }
    }
    ctx.free(zh);
    if (sg) ctx.free(sg);
  }
  opts.onFinalState?.(ctx.view(hb).slice());
  ctx.free(Xp, hb, pre);
  if (scale) ctx.free(WhS);
  const saved = [s.diff, Wx, Wh, ctx.toTensor(Hprev)];
  return { saved, value: ctx.toTensor(out, s.timeMajor ? [T, N, H] : [N, T, H]) };
}

/** BPTT through the fused RNN over steps t0..T−1: returns [dInput, dh0, dWx, dWh, db]. */
function rnnBackward(
  s: SeqInfo,
  act: RnnActivation,
  dy: tf.Tensor,
  saved: tf.Tensor[],
  t0: number,
  hook: FusedOptions["onBackwardStep"],
): tf.Tensor[] {
  const [diff, Wx, Wh, tHprev, tOut] = saved;
  const ctx = new KernelCtx();
  const { N, T, row } = s, H = dims(Wh)[0], R = T * N;
  const dAT = gateGradBuffer(ctx, [H, R], t0);
  const dA = s.ids ? undefined : gateGradBuffer(ctx, [R, H], t0);
  const dEW = idSums(ctx, s, H), ids = s.ids ?? new Int32Array(0); // summed per input id
  const dz = ctx.alloc([N, H]);
  const WhT = ctx.transpose(ctx.asInfo(Wh)); // [H, H]
  const dh = new Float32Array(N * H);
  for (let t = T - 1; t >= t0; t--) {
    const dyv = ctx.view(ctx.asInfo(dy)), hv = ctx.view(ctx.asInfo(tOut));
    if (hook) reportBackwardStep(s, t, H, dyv, dh, hook);
    const at = ctx.view(dAT), dzv = ctx.view(dz), da = dA ? ctx.view(dA) : undefined;
    const ew = dEW ? ctx.view(dEW) : undefined;
    const r0 = row(t, 0), rs = N > 1 ? row(t, 1) - r0 : 1;
    for (let j = 0; j < H; j++) {
      for (let n = 0; n < N; n++) {
        const r = r0 + n * rs, k = n * H + j, rh = r * H + j, h = hv[rh];
        const slope = act === "tanh" ? 1 - h * h : act === "relu" ? (h > 0 ? 1 : 0) : 1;
        const g = (dyv[rh] + dh[k]) * slope; // ∂L/∂(pre-activation)
        at[j * R + r] = dzv[k] = g;
        if (da) da[rh] = g;
        if (ew) ew[ids[r] * H + j] += g;
      }
    }
    const dhp = ctx.matMul(dz, WhT); // [N, H] = ∂L/∂h_{t-1}
    dh.set(ctx.view(dhp));
    ctx.free(dhp);
  }
  ctx.free(dz, WhT);
  if (t0 > 0) dh.fill(0); // the gradient stops at step t0: none reaches h0
  const { dWh } = hiddenWeightGrad(ctx, ctx.asInfo(tHprev), dAT);
  const { dIn, dWx, db } = projectInputsBackward(ctx, { ...s, diff }, Wx, { dAT, dA, dEW });
  ctx.free(dAT);
  for (const b of [dA, dEW]) if (b) ctx.free(b);
  return [dIn, tf.tensor2d(dh, [N, H]), dWx, dWh, db];
}
