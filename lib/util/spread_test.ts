import assert from "node:assert/strict";
import { formatSpread, spread } from "./spread.ts";

Deno.test("spread() gives the mean, min and max of the values", () => {
  assert.deepEqual(spread([1, 2, 6]), { mean: 3, min: 1, max: 6 });
  assert.deepEqual(spread([-2]), { mean: -2, min: -2, max: -2 });
  assert.throws(() => spread([]), /at least one value/);
});

Deno.test("formatSpread() prints mean (min–max), fixed or exponential", () => {
  assert.equal(formatSpread([0.2285, 0.2298, 0.2291], 4), "0.2291 (0.2285–0.2298)");
  assert.equal(formatSpread([1e-6, 3e-5], 1, true), "1.6e-5 (1.0e-6–3.0e-5)");
  assert.equal(formatSpread([0.5]), "0.500");
  assert.equal(formatSpread([1, NaN, 2]), "NaN (NaN–NaN)"); // a diverged seed shows
  assert.throws(() => formatSpread([1], 1.5), /digits must be an integer/);
  assert.throws(() => formatSpread([]), /at least one value/);
});
