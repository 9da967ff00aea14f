import assert from "node:assert/strict";
import { meanRangeChart } from "./mean_range_chart.ts";

Deno.test("meanRangeChart draws the means with asymmetric min–max error bars", () => {
  const fig = meanRangeChart([2, 4], [{ name: "a", mean: [1, 2], min: [0.5, 2], max: [3, 2.5] }], {
    logX: true,
  });
  const trace = fig.data[0] as { y: number[]; error_y: { array: number[]; arrayminus: number[] } };
  assert.deepEqual(trace.y, [1, 2]);
  assert.deepEqual(trace.error_y.array, [2, 0.5]);
  assert.deepEqual(trace.error_y.arrayminus, [0.5, 0]);
  assert.equal((fig.layout as { xaxis: { type: string } }).xaxis.type, "log");
});

Deno.test("meanRangeChart rejects ragged series and means outside their range", () => {
  assert.throws(
    () => meanRangeChart([1, 2], [{ name: "a", mean: [1], min: [0], max: [2] }]),
    /series "a" has 1 means/,
  );
  assert.throws(
    () => meanRangeChart([1], [{ name: "a", mean: [3], min: [0], max: [2] }]),
    /min ≤ mean ≤ max/,
  );
});
