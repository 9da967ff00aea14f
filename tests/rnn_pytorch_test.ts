/**
 * The scratch RNN, LSTM and GRU against PyTorch 1.13 on the same weights (float64): outputs, final
 * states and the gradients of L = Σ out ⊙ R for inputs, initial states and every parameter. The
 * fixture comes from tests/fixtures/make_rnn_fixtures.py; weights go through lib/rnn/pytorch_layout.ts.
 * @module
 */
import assert from "node:assert/strict";
import { maxAbsDiff } from "../lib/util/all_close.ts";
import { fromRows } from "../lib/scratch/matrix.ts";
import { fromNested3, timeStep } from "../lib/scratch/tensor3.ts";
import { rnnBackward, rnnForward } from "../lib/scratch/rnn_sequence.ts";
import { lstmBackward, lstmForward } from "../lib/scratch/lstm_sequence.ts";
import { gruBackward, gruForward } from "../lib/scratch/gru_sequence.ts";
import {
  gradsToPyTorch,
  gruFromPyTorch,
  lstmFromPyTorch,
  rnnFromPyTorch,
  type TorchRnnParams,
} from "../lib/rnn/pytorch_layout.ts";
import fixture from "./fixtures/rnn_pytorch.json" with { type: "json" };

const TOL = 1e-9;
const { T } = fixture.sizes;

type Case = {
  params: TorchRnnParams;
  x: number[][][];
  h0: number[][];
  R: number[][][];
  out: number[][][];
  hn: number[][];
  grads: Record<string, number[] | number[][] | number[][][]>;
};

/** Compare every named pair, print the table, and return the worst difference. */
function report(
  kind: string,
  pairs: Record<string, [ArrayLike<number>, number[] | number[][] | number[][][]]>,
) {
  const diffs: Record<string, number> = {};
  for (const [name, [ours, theirs]] of Object.entries(pairs)) {
    diffs[name] = maxAbsDiff(ours, theirs);
  }
  const worst = Math.max(...Object.values(diffs));
  console.log(`${kind} vs PyTorch: max abs diff ${worst.toExponential(2)}`, diffs);
  return { worst, diffs };
}

function paramGrads(c: Case, g: ReturnType<typeof gradsToPyTorch>) {
  return {
    weight_ih_l0: [g.weight_ih_l0.flat(), c.grads.weight_ih_l0],
    weight_hh_l0: [g.weight_hh_l0.flat(), c.grads.weight_hh_l0],
    bias_ih_l0: [g.bias_ih_l0, c.grads.bias_ih_l0],
    bias_hh_l0: [g.bias_hh_l0, c.grads.bias_hh_l0],
  } as Record<string, [ArrayLike<number>, number[][]]>;
}

Deno.test("rnnForward() and rnnBackward() equal PyTorch nn.RNN(tanh) (< 1e-9)", () => {
  const c = fixture.rnn as Case;
  const { Wx, Wh, b } = rnnFromPyTorch(c.params);
  const { out, cache } = rnnForward(fromNested3(c.x), fromRows(c.h0), Wx, Wh, b);
  const g = rnnBackward(fromNested3(c.R), cache);
  const { worst, diffs } = report("nn.RNN", {
    out: [out.data, c.out],
    hn: [timeStep(out, T - 1).data, c.hn],
    dx: [g.dx.data, c.grads.x],
    dh0: [g.dh0.data, c.grads.h0],
    ...paramGrads(c, gradsToPyTorch(g)),
  });
  assert.ok(worst < TOL, JSON.stringify(diffs));
});

Deno.test("lstmForward() and lstmBackward() equal PyTorch nn.LSTM (< 1e-9)", () => {
  const c = fixture.lstm as Case & { c0: number[][]; cn: number[][] };
  const { Wx, Wh, b } = lstmFromPyTorch(c.params);
  const res = lstmForward(fromNested3(c.x), fromRows(c.h0), Wx, Wh, b, fromRows(c.c0));
  const g = lstmBackward(fromNested3(c.R), res.cache);
  const { worst, diffs } = report("nn.LSTM", {
    out: [res.out.data, c.out],
    hn: [timeStep(res.out, T - 1).data, c.hn],
    cn: [timeStep(res.c, T - 1).data, c.cn],
    dx: [g.dx.data, c.grads.x],
    dh0: [g.dh0.data, c.grads.h0],
    dc0: [g.dc0.data, c.grads.c0],
    ...paramGrads(c, gradsToPyTorch(g)),
  });
  assert.ok(worst < TOL, JSON.stringify(diffs));
});

Deno.test("gruForward() and gruBackward() equal PyTorch nn.GRU, reset gate after the matmul (< 1e-9)", () => {
  const c = fixture.gru as Case;
  const { Wx, Wh, bx, bh } = gruFromPyTorch(c.params);
  const { out, cache } = gruForward(fromNested3(c.x), fromRows(c.h0), Wx, Wh, bx, bh);
  const g = gruBackward(fromNested3(c.R), cache);
  const { worst, diffs } = report("nn.GRU", {
    out: [out.data, c.out],
    hn: [timeStep(out, T - 1).data, c.hn],
    dx: [g.dx.data, c.grads.x],
    dh0: [g.dh0.data, c.grads.h0],
    ...paramGrads(c, gradsToPyTorch(g)),
  });
  assert.ok(worst < TOL, JSON.stringify(diffs));
  // Cho et al.'s reset-before variant is a different function on the same weights
  const before = gruForward(fromNested3(c.x), fromRows(c.h0), Wx, Wh, bx, bh, {
    resetAfter: false,
  });
  assert.ok(maxAbsDiff(before.out.data, c.out) > 1e-3);
});
