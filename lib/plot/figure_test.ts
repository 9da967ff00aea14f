import assert from "node:assert/strict";
import { figureBundle, figureHtml, plotlyLoaderHtml } from "./figure.ts";
import { formatDuration, ProgressLine } from "./live.ts";
import { heatmap, lineChart } from "./charts.ts";
import { plotlySource, show } from "./show.ts";

Deno.test("figureBundle() stores the plotly JSON, its SVG picture once as SVG and once as <img>", () => {
  const b = figureBundle(lineChart([{ name: "loss", y: [3, 2, 1 / 3] }], { title: "Loss" }));
  const json = b["application/vnd.plotly.v1+json"] as { data: { y: number[] }[] };
  assert.deepEqual(json.data[0].y, [3, 2, 0.3333333]); // 7 significant digits
  const svg = b["image/svg+xml"] as string;
  assert.match(svg, /^<svg xmlns=/);
  const html = b["text/html"] as string;
  assert.match(html, /^<img class="course-figure" alt="Loss" src="data:image\/svg\+xml;base64,/);
  const inImg = new TextDecoder().decode(
    Uint8Array.from(atob(html.match(/base64,([^"]+)/)![1]), (c) => c.charCodeAt(0)),
  );
  assert.equal(inImg, svg);
  assert.ok(!html.includes("Plotly"), "no script: the interactive view comes from the JSON");
  assert.equal(b["text/plain"], "<Figure: Loss (1 trace)>");
});

Deno.test("figureBundle() of a trace type without a static picture keeps the interactive JSON", () => {
  const b = figureBundle({ data: [{ type: "pie", values: [1, 2] } as never] });
  assert.ok(b["application/vnd.plotly.v1+json"]);
  assert.equal(b["image/svg+xml"], undefined);
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

Deno.test("ProgressLine.format() reports step, values, rate and an ETA measured after warm-up", () => {
  const p = new ProgressLine(100);
  const t0 = performance.now();
  // step 1 took 10 s (compiling); steps 1 → 11 then take 1 s: 10 steps/s, 89 steps left → 0:09
  assert.match(
    p.format({ step: 1, loss: 2 }, t0 + 10_000),
    /^step 1\/100 {2}loss 2\.000 {2}ETA …$/,
  );
  const line = p.format({ step: 11, loss: 1.23456 }, t0 + 11_000);
  assert.equal(line, "step 11/100  loss 1.235  10.0 steps/s  ETA 0:09");
  assert.match(p.format({ step: 100 }, t0 + 20_000), /done in 0:20$/);
  const runs = new ProgressLine(6, 250, "run", "runs");
  // whole-millisecond times, so the rate is exactly 2/s and the ETA exactly 1.5 s (shown as 0:02)
  runs.format({ step: 1 }, 5_000);
  assert.equal(runs.format({ step: 3 }, 6_000), "run 3/6  2.0 runs/s  ETA 0:02");
  assert.equal(formatDuration(3725), "1:02:05");
  assert.equal(formatDuration(65), "1:05");
});
