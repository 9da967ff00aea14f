/**
 * Plots in notebooks: `show(fig)` inline (the plotly JSON plus its static SVG picture, drawn here
 * without a browser), `initPlots()` to make figures interactive in the classic notebook (plotly.js
 * served from `nbextensions/`, not stored in notebooks), live figures, progress lines and `busy`
 * for long cells, chart builders, SVG drawings (`showSvg`), text streamed into a cell, text
 * coloured per character, and `flushOutputs()`, which makes a cell's last outputs land in it.
 * @module
 */
export * from "./figure.ts";
export * from "./show.ts";
export * from "./live.ts";
export * from "./charts.ts";
export * from "./mean_range_chart.ts";
export * from "./text_stream.ts";
export * from "./char_heat.ts";
export * from "./attention_heatmap.ts";
export * from "./unrolled_svg.ts";
export * from "./augmentation_svg.ts";
export * from "./svg_figure.ts";
export * from "./svg_bundle.ts";
export * from "./output_barrier.ts";
export * from "./classic_renderer.ts";
