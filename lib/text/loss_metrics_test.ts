import assert from "node:assert/strict";
import { bitsToNats, formatLoss, natsToBits, perplexity, uniformLoss } from "./loss_metrics.ts";

Deno.test("uniformLoss() is ln V, ≈ 4.17 nats for 65 characters", () => {
  assert.equal(uniformLoss(65).toFixed(4), "4.1744");
  assert.ok(Math.abs(perplexity(uniformLoss(65)) - 65) < 1e-9);
  assert.throws(() => uniformLoss(0), /V must be a positive integer, got 0/);
});

Deno.test("natsToBits() divides by ln 2 and bitsToNats() undoes it", () => {
  assert.equal(natsToBits(Math.LN2 * 3), 3);
  assert.ok(Math.abs(bitsToNats(natsToBits(1.52)) - 1.52) < 1e-12);
});

Deno.test("formatLoss() gives nats, bits and perplexity on one line", () => {
  assert.equal(formatLoss(1.52), "1.52 nats/char = 2.19 bits/char, perplexity 4.57");
  assert.equal(formatLoss(uniformLoss(65), 1), "4.2 nats/char = 6.0 bits/char, perplexity 65.0");
});
