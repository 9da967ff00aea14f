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

Deno.test("spread() of one row per seed gives the mean, min and max of every point", () => {
  assert.deepEqual(spread([[1, 0.5], [0, 0.7], [0.5, 0.6]]), {
    mean: [0.5, 0.6],
    min: [0, 0.5],
    max: [1, 0.7],
  });
  assert.deepEqual(spread([Float64Array.of(2, 4)]), { mean: [2, 4], min: [2, 4], max: [2, 4] });
  assert.throws(() => spread([[1], [1, 2]]), /every run needs 1 values/);
});
