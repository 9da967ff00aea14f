/**
 * Small builders for the figures the course draws again and again (curves, heatmaps, scatter
 * plots of labelled points, contours, histograms), so notebooks say what to plot, not how.
 * Each returns a {@linkcode Figure} to pass to `show` or a live figure.
 * @module
 */
import type { Figure } from "./figure.ts";

/** Axis titles, plot title and scale shared by the builders. */
export interface ChartOptions {
  title?: string;
  xTitle?: string;
  yTitle?: string;
  logY?: boolean;
  logX?: boolean;
  height?: number;
  width?: number;
}

/**
 * Log-axis ticks that do not collide: over two or more decades one labelled tick per decade
 * (10⁻², 10⁻¹, 1, …) instead of plotly's default 2 and 5 between them, whose labels overlap on a
 * narrow plot; over a shorter range plotly's own ticks (one decade would give at most one tick).
 */
function logTicks(values: number[]): Record<string, unknown> {
  const pos = values.filter((v) => v > 0 && Number.isFinite(v));
  if (pos.length === 0) return {};
  let lo = Infinity, hi = -Infinity;
  for (const v of pos) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return Math.log10(hi / lo) >= 2 ? { dtick: 1, exponentformat: "power" } : {};
}

function layoutOf(o: ChartOptions, xs: number[] = [], ys: number[] = []): Figure["layout"] {
  return {
    title: o.title ? { text: o.title } : undefined,
    xaxis: { title: { text: o.xTitle ?? "" }, ...(o.logX ? { type: "log", ...logTicks(xs) } : {}) },
    yaxis: { title: { text: o.yTitle ?? "" }, ...(o.logY ? { type: "log", ...logTicks(ys) } : {}) },
    height: o.height,
    width: o.width,
  };
}

/** One named series of a line chart: y values, and x values (default 0, 1, 2, …). */
export interface Series {
  name: string;
  y: ArrayLike<number>;
  x?: ArrayLike<number>;
  dash?: "solid" | "dash" | "dot";
}

/**
 * A line chart of several named series.
 *
 * @param series the curves
 * @param opts titles and scales
 * @example Two loss curves
 * ```ts
 * import { lineChart } from "./charts.ts";
 * const fig = lineChart([{ name: "train", y: [2, 1.5, 1.2] }, { name: "val", y: [2.1, 1.7, 1.5] }], { yTitle: "loss" });
 * console.log(fig.data.length); // 2
 * ```
 */
export function lineChart(series: Series[], opts: ChartOptions = {}): Figure {
  const data = series.map((s) => ({
    type: "scatter" as const,
    mode: "lines" as const,
    name: s.name,
    x: s.x ? Array.from(s.x) : [...Array(s.y.length).keys()],
    y: Array.from(s.y),
    line: s.dash ? { dash: s.dash } : undefined,
  }));
  return {
    data,
    layout: layoutOf(opts, data.flatMap((d) => d.x), data.flatMap((d) => d.y)),
  };
}

/**
 * A heatmap of a matrix given as rows (z[i][j] is row i, column j).
 *
 * @param z rows of values
 * @param opts titles, plus tick labels and colour scale
 */
export function heatmap(
  z: ArrayLike<number>[],
  opts: ChartOptions & {
    x?: (string | number)[];
    y?: (string | number)[];
    colorscale?: string;
    zmin?: number;
    zmax?: number;
  } = {},
): Figure {
  return {
    data: [
      {
        type: "heatmap",
        z: z.map((r) => Array.from(r)),
        x: opts.x,
        y: opts.y,
        colorscale: opts.colorscale ?? "Viridis",
        zmin: opts.zmin,
        zmax: opts.zmax,
      } as Figure["data"][number],
    ],
    layout: layoutOf(opts),
  };
}

/**
 * A scatter plot of 2-D points coloured by class label.
 *
 * @param points x coordinates and y coordinates
 * @param labels one integer class per point
 * @param opts titles
 */
export function scatterClasses(
  points: { x: ArrayLike<number>; y: ArrayLike<number> },
  labels: ArrayLike<number>,
  opts: ChartOptions = {},
): Figure {
  const classes = [...new Set(Array.from(labels))].sort((a, b) => a - b);
  return {
    data: classes.map((c) => {
      const idx = Array.from(labels).flatMap((l, i) => (l === c ? [i] : []));
      return {
        type: "scatter",
        mode: "markers",
        name: `class ${c}`,
        x: idx.map((i) => points.x[i]),
        y: idx.map((i) => points.y[i]),
        marker: { size: 6 },
      };
    }),
    layout: layoutOf(opts),
  };
}

/**
 * A contour plot of f over a grid (z[i][j] = f(x[j], y[i])).
 *
 * @param x grid x values
 * @param y grid y values
 * @param z rows of values
 * @param opts titles
 */
export function contour(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  z: ArrayLike<number>[],
  opts: ChartOptions = {},
): Figure {
  return {
    data: [
      {
        type: "contour",
        x: Array.from(x),
        y: Array.from(y),
        z: z.map((r) => Array.from(r)),
        colorscale: "Blues",
        reversescale: true,
        ncontours: 30,
      } as Figure["data"][number],
    ],
    layout: layoutOf(opts),
  };
}

/**
 * Overlaid histograms of several named samples.
 *
 * @param samples name → values
 * @param opts titles, plus the number of bins
 */
export function histograms(
  samples: Record<string, ArrayLike<number>>,
  opts: ChartOptions & { bins?: number } = {},
): Figure {
  return {
    data: Object.entries(samples).map(([name, v]) => ({
      type: "histogram",
      name,
      x: Array.from(v),
      opacity: 0.6,
      nbinsx: opts.bins ?? 50,
    })),
    layout: { ...layoutOf(opts), barmode: "overlay" },
  };
}

/**
 * A grouped bar chart: one bar group per category, one bar per named series.
 *
 * @param categories the x labels
 * @param series name → one value per category
 * @param opts titles
 */
export function barChart(
  categories: string[],
  series: Record<string, ArrayLike<number>>,
  opts: ChartOptions = {},
): Figure {
  return {
    data: Object.entries(series).map(([name, v]) => ({
      type: "bar",
      name,
      x: categories,
      y: Array.from(v),
    })),
    layout: { ...layoutOf(opts), barmode: "group" },
  };
}
