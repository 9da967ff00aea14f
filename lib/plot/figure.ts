/**
 * The figure type shared by the plot helpers, and the MIME bundle a figure becomes in a notebook,
 * holding the figure once per format that needs it:
 * - `application/vnd.plotly.v1+json`, the interactive figure: JupyterLab's and VS Code's plotly
 *   renderers draw it, and so does the classic notebook once `initPlots()` has run (see
 *   `classic_renderer.ts`);
 * - `image/svg+xml`, its picture drawn here without a browser (`svg_figure.ts`), for GitHub's
 *   preview, nbviewer and every viewer that runs no script;
 * - `text/html`, the same picture as an `<img>`, because untrusted notebooks (classic and
 *   JupyterLab) drop SVG but keep a sanitised image, and nbconvert's HTML prefers HTML;
 * - `text/plain`, one line naming the figure.
 * plotly.js itself is never stored in a figure.
 * @module
 */
// @ts-types="@types/plotly.js"
import type { Config, Data, Layout } from "plotly.js-cartesian-dist-min";
import { figureSvg } from "./svg_figure.ts";
import { toBase64 } from "./svg_png.ts";

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
 * Interactive HTML of one figure for a page that loads plotly.js itself (the static site): a div
 * and a script that draws it with `window.Plotly`, waiting up to five seconds for plotly.js and
 * otherwise saying how to load it. Notebook bundles no longer carry it (see the module comment).
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

/** Round a number to 7 significant digits (plenty for a plot; halves the JSON of float64 data). */
function compactNumber(v: number): number {
  return Number.isInteger(v) || !Number.isFinite(v) ? v : Number(v.toPrecision(7));
}

/** A deep copy of trace data with long numbers rounded and typed arrays turned into arrays. */
function compactData(value: unknown): unknown {
  if (typeof value === "number") return compactNumber(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>, compactNumber);
  }
  if (Array.isArray(value)) return value.map(compactData);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactData(v)]));
  }
  return value;
}

/**
 * The static picture of a figure as an `<img>` with an SVG data URL (survives HTML sanitisers).
 *
 * @param svg an SVG document
 * @param alt the image's alternative text
 * @returns an HTML fragment
 */
export function svgImgHtml(svg: string, alt: string): string {
  const b64 = toBase64(new TextEncoder().encode(svg));
  const safeAlt = alt.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return `<img class="course-figure" alt="${safeAlt}" src="data:image/svg+xml;base64,${b64}">`;
}

/** The figure's title, or "". */
export function figureTitle(fig: Figure): string {
  const t = fig.layout?.title;
  return (typeof t === "string" ? t : t?.text) ?? "";
}

/**
 * The MIME bundle of a figure: the plotly JSON, its SVG picture, the picture as an `<img>` for
 * HTML-only viewers, and a text line (see the module comment).
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
  const compact = { ...f, data: compactData(f.data) as Figure["data"] };
  const title = figureTitle(f);
  const text = `<Figure${title ? `: ${title}` : ""} (${f.data.length} trace${
    f.data.length === 1 ? "" : "s"
  })>`;
  let svg: string | undefined;
  try {
    svg = figureSvg(compact);
  } catch (e) {
    // a trace type the static renderer does not draw: the interactive figure still works
    console.warn(`figureBundle: no static picture (${e instanceof Error ? e.message : e})`);
  }
  return {
    "application/vnd.plotly.v1+json": compact,
    ...(svg ? { "image/svg+xml": svg, "text/html": svgImgHtml(svg, title || "figure") } : {}),
    "text/plain": text,
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
