/**
 * Showing figures in a Deno Jupyter cell: `initPlots()` (the setup cell) makes figures
 * interactive in the classic notebook, `show(fig)` displays a figure with its static picture.
 * plotly.js is not stored in the notebook: `initPlots()` copies it once from Deno's npm cache (so
 * offline) into the notebook server's `nbextensions/` folder and shows a small script that loads
 * it from there (see `classic_renderer.ts`); only when that copy cannot be written does it embed
 * plotly.js in the page as before. Outside a notebook (tests, CLI) both do nothing, so library code
 * can call them freely. Only this folder touches `Deno.jupyter`, and only when called.
 * @module
 */
import { join } from "node:path";
import { type Figure, figureBundle, type MimeBundle, plotlyLoaderHtml } from "./figure.ts";
import { classicRendererHtml, NBEXTENSION_DIR, plotlyFileName } from "./classic_renderer.ts";
import { inJupyter } from "./in_jupyter.ts";
import { flushOutputs } from "./output_barrier.ts";
import { svgBundle } from "./svg_bundle.ts";

export { inJupyter };

let plotlyLoaded = false;
let plotlySourceCache: string | undefined;

/** An `<img>` holding an SVG data URL, as notebooks wrote them before `showSvg` existed. */
const SVG_IMG = /^\s*<img\b[^>]*\balt="([^"]*)"[^>]*\bsrc="data:image\/svg\+xml,([^"]*)"[^>]*>\s*$/;

/**
 * Display a raw MIME bundle in the current cell (awaited), optionally with a display id. A bundle
 * whose HTML is only an `<img>` of an SVG data URL also gets that SVG as `image/svg+xml`.
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
  const html = bundle["text/html"];
  const m = typeof html === "string" && !bundle["image/svg+xml"] ? html.match(SVG_IMG) : null;
  if (m) bundle = { ...svgBundle(decodeURIComponent(m[2]), m[1]), ...bundle };
  const opts: Deno.jupyter.DisplayOptions = { raw: true };
  if (displayId) {
    opts.display_id = displayId;
    opts.update = update;
  }
  await Deno.jupyter.display(bundle as Deno.jupyter.MediaBundle, opts);
}

/**
 * The pinned plotly.js bundle's source and version, read from Deno's npm cache (fetched once by
 * Deno on first use, then offline).
 *
 * @returns about 1.4 MB of minified JavaScript
 * @throws {Error} when the package cannot be resolved (run `deno task lab` once online)
 */
export async function plotlySource(): Promise<string> {
  return (await plotlyPackage()).source;
}

async function plotlyPackage(): Promise<{ source: string; version: string }> {
  // The dynamic JSON import makes Deno fetch the package into its cache if it is not there yet.
  const pkg = await import("plotly.js-cartesian-dist-min/package.json", { with: { type: "json" } });
  if (!plotlySourceCache) {
    const main = new URL(pkg.default.main, import.meta.resolve("plotly.js-cartesian-dist-min"));
    plotlySourceCache = await Deno.readTextFile(main);
  }
  return { source: plotlySourceCache, version: pkg.default.version };
}

/**
 * The Jupyter data directory the notebook server reads `nbextensions/` from (the user's own:
 * `JUPYTER_DATA_DIR`, else the platform default).
 *
 * @param env reads an environment variable
 * @param os the platform
 * @returns an absolute path, or undefined without a home directory
 */
export function jupyterDataDir(
  env: (name: string) => string | undefined = (n) => Deno.env.get(n),
  os: string = Deno.build.os,
): string | undefined {
  const explicit = env("JUPYTER_DATA_DIR");
  if (explicit) return explicit;
  if (os === "windows") return env("APPDATA") ? join(env("APPDATA")!, "jupyter") : undefined;
  const home = env("HOME");
  if (!home) return undefined;
  if (os === "darwin") return join(home, "Library", "Jupyter");
  return join(env("XDG_DATA_HOME") || join(home, ".local", "share"), "jupyter");
}

/**
 * Copy plotly.js into `<jupyter data dir>/nbextensions/course-plotly/` (once; a no-op when the
 * same file is there), where the classic notebook server serves it offline.
 *
 * @returns the file name in that folder, or undefined when it cannot be written
 */
export async function installPlotlyForClassic(): Promise<string | undefined> {
  const dir = jupyterDataDir();
  if (!dir) return undefined;
  try {
    const { source, version } = await plotlyPackage();
    const name = plotlyFileName(version);
    const folder = join(dir, "nbextensions", NBEXTENSION_DIR);
    const path = join(folder, name);
    const bytes = new TextEncoder().encode(source);
    const size = await Deno.stat(path).then((s) => s.size, () => -1);
    if (size !== bytes.length) {
      await Deno.mkdir(folder, { recursive: true });
      const tmp = `${path}.${Deno.pid}.tmp`;
      await Deno.writeFile(tmp, bytes);
      await Deno.rename(tmp, path);
    }
    return name;
  } catch {
    return undefined;
  }
}

/**
 * Make figures interactive in the classic notebook (call it in the setup cell; it runs again on
 * every call so re-running the setup cell restores it). JupyterLab and VS Code need nothing: they
 * draw the plotly JSON themselves. `show` calls it if needed.
 *
 * @param force show the script even if this kernel already did
 */
export async function initPlots(force = true): Promise<void> {
  if (!inJupyter() || (plotlyLoaded && !force)) return;
  const file = await installPlotlyForClassic();
  const html = file
    ? classicRendererHtml(file)
    : plotlyLoaderHtml(await plotlySource()) + classicRendererHtml("");
  await displayBundle({ "text/html": html, "text/plain": "" });
  await flushOutputs();
  plotlyLoaded = true;
}

/**
 * Show a plotly figure inline in the current cell, with its static picture.
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
  await flushOutputs();
}

/**
 * Show an SVG drawing (a diagram, not a plotly figure) in the current cell, as `image/svg+xml`
 * and as an `<img>` for HTML-only viewers.
 *
 * @param svg an SVG document
 * @param alt what it shows, in words (the image's alternative text)
 */
export async function showSvg(svg: string, alt: string): Promise<void> {
  if (!inJupyter()) return;
  await displayBundle(svgBundle(svg, alt));
  await flushOutputs();
}
