import assert from "node:assert/strict";
import { PoolPolicy } from "./wasm_pool_policy.ts";

/** Feed `n` matMuls of 2²¹ MACs timed by `ms(pooled, i)`; returns the fraction run on the pool. */
function drive(policy: PoolPolicy, n: number, ms: (pooled: boolean, i: number) => number): number {
  let pooled = 0;
  for (let i = 0; i < n; i++) {
    if (policy.pooled) pooled++;
    policy.record("BatchMatMul", 1 << 21, ms(policy.pooled, i));
  }
  return pooled / n;
}

Deno.test("PoolPolicy keeps the pool on when it is faster, off when it is slower", () => {
  const noisy = (base: number, i: number) => base * (1 + 0.3 * Math.abs(Math.sin(i * 12.9898)));
  const fast = new PoolPolicy(() => {});
  assert.ok(drive(fast, 20_000, (p, i) => noisy(p ? 0.05 : 0.1, i)) > 0.9);
  const slow = new PoolPolicy(() => {});
  assert.ok(drive(slow, 20_000, (p, i) => noisy(p ? 0.5 : 0.1, i)) < 0.1);
});

Deno.test("PoolPolicy follows a change of load: the pool gets slow, then fast again", () => {
  const policy = new PoolPolicy(() => {});
  drive(policy, 5_000, (p) => (p ? 0.05 : 0.1)); // idle machine
  assert.equal(policy.pooled, true);
  const busy = drive(policy, 10_000, (p) => (p ? 0.5 : 0.1)); // another program takes a core
  assert.ok(busy < 0.15, `pooled fraction while busy ${busy}`);
  // Idle again: within PROBE_MAX windows (64 × 256 calls) a probe finds the pool faster.
  drive(policy, 64 * 256, (p) => (p ? 0.05 : 0.1));
  const after = drive(policy, 10_000, (p) => (p ? 0.05 : 0.1));
  assert.ok(after > 0.9, `pooled fraction after ${after}`);
});

Deno.test("PoolPolicy ignores one slow call in a window (a GC pause)", () => {
  const policy = new PoolPolicy(() => {});
  const frac = drive(policy, 20_000, (p, i) => (i % 50 === 0 ? 5 : p ? 0.05 : 0.1));
  assert.ok(frac > 0.9, `pooled fraction ${frac}`);
});

Deno.test("PoolPolicy modes switch the pool through the callback; a bad mode is a RangeError", () => {
  const calls: boolean[] = [];
  const policy = new PoolPolicy((on) => calls.push(on));
  assert.deepEqual(calls, [true]);
  policy.mode = "never";
  assert.equal(policy.pooled, false);
  drive(policy, 1_000, (p) => (p ? 0.01 : 1)); // never measured, never switched back
  assert.equal(policy.pooled, false);
  policy.mode = "always";
  assert.equal(policy.pooled, true);
  assert.deepEqual(calls, [true, false, true]);
  assert.equal(policy.stats().length, 0);
  // deno-lint-ignore no-explicit-any
  assert.throws(() => (policy.mode = "sometimes" as any), /mode must be/);
});

Deno.test("PoolPolicy weighs kernels by their total time: a faster matMul does not hide slower small ops", () => {
  // Per step: 1 matMul 20% faster on the pool, 20 small additions 3× slower on it (waking threads).
  const policy = new PoolPolicy(() => {});
  let pooled = 0;
  for (let i = 0; i < 2_000; i++) {
    if (policy.pooled) pooled++;
    policy.record("BatchMatMul", 1 << 21, policy.pooled ? 0.08 : 0.1);
    for (let j = 0; j < 20; j++) policy.record("Add", 4096, policy.pooled ? 0.015 : 0.005);
  }
  assert.ok(pooled / 2_000 < 0.15, `pooled fraction ${pooled / 2_000}`);
  const add = policy.stats().find((c) => c.kernel === "Add")!;
  assert.equal(add.log2Size, 12);
  assert.deepEqual(add.ms, [0.005, 0.015]);
});
