import assert from "node:assert/strict";
import { figureSvg } from "./svg_figure.ts";
import { barChart, contour, heatmap, histograms, lineChart, scatterClasses } from "./charts.ts";
import { attentionHeatmap } from "./attention_heatmap.ts";
import { meanRangeChart } from "./mean_range_chart.ts";
import type { Figure } from "./figure.ts";

/** Tags open and close in order, attributes are quoted, and no raw "<" or "&" is left in text. */
function assertWellFormed(svg: string, what: string) {
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g;
  let last = 0;
  for (const m of svg.matchAll(tag)) {
    const between = svg.slice(last, m.index);
    assert.ok(!/[<>]|&(?![a-z]+;|#\d+;)/.test(between), `${what}: stray markup in "${between}"`);
    last = m.index! + m[0].length;
    if (m[4]) continue;
    if (m[1]) assert.equal(stack.pop(), m[2], `${what}: </${m[2]}> closes the wrong tag`);
    else stack.push(m[2]);
  }
  assert.equal(svg.slice(last), "", `${what}: text after the root`);
  assert.deepEqual(stack, [], `${what}: unclosed ${stack}`);
}

/** The points of the first `<path d="M…L…">` after `marker` (pixels). */
function pathPoints(svg: string, stroke: string): [number, number][] {
  const m = svg.match(new RegExp(`<path d="M([^"]+)"[^>]*stroke="${stroke}"`));
  assert.ok(m, `no path stroked ${stroke}`);
  return m[1].split(/[ML]/).map((p) => p.split(",").map(Number) as [number, number]);
}

Deno.test("a line chart's points land on the pixels its axes give them", () => {
  // 700×360, margins l 60 r 20 t 40 b 50; no legend (one trace): plot area x 60…680, y 40…310
  const fig: Figure = {
    data: [{
      type: "scatter",
      mode: "lines",
      x: [0, 5, 10],
      y: [0, 10, 5],
      line: { color: "red" },
    }],
    layout: { xaxis: { range: [0, 10] }, yaxis: { range: [0, 10] }, height: 360 },
  };
  const pts = pathPoints(figureSvg(fig), "red");
  assert.deepEqual(pts, [[60, 310], [370, 40], [680, 175]]);
});

Deno.test("a log y axis places decades evenly and labels them", () => {
  const fig: Figure = {
    data: [{ type: "scatter", mode: "lines", y: [1, 10, 100], line: { color: "blue" } }],
    layout: { yaxis: { type: "log", range: [0, 2] }, xaxis: { range: [0, 2] }, height: 360 },
  };
  const svg = figureSvg(fig);
  const ys = pathPoints(svg, "blue").map(([, y]) => y);
  assert.deepEqual(ys, [310, 175, 40]);
  for (const label of [">1<", ">10<", ">100<"]) assert.ok(svg.includes(label), `no tick ${label}`);
});

Deno.test("reversed and category axes: the attention map's first output row is at the top", () => {
  const fig = attentionHeatmap([[1, 0], [0, 1]], ["a", "b"], ["x", "y"]);
  const svg = figureSvg(fig);
  assertWellFormed(svg, "attention");
  const yOf = (label: string) => Number(svg.match(new RegExp(`y="([\\d.]+)"[^>]*>${label}<`))![1]);
  assert.ok(yOf("x₀") < yOf("y₁"), "output token 0 should be drawn above token 1");
  assert.match(svg, /<image [^>]*href="data:image\/png;base64,/);
});

Deno.test("every chart the course builds renders to well-formed SVG with its title and legend", () => {
  const figures: [string, Figure, RegExp[]][] = [
    [
      "lineChart log",
      lineChart([{ name: "train", y: [3, 1, 0.3] }, { name: "val", y: [3, 2, 1], dash: "dash" }], {
        title: "Loss",
        logY: true,
      }),
      [/stroke-dasharray/, />train</, />val</],
    ],
    ["heatmap", heatmap([[0, 1, 2], [3, 4, NaN]], { title: "H", x: ["a", "b", "c"] }), [
      /<image /,
      /<linearGradient/,
    ]],
    ["contour", contour([0, 1, 2], [0, 1], [[0, 1, 2], [1, 2, 3]], { title: "C" }), [/<image /]],
    ["scatterClasses", scatterClasses({ x: [0, 1, 2, 3], y: [1, 0, 1, 0] }, [0, 1, 0, 1]), [
      /<circle /,
      />class 1</,
    ]],
    ["histograms", histograms({ before: [0, 0.1, 0.2, 0.5], after: [1, 1.1, 1.2] }, { bins: 4 }), [
      /<rect x=/,
      />after</,
    ]],
    ["barChart", barChart(["a", "b"], { x: [1, 2], y: [2, 1] }), [/>a</, />y</]],
    [
      "meanRangeChart",
      meanRangeChart([1, 2, 3], [{ name: "m", mean: [1, 2, 3], min: [0.5, 1, 2], max: [2, 3, 4] }]),
      [/V/],
    ],
    ["grid of histograms", {
      data: [1, 2, 3].map((k) => ({
        type: "histogram" as const,
        x: [k, k + 1, k + 1],
        xaxis: `x${k}`,
        yaxis: `y${k}`,
      })),
      layout: {
        grid: { rows: 1, columns: 3, pattern: "independent" },
        xaxis2: { title: { text: "layer 2" } },
      },
    }, [/>layer 2</]],
    ["markers, stars, horizontal legend", {
      data: [
        {
          type: "scatter",
          mode: "markers",
          name: "optimum",
          x: [1],
          y: [2],
          marker: { symbol: "star", size: 16, color: "gold" },
        },
        { type: "scatter", mode: "lines+markers", name: "path", x: [0, 1], y: [0, 2] },
      ],
      layout: {
        legend: { orientation: "h", y: -0.2 },
        title: { text: "Paths", x: 0.02, xanchor: "left" },
      },
    }, [/>optimum</, /text-anchor="start"[^>]*>Paths</]],
  ];
  for (const [what, fig, patterns] of figures) {
    const svg = figureSvg(fig);
    assertWellFormed(svg, what);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+"/);
    for (const p of patterns) assert.match(svg, p, `${what}: missing ${p}`);
    const title = typeof fig.layout?.title === "object" ? fig.layout.title.text : undefined;
    if (title) assert.ok(svg.includes(`>${title}<`), `${what}: no title`);
  }
});

Deno.test("ids are unique per figure, so several inlined on one page do not clip each other", () => {
  const a = figureSvg(lineChart([{ name: "a", y: [1, 2] }]));
  const b = figureSvg(lineChart([{ name: "b", y: [2, 1] }], { height: 200 }));
  const ids = (s: string) => [...s.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(ids(a).length > 0);
  assert.equal(ids(a).filter((id) => ids(b).includes(id)).length, 0);
  assert.ok(!a.includes("\u0000"));
});

Deno.test("text is escaped and a 20 000-point curve stays small", () => {
  const y = Array.from({ length: 20000 }, (_, i) => Math.sin(i / 100));
  const svg = figureSvg(
    lineChart([{ name: "<b>&", y }, { name: "z", y: [0, 1] }], { title: "a < b" }),
  );
  assertWellFormed(svg, "escaped");
  assert.ok(svg.includes("a &lt; b") && svg.includes("&lt;b&gt;&amp;"));
  assert.ok(svg.length < 60_000, `SVG is ${svg.length} bytes`);
});

Deno.test("an unknown trace type is a clear error", () => {
  assert.throws(
    () => figureSvg({ data: [{ type: "pie" } as Figure["data"][number]] }),
    /"pie" has no static rendering/,
  );
});
