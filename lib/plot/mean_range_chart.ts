/**
 * A chart for results over several seeds: one line per series through the means, with an error
 * bar from the smallest to the largest value at every x (the min–max spread of the seeds), so a
 * reader sees at once whether two series differ by more than their noise.
 * @module
 */
import type { Figure } from "./figure.ts";
import type { ChartOptions } from "./charts.ts";

/** One series: its name and, at every x, the mean and the range over the seeds. */
export interface MeanRangeSeries {
  name: string;
  mean: ArrayLike<number>;
  min: ArrayLike<number>;
  max: ArrayLike<number>;
}

/**
 * Means joined by lines, min–max error bars around them.
 *
 * @param x the x values (e.g. depths), one per point of every series
 * @param series the series
 * @param opts titles and scales
 * @returns the figure
 * @throws {RangeError} if a series' arrays do not have one value per x, or min ≤ mean ≤ max fails
 * @example Two variants over three depths
 * ```ts
 * import { meanRangeChart } from "./mean_range_chart.ts";
 * const fig = meanRangeChart([2, 4, 8], [
 *   { name: "plain", mean: [0.3, 0.2, 0.4], min: [0.2, 0.1, 0.3], max: [0.4, 0.3, 0.6] },
 * ], { xTitle: "layers" });
 * console.log(fig.data.length); // 1
 * ```
 */
export function meanRangeChart(
  x: ArrayLike<number>,
  series: MeanRangeSeries[],
  opts: ChartOptions = {},
): Figure {
  const data = series.map((s) => {
    const mean = Array.from(s.mean), min = Array.from(s.min), max = Array.from(s.max);
    if (mean.length !== x.length || min.length !== x.length || max.length !== x.length) {
      throw new RangeError(
        `meanRangeChart: series "${s.name}" has ${mean.length} means, ${min.length} minima and ` +
          `${max.length} maxima for ${x.length} x values`,
      );
    }
    if (mean.some((m, i) => !(min[i] <= m + 1e-12 && m <= max[i] + 1e-12))) {
      throw new RangeError(`meanRangeChart: series "${s.name}" needs min ≤ mean ≤ max everywhere`);
    }
    return {
      type: "scatter" as const,
      mode: "lines+markers" as const,
      name: s.name,
      x: Array.from(x),
      y: mean,
      error_y: {
        type: "data" as const,
        symmetric: false,
        array: mean.map((m, i) => max[i] - m),
        arrayminus: mean.map((m, i) => m - min[i]),
        visible: true,
      },
    };
  });
  return {
    data,
    layout: {
      title: opts.title ? { text: opts.title } : undefined,
      xaxis: { title: { text: opts.xTitle ?? "" }, type: opts.logX ? "log" : undefined },
      yaxis: { title: { text: opts.yTitle ?? "" }, type: opts.logY ? "log" : undefined },
      height: opts.height,
      width: opts.width,
    },
  };
}
