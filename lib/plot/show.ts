/**
 * Showing figures in a Deno Jupyter cell: `initPlots()` embeds plotly.js once per kernel session
 * (offline, from the npm package), `show(fig)` displays a figure. Outside a notebook (tests, CLI)
 * both do nothing, so library code can call them freely. Only this folder touches `Deno.jupyter`,
 * and only when called.
 * @module
 */
import { type Figure, figureBundle, type MimeBundle, plotlyLoaderHtml } from "./figure.ts";

let plotlyLoaded = false;
let plotlySourceCache: string | undefined;

/** Whether this code runs inside `deno jupyter` (where `Deno.jupyter` exists). */
export function inJupyter(): boolean {
  // Outside `deno jupyter`, reading Deno.jupyter throws.
  try {
    return typeof (Deno as unknown as { jupyter?: unknown }).jupyter === "object";
  } catch {
    return false;
  }
}

/**
 * Display a raw MIME bundle in the current cell (awaited), optionally with a display id.
 *
 * @param bundle MIME type → content
 * @param displayId an id to update the output later
 * @param update true to replace the output with this display id instead of adding one
 */
export async function displayBundle(
  bundle: MimeBundle,
  displayId?: string,
  update = false,
): Promise<void> {
  if (!inJupyter()) return;
  const opts: Deno.jupyter.DisplayOptions = { raw: true };
  if (displayId) {
    opts.display_id = displayId;
    opts.update = update;
  }
  await Deno.jupyter.display(bundle as Deno.jupyter.MediaBundle, opts);
}

/**
 * The source of the pinned plotly.js bundle, read from Deno's npm cache (fetched once by Deno on
 * first use, then offline).
 *
 * @returns about 1.4 MB of minified JavaScript
 * @throws {Error} when the package cannot be resolved (run `deno task lab` once online)
 */
export async function plotlySource(): Promise<string> {
  if (plotlySourceCache) return plotlySourceCache;
  // The dynamic JSON import makes Deno fetch the package into its cache if it is not there yet.
  const pkg = await import("plotly.js-cartesian-dist-min/package.json", { with: { type: "json" } });
  const main = new URL(pkg.default.main, import.meta.resolve("plotly.js-cartesian-dist-min"));
  plotlySourceCache = await Deno.readTextFile(main);
  return plotlySourceCache;
}

/**
 * Load plotly.js into the notebook page, once per kernel session (call it in the setup cell; it
 * runs again on every call so re-running the setup cell restores it). `show` calls it if needed.
 *
 * @param force embed even if this kernel already did
 */
export async function initPlots(force = true): Promise<void> {
  if (!inJupyter() || (plotlyLoaded && !force)) return;
  const html = plotlyLoaderHtml(await plotlySource());
  await displayBundle({ "text/html": html, "text/plain": "" });
  plotlyLoaded = true;
}

/**
 * Show a plotly figure inline in the current cell.
 *
 * @param fig traces, layout and config
 * @example Plot a line
 * ```ts
 * import { show } from "./show.ts";
 * await show({ data: [{ y: [1, 3, 2], type: "scatter" }], layout: { title: { text: "demo" } } });
 * ```
 */
export async function show(fig: Figure): Promise<void> {
  if (!inJupyter()) return;
  await initPlots(false);
  await displayBundle(figureBundle(fig));
}
