import assert from "node:assert/strict";
import { Rng } from "../util/rng.ts";
import { gradCheckArray } from "./grad_check.ts";
import { matrix } from "./matrix.ts";
import { tensor3 } from "./tensor3.ts";
import { dotAttentionBackward, dotAttentionForward } from "./attention.ts";

const N = 2, S = 3, H = 4;

function inputs(seed: number, scale = 1) {
  const rng = new Rng(seed);
  return {
    hDec: matrix(N, H, rng.normalArray(N * H, scale)),
    hEnc: tensor3(N, S, H, rng.normalArray(N * S * H, scale)),
    dOut: matrix(N, H, rng.normalArray(N * H)),
  };
}

Deno.test("dotAttentionForward() gives softmax weights over S and their weighted sum of hEnc", () => {
  const { hDec, hEnc } = inputs(1);
  const { out, scores, weights } = dotAttentionForward(hDec, hEnc);
  assert.deepEqual([out.shape, scores.shape, weights.shape], [[N, H], [N, S], [N, S]]);
  for (let n = 0; n < N; n++) {
    const w = weights.data.subarray(n * S, (n + 1) * S);
    assert.ok(Math.abs(w.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    for (let k = 0; k < H; k++) {
      let c = 0;
      for (let s = 0; s < S; s++) c += w[s] * hEnc.data[(n * S + s) * H + k];
      assert.ok(Math.abs(out.data[n * H + k] - c) < 1e-12);
    }
  }
});

Deno.test("dotAttentionForward() stays finite for scores in the thousands", () => {
  const { hDec, hEnc } = inputs(2, 30);
  const { weights, out } = dotAttentionForward(hDec, hEnc);
  assert.ok([...weights.data, ...out.data].every(Number.isFinite));
});

Deno.test("dotAttentionBackward() passes the five-point gradient check for hDec and hEnc (< 1e-7)", () => {
  for (const seed of [3, 4, 5]) {
    const { hDec, hEnc, dOut } = inputs(seed);
    const { dhDec, dhEnc } = dotAttentionBackward(dOut, dotAttentionForward(hDec, hEnc).cache);
    assert.deepEqual([dhDec.shape, dhEnc.shape], [[N, H], [N, S, H]]);
    const eDec = gradCheckArray(
      (p) => dotAttentionForward(matrix(N, H, p), hEnc).out.data,
      hDec.data,
      dOut.data,
      dhDec.data,
      { order: 4, h: 1e-3 },
    ).maxRelError;
    const eEnc = gradCheckArray(
      (p) => dotAttentionForward(hDec, tensor3(N, S, H, p)).out.data,
      hEnc.data,
      dOut.data,
      dhEnc.data,
      { order: 4, h: 1e-3 },
    ).maxRelError;
    assert.ok(Math.max(eDec, eEnc) < 1e-7, `seed ${seed}: dhDec ${eDec}, dhEnc ${eEnc}`);
  }
});

Deno.test("dotAttentionForward() and dotAttentionBackward() name the shapes that disagree", () => {
  assert.throws(() => dotAttentionForward(matrix(2, 4), tensor3(3, 2, 4)), /hDec is \[2,4\]/);
  const { cache } = dotAttentionForward(matrix(2, 4), tensor3(2, 3, 4));
  assert.throws(() => dotAttentionBackward(matrix(2, 3), cache), /dOut is \[2,3\]/);
});

Deno.test("dotAttentionBackward()'s dScores pass the gradient check through softmax and sum (< 1e-7)", () => {
  const { hDec, hEnc, dOut } = inputs(6);
  const fwd = dotAttentionForward(hDec, hEnc);
  const { dScores } = dotAttentionBackward(dOut, fwd.cache);
  const contextOf = (scores: Float64Array) => {
    const out = new Float64Array(N * H);
    for (let n = 0; n < N; n++) {
      const row = scores.subarray(n * S, (n + 1) * S), m = Math.max(...row);
      const e = row.map((v) => Math.exp(v - m)), z = e.reduce((a, b) => a + b, 0);
      for (let s = 0; s < S; s++) {
        for (let k = 0; k < H; k++) out[n * H + k] += (e[s] / z) * hEnc.data[(n * S + s) * H + k];
      }
    }
    return out;
  };
  const e = gradCheckArray(contextOf, fwd.scores.data, dOut.data, dScores.data, {
    order: 4,
    h: 1e-3,
  }).maxRelError;
  assert.ok(e < 1e-7, `dScores: ${e}`);
  for (let n = 0; n < N; n++) {
    const rowSum = dScores.data.subarray(n * S, (n + 1) * S).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(rowSum) < 1e-12, `row ${n} of dScores sums to ${rowSum}`);
  }
});
