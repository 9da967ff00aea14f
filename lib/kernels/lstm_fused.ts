/**
 * The LSTM over a whole sequence as one custom tfjs op with a hand-written backward pass (BPTT), the
 * fast path every notebook and the char LM train through. Same math and layout as
 * lib/scratch/lstm_cell.ts and {@link lstmPlain}: gates a = x·Wx + hPrev·Wh + b with column blocks
 * i | f | g | o (PyTorch's order), c = f⊙cPrev + i⊙g, h = o⊙tanh(c).
 *
 * Why it is fast (cuDNN's recipe, measured on tfjs-wasm in bench/bench_charlm.ts): the input
 * projection of all T steps is one big matMul; a step is one small matMul plus two vectorised
 * sigmoid calls (tanh(u) = 2σ(2u) − 1, because tfjs-wasm's tanh is 20× slower than its sigmoid)
 * and plain loops for the gate arithmetic; the weight gradients are ONE matMul over all steps,
 * dWh = Hprevᵀ·dA, with materialised transposes (tfjs-wasm's transposed matMul is slow).
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { dims, KernelCtx } from "./_kernel_ctx.ts";
import {
  fusedOp,
  type FusedOptions,
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
export type { FusedOptions };

/**
 * Run an LSTM over a sequence, fused (one op forward, one op backward).
 *
 * @param x inputs // [N, T, D] (or [T, N, D] with `timeMajor`), or `{ ids, table }` (ids [N, T])
 * @param h0 initial hidden state // [N, H]
 * @param c0 initial cell state // [N, H]
 * @param Wx input-to-gates weights, blocks i|f|g|o // [D, 4H]
 * @param Wh hidden-to-gates weights // [H, 4H]
 * @param b gate biases // [4H]
 * @param opts layout, final-state callback, BPTT hook (`onBackwardStep`) and truncation
 * @returns the hidden states of every step // [N, T, H] (or [T, N, H])
 * @throws {RangeError} on inconsistent shapes or a truncate outside [1, T]; {Error} on a backend
 *   other than wasm/cpu
 * @example Differentiable like any tfjs op
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { lstmFused } from "./lstm_fused.ts";
 * const [N, T, D, H] = [2, 3, 4, 5];
 * const x = tf.randomNormal([N, T, D]), h0 = tf.zeros([N, H]), c0 = tf.zeros([N, H]);
 * const Wx = tf.randomNormal([D, 4 * H]), Wh = tf.randomNormal([H, 4 * H]), b = tf.zeros([4 * H]);
 * const dWh = tf.grad((w: tf.Tensor) => lstmFused(x, h0, c0, Wx, w, b).sum())(Wh);
 * console.log(dWh.shape); // [5, 20]
 * ```
 * @see notebooks/06_lstm_gru.ipynb; Colah (2015) "Understanding LSTM Networks"
 */
export function lstmFused(
  x: SeqInput,
  h0: tf.Tensor,
  c0: tf.Tensor,
  Wx: tf.Tensor,
  Wh: tf.Tensor,
  b: tf.Tensor,
  opts: FusedOptions = {},
): tf.Tensor {
  const s = seqInfo("lstmFused", x, h0, Wx, Wh, b, 4, opts.timeMajor);
  const t0 = firstBackwardStep("lstmFused", opts, s.T);
  if (c0.shape.join() !== h0.shape.join()) {
    throw new RangeError(`lstmFused: c0 [${c0.shape}] must have the shape of h0 [${h0.shape}]`);
  }
  return fusedOp(
    [s.diff, h0, c0, Wx, Wh, b],
    () => lstmForward(s, h0, c0, Wx, Wh, b, opts),
    (dy, kept) => lstmBackward(s, dy, kept, t0, opts.onBackwardStep),
  );
}

function lstmForward(
  s: SeqInfo,
  h0: tf.Tensor,
  c0: tf.Tensor,
  Wx: tf.Tensor,
  Wh: tf.Tensor,
  b: tf.Tensor,
  opts: FusedOptions,
): { saved: tf.Tensor[]; value: tf.Tensor } {
  const ctx = new KernelCtx();
  const { N, T, row } = s, H = dims(Wh)[0], G = 4 * H, R = T * N;
  // Doubling the g columns lets one sigmoid call serve all gates: tanh(u) = 2σ(2u) − 1.
  const scale = new Float32Array(G).fill(1).fill(2, 2 * H, 3 * H);
  const Xp = projectInputs(ctx, s, Wx, ctx.view(ctx.asInfo(b)).slice(), scale); // [T*N, 4H]
  const WhS = scaledColumns(ctx, ctx.asInfo(Wh), scale); // [H, 4H]
  const out = ctx.alloc([R, H]), Hprev = ctx.alloc([R, H]); // h_t and h_{t-1} per row
  const A = ctx.alloc([R, G]), C = ctx.alloc([R, H]), TC = ctx.alloc([R, H]); // gates, c, tanh c
  const hb = ctx.alloc([N, H]), xt = ctx.alloc([N, G]), c2 = ctx.alloc([N, H]);
  ctx.view(hb).set(ctx.view(ctx.asInfo(h0)));
  const c = ctx.view(ctx.asInfo(c0)).slice(); // [N*H], the running cell state
  const rows = (t: number) => ({ r0: row(t, 0), rs: N > 1 ? row(t, 1) - row(t, 0) : 1 });
  for (let t = 0; t < T; t++) {
    const zh = ctx.matMul(hb, WhS); // [N, 4H]
    {
      // This step's input rows (one block when time-major) and h_{t-1} for the weight gradient.
      const { r0, rs } = rows(t), xp = ctx.view(Xp), x = ctx.view(xt), h = ctx.view(hb);
      const hp = ctx.view(Hprev);
      if (rs === 1) {
        x.set(xp.subarray(r0 * G, (r0 + N) * G));
        hp.set(h, r0 * H);
      } else {
        for (let n = 0, r = r0; n < N; n++, r += rs) {
          x.set(xp.subarray(r * G, r * G + G), n * G);
          hp.set(h.subarray(n * H, n * H + H), r * H);
        }
      }
    }
    const pre = ctx.add(zh, xt); // [N, 4H] pre-activations (g block doubled)
    const sg = ctx.sigmoid(pre); // [N, 4H]
    const a = ctx.view(A), cv = ctx.view(C), c2v = ctx.view(c2), p = ctx.view(sg);
    for (let n = 0; n < N; n++) {
      const r = row(t, n), q = r * G, k = n * G;
      a.set(p.subarray(k, k + G), q);
      for (let j = 0; j < H; j++) {
        const g = 2 * a[q + 2 * H + j] - 1;
        a[q + 2 * H + j] = g;
        const cn = a[q + H + j] * c[n * H + j] + a[q + j] * g; // f⊙cPrev + i⊙g
        c[n * H + j] = cn;
        cv[r * H + j] = cn;
        c2v[n * H + j] = 2 * cn;
      }
    }
    const sc = ctx.sigmoid(c2); // [N, H]
    const z = ctx.view(sc),
      o = ctx.view(A),
      h = ctx.view(hb),
      tc = ctx.view(TC),
      hs = ctx.view(out);
    for (let n = 0; n < N; n++) {
      const r = row(t, n);
      for (let j = 0, q = r * G + 3 * H; j < H; j++) {
        const th = 2 * z[n * H + j] - 1; // tanh(c)
        tc[r * H + j] = th;
        h[n * H + j] = hs[r * H + j] = o[q + j] * th; // o ⊙ tanh(c)
      }
    }
    ctx.free(zh, pre, sg, sc);
  }
  opts.onFinalState?.(ctx.view(hb).slice(), c);
  ctx.free(Xp, WhS, hb, xt, c2);
  const saved = [s.diff, c0, Wx, Wh, ctx.toTensor(A), ctx.toTensor(C), ctx.toTensor(TC)];
  saved.push(ctx.toTensor(Hprev));
  const shape = s.timeMajor ? [T, N, H] : [N, T, H];
  return { saved, value: ctx.toTensor(out, shape) };
}

/** BPTT through the fused LSTM over steps t0..T−1: returns [dInput, dh0, dc0, dWx, dWh, db]. */
function lstmBackward(
  s: SeqInfo,
  dy: tf.Tensor,
  saved: tf.Tensor[],
  t0: number,
  hook: FusedOptions["onBackwardStep"],
): tf.Tensor[] {
  const [diff, c0, Wx, Wh, tA, tC, tTC, tHprev] = saved; // the closure's inputs may be gone
  const ctx = new KernelCtx();
  const { N, T, row } = s, H = dims(Wh)[0], G = 4 * H, R = T * N;
  const dAT = gateGradBuffer(ctx, [G, R], t0); // ∂L/∂a, all steps
  const dA = s.ids ? undefined : gateGradBuffer(ctx, [R, G], t0);
  const dEW = idSums(ctx, s, G), ids = s.ids ?? new Int32Array(0); // ∂L/∂a summed per input id
  const dz = ctx.alloc([N, G]); // ∂L/∂a of one step
  const WhT = ctx.transpose(ctx.asInfo(Wh)); // [4H, H]
  const dh = new Float32Array(N * H), dc = new Float32Array(N * H); // from step t + 1
  const c0v = ctx.view(ctx.asInfo(c0)).slice();
  for (let t = T - 1; t >= t0; t--) {
    const dyv = ctx.view(ctx.asInfo(dy)), a = ctx.view(ctx.asInfo(tA));
    if (hook) reportBackwardStep(s, t, H, dyv, dh, hook, dc);
    const tc = ctx.view(ctx.asInfo(tTC)), cp = t === 0 ? c0v : ctx.view(ctx.asInfo(tC));
    const at = ctx.view(dAT), dzv = ctx.view(dz), ew = dEW ? ctx.view(dEW) : undefined;
    // Rows of step t are r0 + n·rs; those of step t − 1 (for cPrev) start at c0 with stride cs.
    const r0 = row(t, 0), rs = N > 1 ? row(t, 1) - r0 : 1;
    const c0 = t === 0 ? 0 : row(t - 1, 0) * H, cs = t === 0 ? H : rs * H;
    // j outer, n inner: the writes to dAᵀ run along contiguous rows (time-major layout).
    for (let j = 0; j < H; j++) {
      for (let n = 0; n < N; n++) {
        const r = r0 + n * rs, q = r * G + j, m = n * G + j, k = n * H + j, rh = r * H + j;
        const i = a[q], f = a[q + H], g = a[q + 2 * H], o = a[q + 3 * H], th = tc[rh];
        const dht = dyv[rh] + dh[k];
        const dct = dc[k] + dht * o * (1 - th * th);
        dc[k] = dct * f; // ∂L/∂c_{t-1}
        const w = j * R + r;
        const di = dct * g * i * (1 - i), df = dct * cp[c0 + n * cs + j] * f * (1 - f);
        const dg = dct * i * (1 - g * g), dO = dht * th * o * (1 - o);
        at[w] = dzv[m] = di;
        at[w + H * R] = dzv[m + H] = df;
        at[w + 2 * H * R] = dzv[m + 2 * H] = dg;
        at[w + 3 * H * R] = dzv[m + 3 * H] = dO;
        if (ew) {
          const e = ids[r] * G + j;
          ew[e] += di;
          ew[e + H] += df;
          ew[e + 2 * H] += dg;
          ew[e + 3 * H] += dO;
        }
      }
    }
    if (dA) {
      const da = ctx.view(dA);
      for (let n = 0; n < N; n++) da.set(dzv.subarray(n * G, n * G + G), row(t, n) * G);
    }
    const dhp = ctx.matMul(dz, WhT); // [N, H] = ∂L/∂h_{t-1}
    dh.set(ctx.view(dhp));
    ctx.free(dhp);
  }
  ctx.free(dz, WhT);
  if (t0 > 0) { // the gradient stops at step t0: none reaches h0, c0
    dh.fill(0);
    dc.fill(0);
  }
  const { dWh } = hiddenWeightGrad(ctx, ctx.asInfo(tHprev), dAT);
  const { dIn, dWx, db } = projectInputsBackward(ctx, { ...s, diff }, Wx, { dAT, dA, dEW });
  ctx.free(dAT);
  if (dA) ctx.free(dA);
  if (dEW) ctx.free(dEW);
  return [dIn, tf.tensor2d(dh, [N, H]), tf.tensor2d(dc, [N, H]), dWx, dWh, db];
}
