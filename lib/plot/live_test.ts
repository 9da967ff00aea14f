import assert from "node:assert/strict";
import { busy, hasData, liveFigure } from "./live.ts";
import { lineChart } from "./charts.ts";

Deno.test("hasData(): a live figure's first frame waits for two points or a heatmap row", () => {
  assert.equal(hasData(lineChart([{ name: "loss", y: [] }])), false);
  assert.equal(hasData(lineChart([{ name: "loss", y: [2.1] }])), false);
  assert.equal(hasData(lineChart([{ name: "loss", y: [2.1, 2] }])), true);
  assert.equal(hasData({ data: [{ type: "heatmap", z: [[1]] }] }), true);
});

Deno.test("a live figure's update and flush run outside a notebook", async () => {
  const live = liveFigure(0);
  await live.update(lineChart([{ name: "y", y: [1] }]));
  await live.update(lineChart([{ name: "y", y: [1, 2] }]));
  await live.flush();
});

Deno.test("busy() returns the work's result and passes its error on", async () => {
  assert.equal(await busy("adding", () => 1 + 2), 3);
  assert.equal(
    await busy("waiting", () => new Promise((r) => setTimeout(() => r("ok"), 20))),
    "ok",
  );
  await assert.rejects(busy("failing", () => Promise.reject(new Error("boom"))), /boom/);
});
