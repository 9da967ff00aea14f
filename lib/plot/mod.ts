/**
 * Plots in notebooks: `show(fig)` inline (plotly JSON plus an offline HTML fallback), `initPlots()`
 * to embed plotly.js once, live figures and progress lines for training loops, chart builders,
 * text streamed into a cell, and text coloured per character (one LSTM unit over a passage).
 * @module
 */
export * from "./figure.ts";
export * from "./show.ts";
export * from "./live.ts";
export * from "./charts.ts";
export * from "./text_stream.ts";
export * from "./char_heat.ts";
export * from "./attention_heatmap.ts";
export * from "./unrolled_svg.ts";
export * from "./augmentation_svg.ts";
