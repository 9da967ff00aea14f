/**
 * Interactive figures in the classic Jupyter notebook without storing plotly.js in the notebook.
 * The classic notebook has no renderer for `application/vnd.plotly.v1+json`; `initPlots()` shows
 * the small script made here, which (only in a trusted classic notebook page) loads plotly.js once
 * from the notebook server's `nbextensions/` folder, where `installPlotlyForClassic()` (see
 * `show.ts`) copied it from Deno's npm cache, and teaches the page's output areas to draw every
 * output that carries the plotly JSON: first its stored SVG picture, then the live plot as soon
 * as plotly.js is there. Saved and reloaded, a trusted notebook re-runs the setup cell's output
 * and draws its figures again; untrusted, or in JupyterLab, nbconvert and GitHub, the script does
 * nothing and the stored picture shows.
 * @module
 */

/** The folder under the Jupyter data directory's `nbextensions/` that holds plotly.js. */
export const NBEXTENSION_DIR = "course-plotly";

/**
 * The plotly.js file name for a version (versioned, so a browser never keeps a stale copy).
 *
 * @param version plotly.js's version, e.g. "3.7.0"
 * @returns e.g. "plotly-3.7.0.min.js"
 */
export function plotlyFileName(version: string): string {
  if (!/^[0-9A-Za-z.+-]+$/.test(version)) {
    throw new RangeError(`plotlyFileName: bad version "${version}"`);
  }
  return `plotly-${version}.min.js`;
}

/**
 * The classic notebook's renderer script (an HTML fragment for the setup cell's output).
 *
 * @param plotlyFile the file name in `nbextensions/course-plotly/` (see {@link plotlyFileName});
 *   empty when plotly.js is embedded in the page instead (then `window.Plotly` is used)
 * @returns a `<script>` element
 */
export function classicRendererHtml(plotlyFile: string): string {
  const module = plotlyFile ? `${NBEXTENSION_DIR}/${plotlyFile.replace(/\.js$/, "")}` : "";
  return `<script type="text/javascript">(function () {
  var MIME = "application/vnd.plotly.v1+json", w = window;
  var req = w.requirejs;
  // only in the classic notebook: require.js is there and has its output area module
  if (!w.Jupyter || !req || !req.defined || !req.defined("notebook/js/outputarea")) return;
  var OutputArea = req("notebook/js/outputarea").OutputArea;
  if (!w.__coursePlotly) {
    w.__coursePlotly = new Promise(function (resolve, reject) {
      if (w.Plotly) return resolve(w.Plotly);
      if (!${JSON.stringify(module)}) return reject(new Error("plotly.js is not loaded"));
      var paths = {};
      paths["course-plotly"] = w.Jupyter.notebook.base_url + "nbextensions/" + ${
    JSON.stringify(module)
  };
      req.config({ paths: paths });
      req(["course-plotly"], function (P) { w.Plotly = w.Plotly || P; resolve(w.Plotly); }, reject);
    });
    w.__coursePlotly.catch(function (e) { console.warn("course plots stay static:", e); });
  }
  if (OutputArea.prototype.__courseFigures) return;
  var original = OutputArea.prototype.append_mime_type;
  OutputArea.prototype.append_mime_type = function (json, element, handleInserted) {
    var fig = json && json.data && json.data[MIME];
    if (!fig || !this.trusted) return original.apply(this, arguments);
    var sub = this.create_output_subarea(json.metadata || {}, "output_plotly", MIME);
    var holder = document.createElement("div");
    holder.className = "course-plot";
    holder.innerHTML = json.data["image/svg+xml"] || "";
    sub.append(holder);
    element.append(sub);
    w.__coursePlotly.then(function (Plotly) {
      holder.innerHTML = "";
      Plotly.newPlot(holder, fig.data, fig.layout, fig.config);
    }, function () {});
    if (handleInserted) setTimeout(handleInserted, 0);
    return sub;
  };
  OutputArea.prototype.__courseFigures = true;
})();</script>`;
}
