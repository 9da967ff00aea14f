import assert from "node:assert/strict";
import { Rng } from "../util/rng.ts";
import {
  hiddenChainRule,
  type HiddenNetParams,
  unitChainRule,
  type UnitLoss,
} from "./chain_rule.ts";
import { denseBackward, denseForward } from "./dense.ts";
import { sigmoidBackward, sigmoidForward } from "./activations.ts";
import { gradCheck, numericGradient } from "./grad_check.ts";
import { matrix } from "./matrix.ts";

const LOSSES: UnitLoss[] = ["squared", "logistic"];

Deno.test("unitChainRule() gradients match centred differences (< 1e-7)", () => {
  const x = [1.5, -0.7], w = [0.4, -0.9], b = 0.2;
  for (const loss of LOSSES) {
    for (const y of [0, 1]) {
      const g = unitChainRule(x, y, w, b, loss);
      const f = (p: Float64Array) => unitChainRule(x, y, [p[0], p[1]], p[2], loss).L;
      const r = gradCheck(f, [...w, b], [...g.dLdW, g.dLdB]);
      assert.ok(r.maxRelError < 1e-7, `${loss} y=${y}: ${r.maxRelError}`);
      // the local derivatives are what they should be
      const [dYhatdZ] = numericGradient((p) => 1 / (1 + Math.exp(-p[0])), [g.z]);
      assert.ok(Math.abs(g.dYhatdZ - dYhatdZ) < 1e-9);
      assert.deepEqual(Array.from(g.dZdW), x);
      assert.equal(g.dLdZ, g.dLdYhat * g.dYhatdZ);
    }
  }
  assert.throws(() => unitChainRule([1], 0, [1, 2], 0), RangeError);
});

Deno.test("hiddenChainRule() gradients match centred differences (< 1e-7)", () => {
  const [d, h] = [2, 3];
  const rng = new Rng(5);
  const params: HiddenNetParams = {
    W1: matrix(d, h, rng.normalArray(d * h)),
    b1: rng.normalArray(h, 0.1),
    w2: rng.normalArray(h),
    b2: 0.3,
  };
  const x = [0.8, -1.2];
  for (const loss of LOSSES) {
    const g = hiddenChainRule(x, 1, params, loss);
    const L = (p: Partial<HiddenNetParams>) => hiddenChainRule(x, 1, { ...params, ...p }, loss).L;
    const errs = [
      gradCheck((p) => L({ W1: matrix(d, h, p) }), params.W1.data, g.dLdW1.data),
      gradCheck((p) => L({ b1: p }), params.b1, g.dLdB1),
      gradCheck((p) => L({ w2: p }), params.w2, g.dLdW2),
      gradCheck((p) => L({ b2: p[0] }), [params.b2], [g.dLdB2]),
    ].map((r) => r.maxRelError);
    assert.ok(Math.max(...errs) < 1e-7, `${loss}: ${errs}`);
  }
});

Deno.test("hiddenChainRule() agrees with the dense and sigmoid layers composed", () => {
  const rng = new Rng(8);
  const params: HiddenNetParams = {
    W1: matrix(2, 4, rng.normalArray(8)),
    b1: rng.normalArray(4),
    w2: rng.normalArray(4),
    b2: -0.1,
  };
  const x = matrix(1, 2, [0.3, 0.9]);
  const g = hiddenChainRule(x.data, 0, params);
  const l1 = denseForward(x, params.W1, params.b1);
  const a1 = sigmoidForward(l1.out);
  const l2 = denseForward(a1.out, matrix(4, 1, params.w2), Float64Array.of(params.b2));
  const a2 = sigmoidForward(l2.out);
  assert.ok(Math.abs(a2.out.data[0] - g.yhat) < 1e-15);
  const dYhat = matrix(1, 1, [g.dLdYhat]);
  const dZ2 = sigmoidBackward(dYhat, a2.cache).dx;
  const back2 = denseBackward(dZ2, l2.cache);
  const back1 = denseBackward(sigmoidBackward(back2.dx, a1.cache).dx, l1.cache);
  const close = (a: ArrayLike<number>, b: ArrayLike<number>) =>
    Array.from(a).every((v, i) => Math.abs(v - b[i]) < 1e-14);
  assert.ok(close(back2.dW.data, g.dLdW2) && close(back1.dW.data, g.dLdW1.data));
  assert.ok(close(back1.db, g.dLdB1) && close(back2.db, [g.dLdB2]));
});
