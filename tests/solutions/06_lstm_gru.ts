/**
 * Reference solutions of notebook 06's exercises (instructors: delete tests/solutions/ before
 * handing the course out; see README "Exercises"). Written as a student would: from the scratch
 * helpers only, not by calling lib's own LSTM/GRU.
 * @module
 */
import type {
  GruStepCache,
  GruStepGrads,
  LstmCache,
  LstmGrads,
  LstmStepCache,
  LstmStepGrads,
  Matrix,
  Tensor3,
} from "../../lib/scratch/mod.ts";
import {
  addRow,
  matmul,
  matrix,
  setTimeStep,
  sigmoid,
  sumRows,
  tensor3,
  timeStep,
  transpose,
} from "../../lib/scratch/mod.ts";

/** Reference LSTM step (blocks i | f | g | o). */
export function lstmStepForward(
  x: Matrix,
  hPrev: Matrix,
  cPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
): { out: Matrix; cNext: Matrix; cache: LstmStepCache } {
  const [N, H] = hPrev.shape;
  const a = addRow(matmul(x, Wx), b).data, ah = matmul(hPrev, Wh).data; // [N, 4H]
  const i = matrix(N, H), f = matrix(N, H), g = matrix(N, H), o = matrix(N, H);
  const cNext = matrix(N, H), tanhC = matrix(N, H), out = matrix(N, H);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < H; j++) {
      const pre = (blk: number) => a[n * 4 * H + blk * H + j] + ah[n * 4 * H + blk * H + j];
      const k = n * H + j;
      i.data[k] = sigmoid(pre(0));
      f.data[k] = sigmoid(pre(1));
      g.data[k] = Math.tanh(pre(2));
      o.data[k] = sigmoid(pre(3));
      cNext.data[k] = f.data[k] * cPrev.data[k] + i.data[k] * g.data[k];
      tanhC.data[k] = Math.tanh(cNext.data[k]);
      out.data[k] = o.data[k] * tanhC.data[k];
    }
  }
  return { out, cNext, cache: { x, hPrev, cPrev, Wx, Wh, i, f, g, o, cNext, tanhC } };
}

/** Reference GRU step, PyTorch's reset-after variant (blocks r | z | n). */
export function gruStepForward(
  x: Matrix,
  hPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  bx: Float64Array,
  bh: Float64Array,
): { out: Matrix; cache: GruStepCache } {
  const [N, H] = hPrev.shape;
  const ax = addRow(matmul(x, Wx), bx).data, ah = addRow(matmul(hPrev, Wh), bh).data; // [N, 3H]
  const r = matrix(N, H), z = matrix(N, H), nn = matrix(N, H), hn = matrix(N, H);
  const out = matrix(N, H);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < H; j++) {
      const q = n * 3 * H + j, k = n * H + j;
      r.data[k] = sigmoid(ax[q] + ah[q]);
      z.data[k] = sigmoid(ax[q + H] + ah[q + H]);
      hn.data[k] = ah[q + 2 * H];
      nn.data[k] = Math.tanh(ax[q + 2 * H] + r.data[k] * hn.data[k]);
      out.data[k] = (1 - z.data[k]) * nn.data[k] + z.data[k] * hPrev.data[k];
    }
  }
  return { out, cache: { x, hPrev, Wx, Wh, r, z, n: nn, hn, resetAfter: true } };
}

/** Reference LSTM step backward. */
export function lstmStepBackward(
  dhNext: Matrix,
  dcNext: Matrix,
  cache: LstmStepCache,
): LstmStepGrads {
  const { x, hPrev, cPrev, Wx, Wh, i, f, g, o, tanhC } = cache;
  const [N, H] = hPrev.shape;
  const da = matrix(N, 4 * H); // ∂L/∂a, the fused pre-activations
  const dcPrev = matrix(N, H);
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < H; j++) {
      const k = n * H + j, q = n * 4 * H + j;
      const dh = dhNext.data[k], tc = tanhC.data[k];
      const dc = dcNext.data[k] + dh * o.data[k] * (1 - tc * tc); // both paths into cNext
      da.data[q] = dc * g.data[k] * i.data[k] * (1 - i.data[k]);
      da.data[q + H] = dc * cPrev.data[k] * f.data[k] * (1 - f.data[k]);
      da.data[q + 2 * H] = dc * i.data[k] * (1 - g.data[k] ** 2);
      da.data[q + 3 * H] = dh * tc * o.data[k] * (1 - o.data[k]);
      dcPrev.data[k] = dc * f.data[k];
    }
  }
  return {
    dx: matmul(da, transpose(Wx)),
    dhPrev: matmul(da, transpose(Wh)),
    dcPrev,
    dWx: matmul(transpose(x), da),
    dWh: matmul(transpose(hPrev), da),
    db: sumRows(da),
  };
}

/** Reference LSTM over a sequence. */
export function lstmForward(
  x: Tensor3,
  h0: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  b: Float64Array,
  c0?: Matrix,
): { out: Tensor3; c: Tensor3; cache: LstmCache } {
  const [N, T] = x.shape, H = h0.shape[1];
  const out = tensor3(N, T, H), c = tensor3(N, T, H);
  const steps: LstmStepCache[] = [];
  let h = h0, cell = c0 ?? matrix(N, H);
  for (let t = 0; t < T; t++) {
    const step = lstmStepForward(timeStep(x, t), h, cell, Wx, Wh, b);
    setTimeStep(out, t, step.out);
    setTimeStep(c, t, step.cNext);
    steps.push(step.cache);
    h = step.out;
    cell = step.cNext;
  }
  return { out, c, cache: { steps } };
}

/** Reference LSTM backpropagation through time. */
export function lstmBackward(
  dh: Tensor3,
  cache: LstmCache,
  opts: { dcLast?: Matrix } = {},
): LstmGrads {
  const [N, T, H] = dh.shape, D = cache.steps[0].x.shape[1];
  const dx = tensor3(N, T, D), dWx = matrix(D, 4 * H), dWh = matrix(H, 4 * H);
  const db = new Float64Array(4 * H);
  let dhNext = matrix(N, H), dcNext = opts.dcLast ?? matrix(N, H);
  for (let t = T - 1; t >= 0; t--) {
    const dhT = timeStep(dh, t); // a copy
    for (let k = 0; k < N * H; k++) dhT.data[k] += dhNext.data[k];
    const s = lstmStepBackward(dhT, dcNext, cache.steps[t]);
    setTimeStep(dx, t, s.dx);
    for (let k = 0; k < dWx.data.length; k++) dWx.data[k] += s.dWx.data[k];
    for (let k = 0; k < dWh.data.length; k++) dWh.data[k] += s.dWh.data[k];
    for (let k = 0; k < db.length; k++) db[k] += s.db[k];
    dhNext = s.dhPrev;
    dcNext = s.dcPrev;
  }
  return { dx, dh0: dhNext, dc0: dcNext, dWx, dWh, db };
}

/** Reference GRU step backward (reset-after). */
export function gruStepBackward(dhNext: Matrix, cache: GruStepCache): GruStepGrads {
  const { x, hPrev, Wx, Wh, r, z, n: nn, hn } = cache;
  const [N, H] = hPrev.shape;
  const dax = matrix(N, 3 * H), dah = matrix(N, 3 * H); // ∂L/∂(x·Wx + bx), ∂L/∂(hPrev·Wh + bh)
  const dhDirect = matrix(N, H); // the path hNext ← z ⊙ hPrev
  for (let n = 0; n < N; n++) {
    for (let j = 0; j < H; j++) {
      const k = n * H + j, q = n * 3 * H + j, dH = dhNext.data[k];
      const dPre = dH * (1 - z.data[k]) * (1 - nn.data[k] ** 2); // into n's pre-activation
      const dz = dH * (hPrev.data[k] - nn.data[k]) * z.data[k] * (1 - z.data[k]);
      const dr = dPre * hn.data[k] * r.data[k] * (1 - r.data[k]);
      dax.data[q] = dah.data[q] = dr;
      dax.data[q + H] = dah.data[q + H] = dz;
      dax.data[q + 2 * H] = dPre;
      dah.data[q + 2 * H] = dPre * r.data[k];
      dhDirect.data[k] = dH * z.data[k];
    }
  }
  const dhPrev = matmul(dah, transpose(Wh));
  for (let k = 0; k < N * H; k++) dhPrev.data[k] += dhDirect.data[k];
  return {
    dx: matmul(dax, transpose(Wx)),
    dhPrev,
    dWx: matmul(transpose(x), dax),
    dWh: matmul(transpose(hPrev), dah),
    dbx: sumRows(dax),
    dbh: sumRows(dah),
  };
}
