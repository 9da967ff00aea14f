/**
 * The figure type shared by the plot helpers, and the MIME bundle a figure becomes in a notebook:
 * `application/vnd.plotly.v1+json` for JupyterLab's plotly renderer and VS Code, plus a small
 * `text/html` fallback (a div and a script calling `window.Plotly.newPlot`) for the classic
 * notebook, JupyterLab without the extension and nbconvert HTML. plotly.js itself is embedded once
 * per kernel session by `initPlots()` (see `show.ts`), never in every figure.
 * @module
 */
// @ts-types="@types/plotly.js"
import type { Config, Data, Layout } from "plotly.js-cartesian-dist-min";

/** A plotly figure: traces, layout and config, as plotly.js's `newPlot` takes them. */
export interface Figure {
  data: Partial<Data>[];
  layout?: Partial<Layout>;
  config?: Partial<Config>;
}

/** A Jupyter MIME bundle: MIME type → content. */
export type MimeBundle = Record<string, unknown>;

const DEFAULT_LAYOUT: Partial<Layout> = {
  template: undefined,
  margin: { l: 60, r: 20, t: 40, b: 50 },
  height: 360,
};

let figureCounter = 0;

/** Serialise for an inline `<script>`: JSON with `<` escaped so `</script>` cannot appear. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** A figure with the course's default layout filled in where the caller left it unset. */
export function withDefaults(fig: Figure): Required<Figure> {
  return {
    data: fig.data,
    layout: { ...DEFAULT_LAYOUT, ...fig.layout },
    config: { responsive: true, displaylogo: false, ...fig.config },
  };
}

/**
 * The HTML fallback of one figure: a div and a script that draws it with `window.Plotly`, waiting
 * up to five seconds for plotly.js and otherwise saying how to load it.
 *
 * @param fig the figure
 * @returns an HTML fragment, a few kB plus the figure's data
 */
export function figureHtml(fig: Figure): string {
  const f = withDefaults(fig);
  const id = `course-plot-${Date.now().toString(36)}-${(figureCounter++).toString(36)}`;
  const height = typeof f.layout.height === "number" ? f.layout.height : 360;
  return `<div id="${id}" class="course-plot" style="width:100%;min-height:${height}px"></div>
<script type="text/javascript">(function () {
  var fig = ${scriptJson(f)};
  function draw() { window.Plotly.newPlot("${id}", fig.data, fig.layout, fig.config); }
  if (window.Plotly) { draw(); return; }
  var tries = 0, timer = setInterval(function () {
    if (window.Plotly) { clearInterval(timer); draw(); }
    else if (++tries > 100) {
      clearInterval(timer);
      var el = document.getElementById("${id}");
      if (el) el.textContent = "plotly.js is not loaded on this page: re-run the notebook's setup cell (it calls initPlots()).";
    }
  }, 50);
})();</script>`;
}

/**
 * The MIME bundle of a figure: the plotly JSON, the HTML fallback and a text line.
 *
 * @param fig the figure
 * @returns a bundle for `Deno.jupyter.display(bundle, { raw: true })`
 * @example Build a bundle
 * ```ts
 * import { figureBundle } from "./figure.ts";
 * const b = figureBundle({ data: [{ y: [1, 3, 2] }] });
 * console.log(Object.keys(b));
 * ```
 */
export function figureBundle(fig: Figure): MimeBundle {
  const f = withDefaults(fig);
  const title = typeof f.layout.title === "string" ? f.layout.title : f.layout.title?.text;
  return {
    "application/vnd.plotly.v1+json": f,
    "text/html": figureHtml(f),
    "text/plain": `<Figure${title ? `: ${title}` : ""} (${f.data.length} trace${
      f.data.length === 1 ? "" : "s"
    })>`,
  };
}

/**
 * The one-off HTML that loads plotly.js into the page, hiding any AMD `define` (classic notebook)
 * so plotly.js sets `window.Plotly`.
 *
 * @param source the plotly.js bundle's source
 */
export function plotlyLoaderHtml(source: string): string {
  const safe = source.replace(/<\/script/gi, "<\\/script");
  return `<script type="text/javascript">window.__courseDefine = window.define; window.define = undefined;</script>
<script type="text/javascript">${safe}</script>
<script type="text/javascript">window.define = window.__courseDefine;</script>`;
}
