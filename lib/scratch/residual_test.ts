import assert from "node:assert/strict";
import { Rng } from "../util/rng.ts";
import { gradCheckArray } from "./grad_check.ts";
import { matrix } from "./matrix.ts";
import {
  residualBlockBackward,
  residualBlockForward,
  type ResidualBlockParams,
} from "./residual.ts";

/** Random block weights for x [N, H] and a branch of width K. */
function block(rng: Rng, H: number, K: number): ResidualBlockParams {
  return {
    W1: matrix(H, K, rng.normalArray(H * K, 0.5)),
    b1: rng.normalArray(K, 0.5),
    W2: matrix(K, H, rng.normalArray(K * H, 0.5)),
    b2: rng.normalArray(H, 0.5),
  };
}

for (const activation of ["tanh", "relu"] as const) {
  for (const shortcut of [true, false]) {
    Deno.test(`residualBlockBackward() passes the gradient check (${activation}, shortcut ${shortcut}, < 1e-7)`, () => {
      const N = 2, H = 4, K = 5, rng = new Rng(activation === "relu" ? 3 : 4);
      const x = matrix(N, H, rng.normalArray(N * H)), p = block(rng, H, K);
      const dOut = matrix(N, H, rng.normalArray(N * H));
      const opts = { activation, shortcut };
      const g = residualBlockBackward(dOut, residualBlockForward(x, p, opts).cache);
      assert.deepEqual([g.dx.shape, g.dW1.shape, g.dW2.shape], [[N, H], [H, K], [K, H]]);
      const run = (q: Partial<ResidualBlockParams>, xx = x) =>
        residualBlockForward(xx, { ...p, ...q }, opts).out.data;
      const errs = {
        dx: gradCheckArray((v) => run({}, matrix(N, H, v)), x.data, dOut.data, g.dx.data),
        dW1: gradCheckArray((v) => run({ W1: matrix(H, K, v) }), p.W1.data, dOut.data, g.dW1.data),
        db1: gradCheckArray((v) => run({ b1: v }), p.b1, dOut.data, g.db1),
        dW2: gradCheckArray((v) => run({ W2: matrix(K, H, v) }), p.W2.data, dOut.data, g.dW2.data),
        db2: gradCheckArray((v) => run({ b2: v }), p.b2, dOut.data, g.db2),
      };
      for (const [name, r] of Object.entries(errs)) {
        assert.ok(r.maxRelError < 1e-7, `${name}: relative error ${r.maxRelError}`);
      }
    });
  }
}

Deno.test("residualBlockBackward() adds the shortcut's gradient to the branch's", () => {
  const N = 2, H = 4, K = 5, rng = new Rng(9);
  const x = matrix(N, H, rng.normalArray(N * H)), p = block(rng, H, K);
  const dOut = matrix(N, H, rng.normalArray(N * H));
  // With W2 = 0 the branch passes nothing back to x, so dx is exactly the gradient at the sum:
  // dz = dOut ⊙ tanh'(x + b2).
  const zero = { ...p, W2: matrix(K, H) };
  const { dx } = residualBlockBackward(
    dOut,
    residualBlockForward(x, zero, { activation: "tanh" }).cache,
  );
  const dz = dOut.data.map((d, i) => d * (1 - Math.tanh(x.data[i] + p.b2[i % H]) ** 2));
  assert.ok(dx.data.every((v, i) => Math.abs(v - dz[i]) < 1e-15));
  // Without the shortcut the same block passes no gradient to x at all.
  const plain = residualBlockBackward(
    dOut,
    residualBlockForward(x, zero, { activation: "tanh", shortcut: false }).cache,
  );
  assert.ok(plain.dx.data.every((v) => v === 0));
});

Deno.test("residualBlockForward() names the shapes when W2 does not map back to x's width", () => {
  const p = {
    W1: matrix(4, 5),
    b1: new Float64Array(5),
    W2: matrix(5, 3),
    b2: new Float64Array(3),
  };
  assert.throws(() => residualBlockForward(matrix(2, 4), p), /x is \[2,4\].*W2 \[5,3\]/);
  const ok = { ...p, W2: matrix(5, 4), b2: new Float64Array(4) };
  const { cache } = residualBlockForward(matrix(2, 4), ok);
  assert.throws(() => residualBlockBackward(matrix(3, 4), cache), /dOut is \[3,4\]/);
});
