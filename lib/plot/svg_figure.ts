/**
 * A static SVG of a plotly figure, drawn in TypeScript without a browser, for the places where no
 * script runs (untrusted notebooks, GitHub's and nbviewer's previews, nbconvert HTML with
 * JavaScript off). It draws what the course's figures use: scatter lines and markers, bars and
 * histograms (grouped or overlaid), heatmaps and contours with a colour bar, linear, log and
 * category axes (ranges, reversed axes), a grid of subplots, legends (vertical or horizontal),
 * titles and axis titles, in plotly.js's default look. Interactive plotly stays the live view;
 * this is its picture.
 * @module
 */
import type { Figure } from "./figure.ts";
import { colorAt } from "./svg_colors.ts";
import {
  type ColorBar,
  escapeXml as esc,
  markerSvg,
  type Prepared,
  prepareTrace,
  type TraceSpec,
} from "./svg_traces.ts";
import { autoDomain, type AxisKind, makeScale, type Scale, ticksOf } from "./svg_scale.ts";

const FONT = `font-family="'Open Sans', verdana, arial, sans-serif"`;
const TEXT = "#444";
/** Width of the picture when the layout sets none (plotly's is the page width). */
export const DEFAULT_WIDTH = 700;

interface AxisSpec {
  title?: string | { text?: string };
  type?: string;
  range?: [number, number];
  autorange?: boolean | "reversed";
  domain?: [number, number];
}

const r1 = (v: number) => Math.round(v * 10) / 10;
const titleText = (t: unknown): string =>
  typeof t === "string" ? t : (t as { text?: string } | undefined)?.text ?? "";
/** Text width estimate in pixels (no font metrics here): 0.6 em per character. */
const textWidth = (s: string, size = 12) => s.length * size * 0.6;

/** "x" → "xaxis", "x3" → "xaxis3". */
const layoutKey = (axisId: string) => `${axisId[0]}axis${axisId.slice(1)}`;

function axisKind(spec: AxisSpec, values: (number | string)[]): AxisKind {
  if (spec.type === "log") return "log";
  if (spec.type === "category") return "category";
  if (spec.type === "linear") return "linear";
  return values.some((v) => typeof v === "string" && !Number.isFinite(Number(v)))
    ? "category"
    : "linear";
}

/** The plot area of subplot k (1-based) in a rows × columns grid, as [x0, x1], [y0, y1] fractions. */
function gridDomain(
  grid: { rows?: number; columns?: number } | undefined,
  k: number,
): { x: [number, number]; y: [number, number] } {
  const rows = grid?.rows ?? 1, cols = grid?.columns ?? 1;
  if (rows * cols <= 1) return { x: [0, 1], y: [0, 1] };
  const i = k - 1, r = Math.floor(i / cols), c = i % cols;
  const gx = 0.2 / cols, gy = 0.3 / rows; // gaps between cells, as fractions of the whole
  const w = (1 - gx * (cols - 1)) / cols, h = (1 - gy * (rows - 1)) / rows;
  const x0 = c * (w + gx), y1 = 1 - r * (h + gy);
  return { x: [x0, x0 + w], y: [y1 - h, y1] };
}

function colorBarSvg(cb: ColorBar, x: number, y0: number, y1: number): string {
  const h = y1 - y0, w = 14, id = "\u0000colorbar";
  const stops = Array.from({ length: 11 }, (_, k) => {
    const t = k / 10;
    return `<stop offset="${t}" stop-color="${colorAt(cb.scale, 1 - t)}"/>`;
  }).join("");
  const scale = makeScale("linear", [cb.zmin, cb.zmax === cb.zmin ? cb.zmin + 1 : cb.zmax], y1, y0);
  const ticks = ticksOf(scale, 28).map((t) =>
    `<line x1="${x + w}" x2="${x + w + 4}" y1="${r1(t.px)}" y2="${r1(t.px)}" stroke="${TEXT}"/>` +
    `<text x="${x + w + 6}" y="${r1(t.px + 4)}" font-size="11" fill="${TEXT}">${
      esc(t.label)
    }</text>`
  ).join("");
  const title = cb.title
    ? `<text x="${x}" y="${r1(y0 - 8)}" font-size="12" fill="${TEXT}">${esc(cb.title)}</text>`
    : "";
  return `<defs><linearGradient id="${id}" x1="0" x2="0" y1="0" y2="1">${stops}</linearGradient></defs>` +
    `<rect x="${x}" y="${r1(y0)}" width="${w}" height="${
      r1(h)
    }" fill="url(#${id})"/>${ticks}${title}`;
}

function legendSymbol(p: Prepared, x: number, y: number): string {
  const e = p.legend!;
  if (e.kind === "box") {
    return `<rect x="${x + 8}" y="${y - 6}" width="16" height="12" fill="${e.color}"/>`;
  }
  const line = e.kind !== "marker"
    ? `<line x1="${x}" x2="${x + 32}" y1="${y}" y2="${y}" stroke="${e.color}" stroke-width="2"${
      e.dash && e.dash !== "solid" ? ` stroke-dasharray="${e.dash === "dot" ? "2,4" : "6,4"}"` : ""
    }/>`
    : "";
  const marker = e.kind !== "line" ? markerSvg(e.symbol, x + 16, y, 8, e.color) : "";
  return line + marker;
}

/** Options of {@link figureSvg}. */
export interface SvgOptions {
  /** width in pixels when the layout has none (default 700) */
  width?: number;
}

/**
 * Draw a figure as a standalone SVG document.
 *
 * @param fig the plotly figure (after `withDefaults`, or raw)
 * @param opts default width
 * @returns an `<svg>` element with `xmlns`, width and height, embeddable as an image
 * @throws {RangeError} for a trace type it cannot draw
 * @example A line chart as SVG
 * ```ts
 * import { figureSvg } from "./svg_figure.ts";
 * const svg = figureSvg({ data: [{ type: "scatter", y: [1, 3, 2] }], layout: { title: { text: "demo" } } });
 * console.log(svg.startsWith("<svg")); // true
 * ```
 */
export function figureSvg(fig: Figure, opts: SvgOptions = {}): string {
  const layout = (fig.layout ?? {}) as Record<string, unknown>;
  const W = typeof layout.width === "number" ? layout.width : opts.width ?? DEFAULT_WIDTH;
  const H = typeof layout.height === "number" ? layout.height : 360;
  const margin = { l: 60, r: 20, t: 40, b: 50, ...(layout.margin as object) } as Record<
    string,
    number
  >;
  const traces = fig.data
    .map((d, i) => ({ spec: d as unknown as TraceSpec, i }))
    .filter(({ spec }) => spec.visible !== false);
  const prepared = traces.map(({ spec, i }) => ({ spec, p: prepareTrace(spec, i) }));
  const shown = prepared.filter(({ spec }) => spec.visible !== "legendonly");

  // legend: entries of named traces when there are several (plotly's rule), or when asked
  const legendItems = prepared.filter(({ spec, p }) =>
    p.legend && spec.showlegend !== false &&
    (spec.showlegend === true || prepared.filter((q) => q.p.legend).length > 1)
  );
  const showLegend = layout.showlegend !== false && legendItems.length > 0;
  const legendSpec = (layout.legend ?? {}) as { orientation?: string };
  const horizontal = legendSpec.orientation === "h";
  const colorbars = shown.map(({ p }) => p.colorbar).filter((c): c is ColorBar => !!c);

  let right = W - margin.r, bottom = H - margin.b;
  const legendWidth = showLegend && !horizontal
    ? Math.min(W / 3, 40 + Math.max(...legendItems.map(({ p }) => textWidth(p.legend!.name))))
    : 0;
  right -= legendWidth;
  if (colorbars.length) right -= 70;
  let legendRows: { p: Prepared; x: number; row: number }[] = [];
  if (showLegend && horizontal) {
    let x = margin.l, row = 0;
    legendRows = legendItems.map(({ p }) => {
      const w = 44 + textWidth(p.legend!.name);
      if (x + w > W - margin.r && x > margin.l) {
        x = margin.l;
        row++;
      }
      const item = { p, x, row };
      x += w;
      return item;
    });
    bottom -= 22 * (row + 1) + 10;
  }
  const plotL = margin.l, plotT = margin.t;
  const plotW = Math.max(40, right - plotL), plotH = Math.max(40, bottom - plotT);

  // axes: one scale per axis id, over every trace drawn on it
  const grid = layout.grid as { rows?: number; columns?: number } | undefined;
  const axisIds = new Set<string>();
  for (const { p } of shown) axisIds.add(p.xaxis).add(p.yaxis);
  if (axisIds.size === 0) axisIds.add("x").add("y");
  const scales = new Map<string, Scale>();
  const out: string[] = [];
  const clips: string[] = [];
  for (const id of axisIds) {
    const spec = (layout[layoutKey(id)] ?? {}) as AxisSpec;
    const isX = id[0] === "x";
    const on = shown.filter(({ p }) => (isX ? p.xaxis : p.yaxis) === id).map(({ p }) => p);
    const vals = on.flatMap((p) => (isX ? p.xs : p.ys));
    const kind = axisKind(spec, vals);
    const categories = kind === "category" ? [...new Set(vals.map(String))] : [];
    const k = Number(id.slice(1) || 1);
    const cell = gridDomain(grid, k);
    const frac = spec.domain ?? (isX ? cell.x : cell.y);
    let domain: [number, number];
    if (spec.range && spec.range.length === 2 && spec.range.every(Number.isFinite)) {
      domain = [Number(spec.range[0]), Number(spec.range[1])];
    } else {
      const pad = on.some((p) => (isX ? p.padX : p.padY)) ? 0.05 : 0;
      const base = !isX && on.some((p) => p.barBase) && kind === "linear" ? [0] : [];
      domain = kind === "category"
        ? [-0.5, Math.max(1, categories.length) - 0.5]
        : autoDomain(kind, [...vals, ...base], categories, pad);
      // bars of non-negative values start at the axis, as plotly's do
      if (base.length && domain[0] < 0 && vals.every((v) => Number(v) >= 0)) domain[0] = 0;
    }
    if (spec.autorange === "reversed") domain = [domain[1], domain[0]];
    const px0 = isX ? plotL + frac[0] * plotW : plotT + (1 - frac[0]) * plotH;
    const px1 = isX ? plotL + frac[1] * plotW : plotT + (1 - frac[1]) * plotH;
    scales.set(id, makeScale(kind, domain, px0, px1, categories));
  }

  // bar groups: per axis pair, bars of the i-th bar trace are offset within each category slot
  const barTraces = shown.filter(({ p }) => p.bar && !p.bar.width);
  const barmode = (layout.barmode as string | undefined) ?? "group";
  const groupOf = (p: Prepared) => {
    const sx = scales.get(p.xaxis)!;
    const mates = barTraces.filter(({ p: q }) => q.xaxis === p.xaxis && q.yaxis === p.yaxis);
    const n = barmode === "group" ? mates.length : 1;
    const k = barmode === "group" ? mates.findIndex(({ p: q }) => q === p) : 0;
    const xsNum = p.bar?.x.map((v) => sx.toPx(v)).filter(Number.isFinite).sort((a, b) => a - b) ??
      [];
    const gaps = xsNum.slice(1).map((v, i) => v - xsNum[i]).filter((d) => d > 0.5);
    const slot = gaps.length
      ? Math.min(...gaps)
      : Math.abs(sx.px1 - sx.px0) / Math.max(1, xsNum.length);
    const width = (slot * 0.8) / Math.max(1, n);
    return { offset: -slot * 0.4 + k * width, width };
  };

  // subplots: axis lines, grid lines, tick labels and titles, then the traces clipped to the area
  const pairs = [...new Set(shown.map(({ p }) => `${p.xaxis}|${p.yaxis}`))];
  if (pairs.length === 0) pairs.push("x|y");
  for (const pair of pairs) {
    const [xid, yid] = pair.split("|");
    const sx = scales.get(xid)!, sy = scales.get(yid)!;
    const x0 = Math.min(sx.px0, sx.px1), x1 = Math.max(sx.px0, sx.px1);
    const y0 = Math.min(sy.px0, sy.px1), y1 = Math.max(sy.px0, sy.px1);
    const clipId = `\u0000clip-${xid}-${yid}`;
    clips.push(
      `<clipPath id="${clipId}"><rect x="${r1(x0)}" y="${r1(y0)}" width="${r1(x1 - x0)}" height="${
        r1(y1 - y0)
      }"/></clipPath>`,
    );
    const xTicks = ticksOf(sx, sx.kind === "category" ? 14 : 70);
    const yTicks = ticksOf(sy, 26);
    const g: string[] = [];
    for (const t of xTicks) {
      if (sx.kind !== "category") {
        g.push(
          `<line x1="${r1(t.px)}" x2="${r1(t.px)}" y1="${r1(y0)}" y2="${r1(y1)}" stroke="#eee"/>`,
        );
      }
      const rotate = sx.kind === "category" && xTicks.some((u) => textWidth(u.label, 11) > 40);
      g.push(
        rotate
          ? `<text transform="translate(${r1(t.px + 4)},${
            r1(y1 + 8)
          }) rotate(-45)" text-anchor="end" ` +
            `font-size="11" fill="${TEXT}">${esc(t.label)}</text>`
          : `<text x="${r1(t.px)}" y="${
            r1(y1 + 16)
          }" text-anchor="middle" font-size="12" fill="${TEXT}">` +
            `${esc(t.label)}</text>`,
      );
    }
    for (const t of yTicks) {
      if (sy.kind !== "category") {
        g.push(
          `<line x1="${r1(x0)}" x2="${r1(x1)}" y1="${r1(t.px)}" y2="${r1(t.px)}" stroke="#eee"/>`,
        );
      }
      g.push(
        `<text x="${r1(x0 - 6)}" y="${
          r1(t.px + 4)
        }" text-anchor="end" font-size="12" fill="${TEXT}">` +
          `${esc(t.label)}</text>`,
      );
    }
    // zero lines, as plotly draws them on linear axes
    if (sy.kind === "linear" && Math.min(...sy.domain) < 0 && Math.max(...sy.domain) > 0) {
      const z = sy.toPx(0);
      g.push(`<line x1="${r1(x0)}" x2="${r1(x1)}" y1="${r1(z)}" y2="${r1(z)}" stroke="${TEXT}"/>`);
    }
    if (sx.kind === "linear" && Math.min(...sx.domain) < 0 && Math.max(...sx.domain) > 0) {
      const z = sx.toPx(0);
      g.push(`<line x1="${r1(z)}" x2="${r1(z)}" y1="${r1(y0)}" y2="${r1(y1)}" stroke="${TEXT}"/>`);
    }
    const xTitle = titleText((layout[layoutKey(xid)] as AxisSpec | undefined)?.title);
    const yTitle = titleText((layout[layoutKey(yid)] as AxisSpec | undefined)?.title);
    if (xTitle) {
      g.push(
        `<text x="${r1((x0 + x1) / 2)}" y="${r1(y1 + 38)}" text-anchor="middle" font-size="14" ` +
          `fill="${TEXT}">${esc(xTitle)}</text>`,
      );
    }
    if (yTitle) {
      const labelW = Math.max(0, ...yTicks.map((t) => textWidth(t.label)));
      const x = Math.max(12, x0 - labelW - 16);
      g.push(
        `<text transform="translate(${r1(x)},${
          r1((y0 + y1) / 2)
        }) rotate(-90)" text-anchor="middle" ` +
          `font-size="14" fill="${TEXT}">${esc(yTitle)}</text>`,
      );
    }
    const drawn = shown.filter(({ p }) => p.xaxis === xid && p.yaxis === yid).map(({ p }) =>
      p.draw(sx, sy, p.bar && !p.bar.width ? groupOf(p) : { offset: 0, width: 0 })
    );
    out.push(g.join(""), `<g clip-path="url(#${clipId})">${drawn.join("")}</g>`);
  }

  if (colorbars.length) {
    out.push(colorBarSvg(colorbars[0], plotL + plotW + 12, plotT + 14, plotT + plotH));
  }
  if (showLegend && !horizontal) {
    const x = W - margin.r - legendWidth + 8;
    legendItems.forEach(({ p }, i) => {
      const y = plotT + 10 + i * 20;
      out.push(
        legendSymbol(p, x, y),
        `<text x="${x + 38}" y="${y + 4}" font-size="12" fill="${TEXT}">${
          esc(p.legend!.name)
        }</text>`,
      );
    });
  } else if (showLegend) {
    const top = plotT + plotH + 58;
    for (const { p, x, row } of legendRows) {
      const y = Math.min(H - 8, top + row * 22);
      out.push(
        legendSymbol(p, x, y),
        `<text x="${x + 38}" y="${y + 4}" font-size="12" fill="${TEXT}">${
          esc(p.legend!.name)
        }</text>`,
      );
    }
  }
  const titleSpec = layout.title as
    | { text?: string; x?: number; xanchor?: string }
    | string
    | undefined;
  const title = titleText(titleSpec);
  if (title) {
    const tx = typeof titleSpec === "object" && typeof titleSpec.x === "number" ? titleSpec.x : 0.5;
    const anchor = typeof titleSpec === "object" && titleSpec.xanchor === "left"
      ? "start"
      : tx < 0.5 && typeof titleSpec === "object" && titleSpec.x !== undefined
      ? "start"
      : "middle";
    out.push(
      `<text x="${r1(tx * W)}" y="${r1(Math.max(18, margin.t / 2 + 6))}" text-anchor="${anchor}" ` +
        `font-size="17" fill="${TEXT}">${esc(title)}</text>`,
    );
  }
  const body = `<rect width="${W}" height="${H}" fill="#fff"/><defs>${clips.join("")}</defs>` +
    out.join("");
  // ids must be unique on a page that inlines several figures: prefix them with a content hash
  const body2 = body.replaceAll("\u0000", `f${fnv1a(body)}-`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" ` +
    `viewBox="0 0 ${W} ${H}" ${FONT}>${body2}</svg>`;
}

/** FNV-1a hash of a string, as 8 hex digits. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}
