/**
 * The traces of the static SVG renderer: plotly `scatter` (lines, markers, both), `bar`,
 * `histogram` (binned here, then drawn as bars), `heatmap` and `contour` (a heatmap banded into
 * `ncontours` levels), each turned into a {@linkcode Prepared} trace that knows its data extent,
 * its legend entry, and how to draw itself once the axes' scales are known.
 * @module
 */
import { colorAt, type ColorScale, colorScale, COLORWAY } from "./svg_colors.ts";
import { encodeIndexedPng, toBase64 } from "./svg_png.ts";
import { niceStep, type Scale } from "./svg_scale.ts";

/** The trace fields the renderer reads (a loose view of plotly's `Data`). */
export interface TraceSpec {
  type?: string;
  mode?: string;
  name?: string;
  x?: ArrayLike<unknown>;
  y?: ArrayLike<unknown>;
  z?: ArrayLike<ArrayLike<unknown>>;
  xaxis?: string;
  yaxis?: string;
  line?: { color?: string; width?: number; dash?: string };
  marker?: {
    size?: number;
    color?: string | ArrayLike<unknown>;
    symbol?: string;
    opacity?: number;
    line?: { color?: string; width?: number };
  };
  error_y?: {
    type?: string;
    array?: ArrayLike<unknown>;
    arrayminus?: ArrayLike<unknown>;
    symmetric?: boolean;
    value?: number;
    visible?: boolean;
    color?: string;
  };
  opacity?: number;
  visible?: boolean | "legendonly";
  showlegend?: boolean;
  nbinsx?: number;
  colorscale?: unknown;
  reversescale?: boolean;
  zmin?: number;
  zmax?: number;
  showscale?: boolean;
  ncontours?: number;
  colorbar?: { title?: string | { text?: string } };
}

/** A colour bar to draw beside the plot (heatmaps and contours). */
export interface ColorBar {
  scale: ColorScale;
  zmin: number;
  zmax: number;
  title: string;
}

/** How a legend entry looks: a line, a marker, both, or a filled box. */
export interface LegendEntry {
  name: string;
  color: string;
  kind: "line" | "marker" | "line+marker" | "box";
  dash?: string;
  symbol?: string;
}

/** A trace ready to draw: its extent for the axes, legend entry and drawing function. */
export interface Prepared {
  xaxis: string;
  yaxis: string;
  /** values along x and y that the axes must show */
  xs: (number | string)[];
  ys: (number | string)[];
  /** pad the axis range by 5% (points, lines) or not (bars, cells) */
  padX: boolean;
  padY: boolean;
  /** bars: draw from y = 0, so the y range includes 0 */
  barBase: boolean;
  /** bars and histograms take part in `barmode` grouping */
  bar?: { x: (number | string)[]; y: number[]; width?: number[] };
  legend?: LegendEntry;
  colorbar?: ColorBar;
  draw(sx: Scale, sy: Scale, group: { offset: number; width: number }): string;
}

const r1 = (v: number) => Math.round(v * 10) / 10;
const num = (v: unknown) => (v === null || v === undefined || v === "" ? NaN : Number(v));
const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Values of a plotly array (typed arrays and plain arrays), as numbers or strings. */
function values(a: ArrayLike<unknown> | undefined): (number | string)[] {
  if (!a) return [];
  return Array.from(a as ArrayLike<unknown>, (v) => (typeof v === "string" ? v : num(v)));
}

/** SVG stroke-dasharray for plotly's dash names. */
export function dashArray(dash: string | undefined, width: number): string {
  const w = Math.max(1, width);
  switch (dash) {
    case "dash":
      return `${3 * w * 1.5},${3 * w}`;
    case "dot":
      return `${w},${2 * w}`;
    case "dashdot":
      return `${4 * w},${2 * w},${w},${2 * w}`;
    case "longdash":
      return `${6 * w},${3 * w}`;
    default:
      return "";
  }
}

/** One marker as SVG at (x, y): circle, square, diamond, triangle, cross, x or star. */
export function markerSvg(
  symbol: string | undefined,
  x: number,
  y: number,
  size: number,
  fill: string,
  stroke = "",
): string {
  const r = size / 2;
  const line = stroke ? ` stroke="${stroke}"` : "";
  const poly = (pts: [number, number][]) =>
    `<path d="M${
      pts.map(([a, b]) => `${r1(x + a)},${r1(y + b)}`).join("L")
    }Z" fill="${fill}"${line}/>`;
  switch ((symbol ?? "circle").replace(/-open$/, "")) {
    case "square":
      return `<rect x="${r1(x - r)}" y="${r1(y - r)}" width="${r1(size)}" height="${
        r1(size)
      }" fill="${fill}"${line}/>`;
    case "diamond":
      return poly([[0, -r * 1.3], [r * 1.3, 0], [0, r * 1.3], [-r * 1.3, 0]]);
    case "triangle-up":
      return poly([[0, -r * 1.2], [r * 1.1, r * 0.8], [-r * 1.1, r * 0.8]]);
    case "x":
    case "cross": {
      const d = symbol === "x" ? r * 0.9 : r;
      const segs = symbol === "x"
        ? `M${r1(x - d)},${r1(y - d)}L${r1(x + d)},${r1(y + d)}M${r1(x - d)},${r1(y + d)}L${
          r1(x + d)
        },${r1(y - d)}`
        : `M${r1(x - d)},${r1(y)}L${r1(x + d)},${r1(y)}M${r1(x)},${r1(y - d)}L${r1(x)},${
          r1(y + d)
        }`;
      return `<path d="${segs}" stroke="${fill}" stroke-width="${Math.max(1.5, size / 5)}"/>`;
    }
    case "star": {
      const pts: [number, number][] = [];
      for (let k = 0; k < 10; k++) {
        const rad = k % 2 === 0 ? r * 1.3 : r * 0.55, a = -Math.PI / 2 + (k * Math.PI) / 5;
        pts.push([rad * Math.cos(a), rad * Math.sin(a)]);
      }
      return poly(pts);
    }
    default:
      return `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(r)}" fill="${fill}"${line}/>`;
  }
}

/**
 * Thin a long polyline to what the pixels can show: per pixel column keep the first, lowest,
 * highest and last point, so spikes survive and a 10 000-point curve costs a few kB.
 */
export function thinPolyline(pts: [number, number][]): [number, number][] {
  if (pts.length < 400) return pts;
  const out: [number, number][] = [];
  let col = NaN, bucket: [number, number][] = [];
  const flush = () => {
    if (bucket.length === 0) return;
    const lo = bucket.reduce((a, b) => (b[1] < a[1] ? b : a));
    const hi = bucket.reduce((a, b) => (b[1] > a[1] ? b : a));
    const keep = [bucket[0], lo, hi, bucket[bucket.length - 1]].sort((a, b) =>
      bucket.indexOf(a) - bucket.indexOf(b)
    );
    for (const p of keep) if (out[out.length - 1] !== p) out.push(p);
  };
  for (const p of pts) {
    const c = Math.round(p[0]);
    if (c !== col) {
      flush();
      bucket = [];
      col = c;
    }
    bucket.push(p);
  }
  flush();
  return out;
}

function scatter(t: TraceSpec, color: string): Prepared {
  const ys = values(t.y);
  const xs = t.x ? values(t.x) : ys.map((_, i) => i);
  const n = Math.min(xs.length, ys.length);
  const mode = t.mode ?? (n < 20 ? "lines+markers" : "lines");
  const hasLines = mode.includes("lines"), hasMarkers = mode.includes("markers");
  const lineColor = t.line?.color ?? color, lineWidth = t.line?.width ?? 2;
  const m = t.marker ?? {};
  const markerColor = typeof m.color === "string" ? m.color : color;
  const perPoint = m.color && typeof m.color !== "string" ? values(m.color) : undefined;
  const size = m.size ?? 6;
  const bars = errorBars(t, ys.slice(0, n).map(Number));
  return {
    xaxis: t.xaxis ?? "x",
    yaxis: t.yaxis ?? "y",
    xs: xs.slice(0, n),
    ys: [...ys.slice(0, n), ...(bars ? bars.flatMap(([lo, hi]) => [lo, hi]) : [])],
    padX: hasMarkers,
    padY: true,
    barBase: false,
    legend: {
      name: t.name ?? "",
      color: hasLines ? lineColor : markerColor,
      kind: hasLines && hasMarkers ? "line+marker" : hasLines ? "line" : "marker",
      dash: t.line?.dash,
      symbol: m.symbol,
    },
    draw(sx, sy) {
      const parts: string[] = [];
      if (bars) {
        const ec = t.error_y?.color ?? lineColor;
        const d = bars.map(([lo, hi], i) => {
          const px = sx.toPx(xs[i]), a = sy.toPx(lo), b = sy.toPx(hi);
          if (![px, a, b].every(Number.isFinite)) return "";
          return `M${r1(px)},${r1(a)}V${r1(b)}M${r1(px - 4)},${r1(a)}H${r1(px + 4)}M${r1(px - 4)},${
            r1(b)
          }H${r1(px + 4)}`;
        }).join("");
        if (d) parts.push(`<path d="${d}" fill="none" stroke="${ec}" stroke-width="1.5"/>`);
      }
      if (hasLines) {
        const runs: [number, number][][] = [[]];
        for (let i = 0; i < n; i++) {
          const px = sx.toPx(xs[i]), py = sy.toPx(ys[i]);
          if (Number.isFinite(px) && Number.isFinite(py)) runs[runs.length - 1].push([px, py]);
          else if (runs[runs.length - 1].length) runs.push([]);
        }
        const d = runs.filter((r) => r.length).map((r) =>
          "M" + thinPolyline(r).map(([a, b]) => `${r1(a)},${r1(b)}`).join("L")
        ).join("");
        const dash = dashArray(t.line?.dash, lineWidth);
        if (d) {
          parts.push(
            `<path d="${d}" fill="none" stroke="${lineColor}" stroke-width="${lineWidth}"` +
              `${dash ? ` stroke-dasharray="${dash}"` : ""} stroke-linejoin="round"/>`,
          );
        }
      }
      if (hasMarkers) {
        const stroke = m.line?.width ? (m.line.color ?? "#444") : "";
        const plainDots = !perPoint && !stroke && (m.symbol ?? "circle") === "circle";
        const seen = new Set<string>();
        const dots: string[] = [];
        for (let i = 0; i < n; i++) {
          const px = sx.toPx(xs[i]), py = sy.toPx(ys[i]);
          if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
          if (plainDots) {
            // one path of round dots; a dot on a pixel already drawn adds nothing
            const key = `${Math.round(px)},${Math.round(py)}`;
            if (!seen.has(key)) dots.push(`M${r1(px)},${r1(py)}h0`);
            seen.add(key);
            continue;
          }
          const c = perPoint ? String(perPoint[i] ?? markerColor) : markerColor;
          parts.push(markerSvg(m.symbol, px, py, size, c, stroke));
        }
        if (dots.length) {
          parts.push(
            `<path d="${dots.join("")}" stroke="${markerColor}" stroke-width="${size}" ` +
              `stroke-linecap="round"/>`,
          );
        }
      }
      const op = t.opacity ?? 1;
      return `<g${op < 1 ? ` opacity="${op}"` : ""}>${parts.join("")}</g>`;
    },
  };
}

/** Error bar ends [low, high] per point, from plotly's `error_y` (types "data" and "constant"). */
export function errorBars(t: TraceSpec, ys: number[]): [number, number][] | undefined {
  const e = t.error_y;
  if (!e || e.visible === false) return undefined;
  const plus = (i: number) =>
    e.type === "constant" ? (e.value ?? 0) : e.array ? num(e.array[i]) : e.value ?? NaN;
  const minus = (i: number) =>
    e.symmetric === false && e.arrayminus ? num(e.arrayminus[i]) : plus(i);
  return ys.map((y, i) => [y - minus(i), y + plus(i)]);
}

/** Histogram bins as plotly makes them: a round bin width near span / nbins, edges on its multiples. */
export function histogramBins(
  xs: number[],
  nbins = 0,
): { edges: number[]; counts: number[] } {
  const v = xs.filter(Number.isFinite);
  if (v.length === 0) return { edges: [0, 1], counts: [0] };
  const lo = Math.min(...v), hi = Math.max(...v);
  const target = nbins > 0 ? nbins : Math.min(60, Math.max(5, Math.ceil(Math.sqrt(v.length))));
  const w = hi > lo ? niceStep(hi - lo, target) : 1;
  const start = Math.floor(lo / w) * w;
  const count = Math.max(1, Math.floor((hi - start) / w) + 1);
  const counts = new Array(count).fill(0);
  for (const x of v) counts[Math.min(count - 1, Math.floor((x - start) / w))]++;
  return { edges: Array.from({ length: count + 1 }, (_, i) => start + i * w), counts };
}

function bars(t: TraceSpec, color: string): Prepared {
  let bx: (number | string)[], by: number[], width: number[] | undefined;
  if (t.type === "histogram") {
    const { edges, counts } = histogramBins(values(t.x).map(Number), t.nbinsx);
    bx = counts.map((_, i) => (edges[i] + edges[i + 1]) / 2);
    by = counts;
    width = counts.map((_, i) => edges[i + 1] - edges[i]);
  } else {
    by = values(t.y).map(Number);
    bx = t.x ? values(t.x) : by.map((_, i) => i);
  }
  const fill = typeof t.marker?.color === "string" ? t.marker.color : color;
  const prepared: Prepared = {
    xaxis: t.xaxis ?? "x",
    yaxis: t.yaxis ?? "y",
    xs: width ? bx.flatMap((x, i) => [Number(x) - width![i] / 2, Number(x) + width![i] / 2]) : bx,
    ys: by,
    padX: false,
    padY: true,
    barBase: true,
    bar: { x: bx, y: by, width },
    legend: { name: t.name ?? "", color: fill, kind: "box" },
    draw(sx, sy, group) {
      const y0 = sy.toPx(sy.kind === "log" ? sy.domain[0] : 0);
      const rects: string[] = [];
      for (let i = 0; i < bx.length; i++) {
        const center = sx.toPx(bx[i]);
        const unit = width ? Math.abs(sx.toPx(Number(bx[i]) + width[i]) - center) : group.width;
        const w = width ? unit * (t.type === "histogram" ? 1 : 0.8) : group.width;
        const left = width ? center - w / 2 : center + group.offset;
        const y = sy.kind === "log" ? sy.toPx(by[i]) : sy.toPx(by[i]);
        if (!Number.isFinite(left) || !Number.isFinite(y)) continue;
        const top = Math.min(y, y0), h = Math.abs(y0 - y);
        rects.push(
          `<rect x="${r1(left)}" y="${r1(top)}" width="${r1(Math.max(0.5, w))}" height="${r1(h)}"` +
            `${t.type === "histogram" ? ' stroke="#fff" stroke-width="0.5"' : ""}/>`,
        );
      }
      const op = t.opacity ?? 1;
      return `<g fill="${fill}"${op < 1 ? ` opacity="${op}"` : ""}>${rects.join("")}</g>`;
    },
  };
  return prepared;
}

/** Cell edges of heatmap coordinates: midpoints between centres, half a step beyond the ends. */
export function cellEdges(centers: number[]): number[] {
  if (centers.length === 1) return [centers[0] - 0.5, centers[0] + 0.5];
  const mids = centers.slice(1).map((c, i) => (c + centers[i]) / 2);
  const first = centers[0] - (mids[0] - centers[0]);
  const last = centers[centers.length - 1] + (centers[centers.length - 1] - mids[mids.length - 1]);
  return [first, ...mids, last];
}

function heat(t: TraceSpec): Prepared {
  const z = Array.from(t.z ?? [], (row) => Array.from(row, num));
  const rows = z.length, cols = Math.max(0, ...z.map((r) => r.length));
  const finite = z.flat().filter(Number.isFinite);
  const zmin = t.zmin ?? (finite.length ? Math.min(...finite) : 0);
  const zmax = t.zmax ?? (finite.length ? Math.max(...finite) : 1);
  const scale = colorScale(t.colorscale, t.reversescale ?? false);
  const xLabels = t.x ? values(t.x) : undefined, yLabels = t.y ? values(t.y) : undefined;
  const isCat = (l?: (number | string)[]) => !!l && l.some((v) => typeof v === "string");
  // positions of columns and rows on their axes: numbers, or category labels (placed by the scale)
  const xPos = xLabels && !isCat(xLabels) ? xLabels.map(Number) : undefined;
  const yPos = yLabels && !isCat(yLabels) ? yLabels.map(Number) : undefined;
  const xEdges = cellEdges(xPos ?? Array.from({ length: cols }, (_, j) => j));
  const yEdges = cellEdges(yPos ?? Array.from({ length: rows }, (_, i) => i));
  const levels = t.type === "contour" ? Math.max(2, t.ncontours ?? 15) : 0;
  const showScale = t.showscale !== false;
  const cbTitle = t.colorbar?.title;
  return {
    xaxis: t.xaxis ?? "x",
    yaxis: t.yaxis ?? "y",
    xs: xLabels && isCat(xLabels) ? xLabels : [xEdges[0], xEdges[xEdges.length - 1]],
    ys: yLabels && isCat(yLabels) ? yLabels : [yEdges[0], yEdges[yEdges.length - 1]],
    padX: false,
    padY: false,
    barBase: false,
    colorbar: showScale
      ? {
        scale,
        zmin,
        zmax,
        title: typeof cbTitle === "string" ? cbTitle : cbTitle?.text ?? "",
      }
      : undefined,
    draw(sx, sy) {
      const xCat = !xPos && xLabels, yCat = !yPos && yLabels;
      const colPx = (j: number) =>
        xCat ? sx.toPx(xLabels![j]) : sx.toPx((xEdges[j] + xEdges[j + 1]) / 2);
      const rowPx = (i: number) =>
        yCat ? sy.toPx(yLabels![i]) : sy.toPx((yEdges[i] + yEdges[i + 1]) / 2);
      const half = (a: number, b: number) => (b - a || 1) / 2;
      const left = xCat
        ? colPx(0) - half(colPx(0), colPx(Math.min(1, cols - 1)))
        : sx.toPx(xEdges[0]);
      const right = xCat
        ? colPx(cols - 1) + half(colPx(Math.max(0, cols - 2)), colPx(cols - 1))
        : sx.toPx(xEdges[xEdges.length - 1]);
      const bottom = yCat
        ? rowPx(0) - half(rowPx(0), rowPx(Math.min(1, rows - 1)))
        : sy.toPx(yEdges[0]);
      const top = yCat
        ? rowPx(rows - 1) + half(rowPx(Math.max(0, rows - 2)), rowPx(rows - 1))
        : sy.toPx(yEdges[yEdges.length - 1]);
      if (![left, right, top, bottom].every(Number.isFinite) || rows === 0 || cols === 0) return "";
      const png = heatPng(z, {
        zmin,
        zmax,
        scale,
        levels,
        flipX: right < left,
        flipY: bottom < top,
        widthPx: Math.abs(right - left),
      });
      const x = Math.min(left, right), y = Math.min(top, bottom);
      return `<image x="${r1(x)}" y="${r1(y)}" width="${r1(Math.abs(right - left))}" height="${
        r1(Math.abs(bottom - top))
      }" preserveAspectRatio="none" style="image-rendering:pixelated" ` +
        `href="data:image/png;base64,${png}"/>`;
    },
  };
}

/**
 * The pixels of a heatmap as a base64 PNG: one pixel per cell; for a contour, the grid resampled
 * bilinearly to about `widthPx` pixels, banded into `levels` colours, with a dark pixel wherever
 * the band changes (the contour lines). Row 0 of z is at the bottom unless `flipY`.
 */
function heatPng(
  z: number[][],
  o: {
    zmin: number;
    zmax: number;
    scale: ColorScale;
    levels: number;
    flipX: boolean;
    flipY: boolean;
    widthPx: number;
  },
): string {
  const rows = z.length, cols = Math.max(...z.map((r) => r.length));
  const STEPS = 254, LINE = 254, NONE = 255;
  const palette: [number, number, number][] = [];
  for (let k = 0; k < STEPS; k++) {
    const c = colorAt(o.scale, k / (STEPS - 1)).match(/\d+/g)!.map(Number);
    palette.push([c[0], c[1], c[2]]);
  }
  palette.push([90, 90, 90], [255, 255, 255]); // LINE, NONE (transparent)
  const f = o.levels ? Math.max(1, Math.min(12, Math.round(Math.min(600, o.widthPx) / cols))) : 1;
  const w = cols * f, h = rows * f;
  const at = (i: number, j: number) => z[i]?.[j] ?? NaN;
  /** value at image pixel (r, c), in z's orientation (row 0 = z row 0) */
  const sample = (r: number, c: number) => {
    if (f === 1) return at(r, c);
    const gy = Math.min(rows - 1, Math.max(0, (r + 0.5) / f - 0.5));
    const gx = Math.min(cols - 1, Math.max(0, (c + 0.5) / f - 0.5));
    const i0 = Math.floor(gy), j0 = Math.floor(gx);
    const i1 = Math.min(rows - 1, i0 + 1), j1 = Math.min(cols - 1, j0 + 1);
    const ty = gy - i0, tx = gx - j0;
    const top = at(i0, j0) * (1 - tx) + at(i0, j1) * tx;
    const bot = at(i1, j0) * (1 - tx) + at(i1, j1) * tx;
    return top * (1 - ty) + bot * ty;
  };
  const span = o.zmax > o.zmin ? o.zmax - o.zmin : 1;
  const band = new Int16Array(w * h);
  const idx = new Uint8Array(w * h);
  for (let r = 0; r < h; r++) {
    const rImg = o.flipY ? r : h - 1 - r;
    for (let c = 0; c < w; c++) {
      const v = sample(r, c);
      const cImg = o.flipX ? w - 1 - c : c;
      const k = rImg * w + cImg;
      if (!Number.isFinite(v)) {
        idx[k] = NONE;
        band[k] = -1;
        continue;
      }
      let s = Math.min(1, Math.max(0, (v - o.zmin) / span));
      if (o.levels) {
        band[k] = Math.min(o.levels - 1, Math.floor(s * o.levels));
        s = band[k] / (o.levels - 1);
      }
      idx[k] = Math.round(s * (STEPS - 1));
    }
  }
  if (o.levels) {
    for (let r = 0; r < h - 1; r++) {
      for (let c = 0; c < w - 1; c++) {
        const k = r * w + c;
        if (band[k] >= 0 && (band[k] !== band[k + 1] || band[k] !== band[k + w])) idx[k] = LINE;
      }
    }
  }
  return toBase64(encodeIndexedPng(w, h, idx, palette, NONE));
}

/**
 * Prepare one plotly trace for drawing.
 *
 * @param t the trace
 * @param index its position among the figure's traces (picks the default colour)
 * @returns the prepared trace
 * @throws {RangeError} for a trace type the renderer does not draw
 */
export function prepareTrace(t: TraceSpec, index: number): Prepared {
  const color = COLORWAY[index % COLORWAY.length];
  switch (t.type ?? "scatter") {
    case "scatter":
    case "scattergl":
      return scatter(t, color);
    case "bar":
    case "histogram":
      return bars(t, color);
    case "heatmap":
    case "contour":
      return heat(t);
    default:
      throw new RangeError(`prepareTrace: trace type "${t.type}" has no static rendering`);
  }
}

export { esc as escapeXml };
