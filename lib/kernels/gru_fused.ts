/**
 * The GRU over a whole sequence as one custom tfjs op with a hand-written backward pass, the fast
 * path of notebooks 06–07. It computes PyTorch's (cuDNN's) "reset after" variant, the default of
 * lib/scratch/gru_cell.ts and of {@link gruPlain}, with column blocks r | z | n:
 *   r = σ(x·Wx_r + bx_r + hPrev·Wh_r + bh_r),  z = σ(x·Wx_z + bx_z + hPrev·Wh_z + bh_z),
 *   n = tanh(x·Wx_n + bx_n + r ⊙ (hPrev·Wh_n + bh_n)),  h = (1 − z) ⊙ n + z ⊙ hPrev.
 * bx and bh are PyTorch's bias_ih and bias_hh unchanged. Speed recipe as lib/kernels/lstm_fused.ts.
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
  type SeqInfo,
  seqInfo,
  type SeqInput,
} from "./_fused_common.ts";
import { firstBackwardStep, gateGradBuffer, reportBackwardStep } from "./_fused_bptt.ts";
import type { FusedOptions } from "./_fused_common.ts";

/**
 * Run a GRU (reset-after variant) over a sequence, fused.
 *
 * @param x inputs // [N, T, D] (or [T, N, D] with `timeMajor`), or `{ ids, table }` (ids [N, T])
 * @param h0 initial hidden state // [N, H]
 * @param Wx input-to-gates weights, blocks r|z|n // [D, 3H]
 * @param Wh hidden-to-gates weights // [H, 3H]
 * @param bx input biases (PyTorch's bias_ih) // [3H]
 * @param bh hidden biases (PyTorch's bias_hh; bh_n sits inside r ⊙ ·) // [3H]
 * @param opts layout, final-state callback, BPTT hook (`onBackwardStep`) and truncation
 * @returns the hidden states of every step // [N, T, H] (or [T, N, H])
 * @throws {RangeError} on inconsistent shapes or a truncate outside [1, T]; {Error} on a backend
 *   other than wasm/cpu
 * @example Gradients like any tfjs op
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { gruFused } from "./gru_fused.ts";
 * const [N, T, D, H] = [2, 3, 4, 5];
 * const x = tf.randomNormal([N, T, D]), h0 = tf.zeros([N, H]);
 * const Wx = tf.randomNormal([D, 3 * H]), Wh = tf.randomNormal([H, 3 * H]), b = tf.zeros([3 * H]);
 * console.log(gruFused(x, h0, Wx, Wh, b, b).shape); // [2, 3, 5]
 * ```
 * @see notebooks/06_lstm_gru.ipynb; Cho et al. (2014)
 */
export function gruFused(
  x: SeqInput,
  h0: tf.Tensor,
  Wx: tf.Tensor,
  Wh: tf.Tensor,
  bx: tf.Tensor,
  bh: tf.Tensor,
  opts: FusedOptions = {},
): tf.Tensor {
  const s = seqInfo("gruFused", x, h0, Wx, Wh, bx, 3, opts.timeMajor);
  const t0 = firstBackwardStep("gruFused", opts, s.T);
  if (bh.shape.join() !== bx.shape.join()) {
    throw new RangeError(`gruFused: bh [${bh.shape}] must have the shape of bx [${bx.shape}]`);
  }
  return fusedOp(
    [s.diff, h0, Wx, Wh, bx, bh],
    () => gruForward(s, h0, Wx, Wh, bx, bh, opts),
    (dy, kept) => gruBackward(s, dy, kept, t0, opts.onBackwardStep),
  );
}

function gruForward(
  s: SeqInfo,
  h0: tf.Tensor,
  Wx: tf.Tensor,
  Wh: tf.Tensor,
  bx: tf.Tensor,
  bh: tf.Tensor,
  opts: FusedOptions,
): { saved: tf.Tensor[]; value: tf.Tensor } {
  const ctx = new KernelCtx();
  const { N, T, row } = s, H = dims(Wh)[0], G = 3 * H, R = T * N;
  const bxv = ctx.view(ctx.asInfo(bx)), bhv = ctx.view(ctx.asInfo(bh)).slice();
  const bias = bxv.map((v, j) => j < 2 * H ? v + bhv[j] : v); // bh_r, bh_z fold into Xp
  const Xp = projectInputs(ctx, s, Wx, bias); // [T*N, 3H]
  const out = ctx.alloc([R, H]), Hprev = ctx.alloc([R, H]);
  const A = ctx.alloc([R, G]), HN = ctx.alloc([R, H]); // r|z|n, and hPrev·Wh_n + bh_n
  const hb = ctx.alloc([N, H]), pre = ctx.alloc([N, 2 * H]), pn = ctx.alloc([N, H]);
  ctx.view(hb).set(ctx.view(ctx.asInfo(h0)));
  const WhI = ctx.asInfo(Wh);
  for (let t = 0; t < T; t++) {
    const zh = ctx.matMul(hb, WhI); // [N, 3H]
    {
      const p = ctx.view(pre), xp = ctx.view(Xp), z = ctx.view(zh), h = ctx.view(hb);
      const hp = ctx.view(Hprev);
      for (let n = 0; n < N; n++) {
        const r = row(t, n);
        hp.set(h.subarray(n * H, n * H + H), r * H);
        for (let j = 0, k = n * 2 * H, q = r * G, m = n * G; j < 2 * H; j++) {
          p[k + j] = xp[q + j] + z[m + j];
        }
      }
    }
    const sg = ctx.sigmoid(pre); // [N, 2H]: r | z
    {
      const sv = ctx.view(sg), xp = ctx.view(Xp), z = ctx.view(zh), a = ctx.view(A);
      const hn = ctx.view(HN), p = ctx.view(pn);
      for (let n = 0; n < N; n++) {
        const r = row(t, n), q = r * G;
        for (let j = 0; j < H; j++) {
          const rg = sv[n * 2 * H + j], u = z[n * G + 2 * H + j] + bhv[2 * H + j];
          a[q + j] = rg;
          a[q + H + j] = sv[n * 2 * H + H + j];
          hn[r * H + j] = u;
          p[n * H + j] = 2 * (xp[q + 2 * H + j] + rg * u); // tanh(v) = 2σ(2v) − 1
        }
      }
    }
    const sn = ctx.sigmoid(pn); // [N, H]
    {
      const sv = ctx.view(sn), a = ctx.view(A), h = ctx.view(hb), hs = ctx.view(out);
      for (let n = 0; n < N; n++) {
        const r = row(t, n), q = r * G;
        for (let j = 0; j < H; j++) {
          const nn = 2 * sv[n * H + j] - 1, zg = a[q + H + j];
          a[q + 2 * H + j] = nn;
          h[n * H + j] = hs[r * H + j] = (1 - zg) * nn + zg * h[n * H + j];
        }
      }
    }
    ctx.free(zh, sg, sn);
  }
  opts.onFinalState?.(ctx.view(hb).slice());
  ctx.free(Xp, hb, pre, pn);
  const saved = [s.diff, Wx, Wh, ctx.toTensor(A), ctx.toTensor(HN), ctx.toTensor(Hprev)];
  return { saved, value: ctx.toTensor(out, s.timeMajor ? [T, N, H] : [N, T, H]) };
}

/** BPTT through the fused GRU over steps t0..T−1: returns [dInput, dh0, dWx, dWh, dbx, dbh]. */
function gruBackward(
  s: SeqInfo,
  dy: tf.Tensor,
  saved: tf.Tensor[],
  t0: number,
  hook: FusedOptions["onBackwardStep"],
): tf.Tensor[] {
  const [diff, Wx, Wh, tA, tHN, tHprev] = saved;
  const ctx = new KernelCtx();
  const { N, T, row } = s, H = dims(Wh)[0], G = 3 * H, R = T * N;
  // Through the input path ∂L/∂a = [dr, dz, dn]; through hPrev·Wh it is [dr, dz, r ⊙ dn].
  const dAhT = gateGradBuffer(ctx, [G, R], t0), dz = ctx.alloc([N, G]);
  const dAxT = s.ids ? undefined : gateGradBuffer(ctx, [G, R], t0);
  const dAx = s.ids ? undefined : gateGradBuffer(ctx, [R, G], t0);
  const dEW = idSums(ctx, s, G), ids = s.ids ?? new Int32Array(0); // input path, summed per id
  const WhT = ctx.transpose(ctx.asInfo(Wh)); // [3H, H]
  const dh = new Float32Array(N * H);
  for (let t = T - 1; t >= t0; t--) {
    const dyv = ctx.view(ctx.asInfo(dy)), a = ctx.view(ctx.asInfo(tA));
    if (hook) reportBackwardStep(s, t, H, dyv, dh, hook);
    const hnv = ctx.view(ctx.asInfo(tHN)), hpv = ctx.view(ctx.asInfo(tHprev));
    const ht = ctx.view(dAhT), dzv = ctx.view(dz);
    const xt = dAxT ? ctx.view(dAxT) : undefined, da = dAx ? ctx.view(dAx) : undefined;
    const ew = dEW ? ctx.view(dEW) : undefined;
    const r0 = row(t, 0), rs = N > 1 ? row(t, 1) - r0 : 1;
    for (let j = 0; j < H; j++) {
      for (let n = 0; n < N; n++) {
        const r = r0 + n * rs, q = r * G + j, m = n * G + j, k = n * H + j, rh = r * H + j;
        const rg = a[q], zg = a[q + H], nn = a[q + 2 * H], hn = hnv[rh];
        const dht = dyv[rh] + dh[k];
        dh[k] = dht * zg; // the direct path z ⊙ hPrev; the matMul path is added below
        const dan = dht * (1 - zg) * (1 - nn * nn);
        const dar = dan * hn * rg * (1 - rg), daz = dht * (hpv[rh] - nn) * zg * (1 - zg);
        const w = j * R + r;
        ht[w] = dzv[m] = dar;
        ht[w + H * R] = dzv[m + H] = daz;
        ht[w + 2 * H * R] = dzv[m + 2 * H] = dan * rg;
        if (xt && da) {
          xt[w] = da[q] = dar;
          xt[w + H * R] = da[q + H] = daz;
          xt[w + 2 * H * R] = da[q + 2 * H] = dan;
        }
        if (ew) {
          const e = ids[r] * G + j;
          ew[e] += dar;
          ew[e + H] += daz;
          ew[e + 2 * H] += dan;
        }
      }
    }
    const dhp = ctx.matMul(dz, WhT); // [N, H]
    const v = ctx.view(dhp);
    for (let k = 0; k < N * H; k++) dh[k] += v[k];
    ctx.free(dhp);
  }
  ctx.free(dz, WhT);
  if (t0 > 0) dh.fill(0); // the gradient stops at step t0: none reaches h0
  const { dWh, dbh } = hiddenWeightGrad(ctx, ctx.asInfo(tHprev), dAhT, true);
  const { dIn, dWx, db } = projectInputsBackward(ctx, { ...s, diff }, Wx, {
    dAT: dAxT,
    dA: dAx,
    dEW,
  });
  ctx.free(dAhT);
  for (const b of [dAxT, dAx, dEW]) if (b) ctx.free(b);
  return [dIn, tf.tensor2d(dh, [N, H]), dWx, dWh, db, dbh!];
}
