import assert from "node:assert/strict";
import { adamDefaults, adamInit, adamStep } from "./adam.ts";

Deno.test("adamStep: the first bias-corrected step moves each parameter by lr·g/(|g| + ε)", () => {
  const g = Float64Array.of(0.3, -2, 1e-3);
  const { params, state } = adamStep(Float64Array.of(1, 2, 3), g, adamInit(3), adamDefaults(0.1));
  g.forEach((gi, i) => {
    const want = [1, 2, 3][i] - (0.1 * gi) / (Math.abs(gi) + 1e-8);
    assert.ok(Math.abs(params[i] - want) < 1e-12, `${params[i]} vs ${want}`);
  });
  assert.equal(state.t, 1);
  assert.ok(Math.abs(state.m[1] - 0.1 * -2) < 1e-15);
  assert.ok(Math.abs(state.v[1] - 0.001 * 4) < 1e-15);
});

Deno.test("adamStep: without bias correction the first step is (1 − β₁)/√(1 − β₂) ≈ 3.16× larger", () => {
  const opts = { ...adamDefaults(0.01), biasCorrection: false };
  const { params } = adamStep(Float64Array.of(0), Float64Array.of(1), adamInit(1), opts);
  assert.ok(Math.abs(-params[0] - 0.01 * 0.1 / (Math.sqrt(0.001) + 1e-8)) < 1e-12);
});

Deno.test("adamStep: inputs are unchanged and lengths are checked", () => {
  const p = Float64Array.of(1, 2), s = adamInit(2);
  adamStep(p, [1, 1], s, adamDefaults());
  assert.deepEqual([...p, ...s.m, ...s.v, s.t], [1, 2, 0, 0, 0, 0, 0]);
  assert.throws(() => adamStep(p, [1], s, adamDefaults()), /same length/);
  assert.throws(() => adamInit(-1), /non-negative integer/);
});
