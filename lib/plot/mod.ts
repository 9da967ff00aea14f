/**
 * Plots in notebooks: `show(fig)` inline (plotly JSON plus an offline HTML fallback), `initPlots()`
 * to embed plotly.js once, live figures and progress lines for training loops, and chart builders.
 * @module
 */
export * from "./figure.ts";
export * from "./show.ts";
export * from "./live.ts";
export * from "./charts.ts";
