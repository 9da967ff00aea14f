import assert from "node:assert/strict";
import { figureBundle, figureHtml, plotlyLoaderHtml } from "./figure.ts";
import { formatDuration, ProgressLine } from "./live.ts";
import { heatmap, lineChart } from "./charts.ts";
import { plotlySource, show } from "./show.ts";

Deno.test("figureBundle() carries the plotly JSON, an HTML fallback and a text line", () => {
  const b = figureBundle(lineChart([{ name: "loss", y: [3, 2, 1] }], { title: "Loss" }));
  const json = b["application/vnd.plotly.v1+json"] as { data: { y: number[] }[] };
  assert.deepEqual(json.data[0].y, [3, 2, 1]);
  assert.match(b["text/html"] as string, /Plotly\.newPlot/);
  assert.equal(b["text/plain"], "<Figure: Loss (1 trace)>");
});

Deno.test("figureHtml() escapes '<' so data cannot close the script tag", () => {
  const html = figureHtml({ data: [{ y: [1], name: "</script><b>x" }] });
  assert.equal(html.match(/<\/script>/g)?.length, 1);
});

Deno.test("figureHtml() stays small: plotly.js is not inlined per figure", () => {
  const html = figureHtml(heatmap([[1, 2], [3, 4]]));
  assert.ok(html.length < 4000, `figure HTML is ${html.length} bytes`);
});

Deno.test("plotlySource() reads the pinned plotly.js bundle offline and the loader escapes it", async () => {
  const src = await plotlySource();
  assert.ok(src.length > 500_000, `plotly.js is ${src.length} bytes`);
  const loader = plotlyLoaderHtml("var s = '</script>';");
  assert.ok(!loader.includes("'</script>'"));
});

Deno.test("show() is a no-op outside a notebook", async () => {
  await show(lineChart([{ name: "y", y: [1] }]));
});

Deno.test("ProgressLine.format() reports step, values, rate and ETA", () => {
  const p = new ProgressLine(100);
  const line = p.format({ step: 50, loss: 1.23456 });
  assert.match(line, /^step 50\/100 {2}loss 1\.235 {2}[\d.]+ steps\/s {2}ETA /);
  assert.equal(formatDuration(3725), "1:02:05");
  assert.equal(formatDuration(65), "1:05");
});
