import assert from "node:assert/strict";
import { lineChart } from "./charts.ts";

Deno.test("lineChart: a log axis over >= 2 decades gets one labelled tick per decade", () => {
  const wide = lineChart([{ name: "loss", x: [1, 10, 1000], y: [5, 0.5, 0.001] }], {
    logX: true,
    logY: true,
  });
  for (const axis of [wide.layout!.xaxis, wide.layout!.yaxis]) {
    assert.equal(axis?.type, "log");
    assert.equal(axis?.dtick, 1);
    assert.equal(axis?.exponentformat, "power");
  }
  const narrow = lineChart([{ name: "loss", y: [2.3, 1.9, 1.5] }], { logY: true });
  assert.equal(narrow.layout!.yaxis?.type, "log");
  assert.equal(narrow.layout!.yaxis?.dtick, undefined, "within a decade plotly picks the ticks");
  assert.equal(lineChart([{ name: "a", y: [1, 2] }]).layout!.yaxis?.type, undefined);
});
