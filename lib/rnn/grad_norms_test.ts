import assert from "node:assert/strict";
import { Rng } from "../util/rng.ts";
import { matrix } from "../scratch/matrix.ts";
import { tensor3 } from "../scratch/tensor3.ts";
import { rnnBackward, rnnForward } from "../scratch/rnn_sequence.ts";
import {
  gradNormsPerStep,
  jacobianNormsPerStep,
  largestSingularValue,
  type ScratchRnnModel,
} from "./grad_norms.ts";

const [N, T, D, H] = [2, 6, 4, 5];

function models(seed: number, scale: number): ScratchRnnModel[] {
  const rng = new Rng(seed);
  const mat = (r: number, c: number, s = scale) => matrix(r, c, rng.normalArray(r * c, s));
  return [
    { kind: "rnn", Wx: mat(D, H), Wh: mat(H, H), b: rng.normalArray(H, 0.1) },
    { kind: "lstm", Wx: mat(D, 4 * H), Wh: mat(H, 4 * H), b: rng.normalArray(4 * H, 0.1) },
    {
      kind: "gru",
      Wx: mat(D, 3 * H),
      Wh: mat(H, 3 * H),
      bx: rng.normalArray(3 * H, 0.1),
      bh: rng.normalArray(3 * H, 0.1),
    },
  ];
}

Deno.test("largestSingularValue() agrees with a known spectrum and with ‖A‖₂ ≥ ‖Av‖/‖v‖", () => {
  // A = U·diag(3, 1)·Vᵀ with rotations U, V
  const [c, s] = [Math.cos(0.3), Math.sin(0.3)];
  const A = matrix(2, 2, [
    3 * c * c + s * s,
    3 * c * s - s * c,
    3 * s * c - c * s,
    3 * s * s + c * c,
  ]);
  assert.ok(Math.abs(largestSingularValue(A) - 3) < 1e-10);
  assert.ok(Math.abs(largestSingularValue(matrix(2, 3, [0, 0, 2, 0, -5, 0])) - 5) < 1e-12);
  assert.equal(largestSingularValue(matrix(3, 3)), 0);
});

Deno.test("gradNormsPerStep() equals the norms of ∂L/∂h_t found by differentiating each h_t", () => {
  const m = models(1, 0.5)[0] as ScratchRnnModel & { kind: "rnn" };
  const x = tensor3(N, T, D, new Rng(2).normalArray(N * T * D));
  const { dh } = gradNormsPerStep(m, x);
  assert.equal(dh.length, T);
  assert.ok(Math.abs(dh[T - 1] - Math.sqrt(N * H)) < 1e-12); // dLast = ones
  // ∂L/∂h_t for t < T−1 is dh0 of the sequence that starts at t+1 from h_t
  const { out } = rnnForward(x, matrix(N, H), m.Wx, m.Wh, m.b);
  for (let t = 0; t < T - 1; t++) {
    const rest = tensor3(N, T - t - 1, D), ht = matrix(N, H);
    for (let n = 0; n < N; n++) {
      rest.data.set(x.data.subarray((n * T + t + 1) * D, (n + 1) * T * D), n * (T - t - 1) * D);
      ht.data.set(out.data.subarray((n * T + t) * H, (n * T + t + 1) * H), n * H);
    }
    const f = rnnForward(rest, ht, m.Wx, m.Wh, m.b);
    const dOut = tensor3(N, T - t - 1, H);
    for (let n = 0; n < N; n++) {
      dOut.data.fill(1, (n * (T - t - 1) + T - t - 2) * H, (n * (T - t - 1) + T - t - 1) * H);
    }
    const want = Math.hypot(...rnnBackward(dOut, f.cache).dh0.data);
    assert.ok(Math.abs(dh[t] - want) < 1e-12, `t=${t}: ${dh[t]} vs ${want}`);
  }
});

Deno.test("gradNormsPerStep() vanishes for a small Wh and explodes for a large one (tanh RNN)", () => {
  const x = tensor3(N, 20, D, new Rng(3).normalArray(N * 20 * D, 0.01));
  const small = gradNormsPerStep(models(4, 0.1)[0], x).dh;
  const large = gradNormsPerStep(models(4, 2)[0], x).dh;
  console.log(
    "‖∂L/∂h_0‖ / ‖∂L/∂h_19‖: small Wh",
    small[0] / small[19],
    "large Wh",
    large[0] / large[19],
  );
  assert.ok(small[0] / small[19] < 1e-6);
  assert.ok(large[0] / large[19] > 1e2);
});

Deno.test("gradNormsPerStep() and jacobianNormsPerStep() run on the LSTM and GRU too", () => {
  const x = tensor3(N, T, D, new Rng(5).normalArray(N * T * D));
  for (const m of models(6, 0.5)) {
    const g = gradNormsPerStep(m, x);
    const j = jacobianNormsPerStep(m, x, { example: 1 });
    assert.equal(g.dh.length, T);
    assert.equal(g.dc !== undefined, m.kind === "lstm");
    assert.ok(Math.abs(j.product[T - 1] - 1) < 1e-12, `${m.kind}: ∂h_{T−1}/∂h_{T−1} = I`);
    assert.ok(j.step.every((v) => v > 0 && Number.isFinite(v)));
  }
});

Deno.test("jacobianNormsPerStep() for a tanh RNN: the product is bounded by the product of step norms", () => {
  const m = models(7, 0.6)[0];
  const x = tensor3(N, T, D, new Rng(8).normalArray(N * T * D));
  const { step, product } = jacobianNormsPerStep(m, x);
  for (let t = 0; t < T - 1; t++) {
    const bound = step.slice(t + 1).reduce((a, b) => a * b, 1); // ‖AB‖ ≤ ‖A‖‖B‖
    assert.ok(product[t] <= bound * (1 + 1e-9), `t=${t}: ${product[t]} > ${bound}`);
  }
  // one step: σ_max(Wh·diag(1 − h²)) ≤ σ_max(Wh)
  const sW = largestSingularValue((m as { Wh: ReturnType<typeof matrix> }).Wh);
  assert.ok(step.every((s) => s <= sW * (1 + 1e-9)));
});

Deno.test("jacobianNormsPerStep() rejects an example outside the batch", () => {
  assert.throws(
    () => jacobianNormsPerStep(models(9, 1)[0], tensor3(N, T, D), { example: N }),
    /example 2 is outside/,
  );
});
