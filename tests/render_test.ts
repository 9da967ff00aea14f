/**
 * Figures shown with lib/plot really draw where plotly's JupyterLab renderer is missing: the
 * fixture notebook tests/fixtures/notebooks/render_plot.ipynb (two `show` calls and a live figure)
 * runs on the Deno kernel, nbconvert exports it to HTML, and headless Chromium, with networking
 * off, loads the page; every figure must have plotly's `main-svg` and its title drawn. The page is
 * checked twice: as upstream nbconvert writes it (require.js from a CDN, unreachable here) and with
 * a local require.js loaded (Debian's nbconvert, the classic notebook), where an AMD `define` could
 * keep plotly.js from setting `window.Plotly`.
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  CHROMIUM,
  type Notebook,
  PYTHON,
  renderMissing,
  ROOT,
  runNotebook,
  skipOutsideCi,
} from "./_nb.ts";

const FIXTURE = join(ROOT, "tests", "fixtures", "notebooks", "render_plot.ipynb");
/** Titles of the figures the fixture draws; the live figure must end at its last update. */
const TITLES = ["render-fig-1", "render-fig-2", "render-live-3"];
const STALE = ["render-live-1", "render-live-2"];
const LOCAL_REQUIREJS = "/usr/share/javascript/requirejs/require.min.js"; // Debian libjs-requirejs
const CDN_REQUIREJS = "https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js";
/** Appended to each page: records whether an AMD loader was active, so each page is what it claims. */
const AMD_PROBE = '<script>document.body.dataset.amd = String(typeof define === "function" && ' +
  "!!define.amd);</script>";

const missing = await renderMissing();
if (missing) {
  console.warn(
    `render_test: ${skipOutsideCi(missing) ? "SKIPPED" : "FAILS (CI is set)"}, ${missing}`,
  );
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch {
    return false;
  }
}

async function run(cmd: string, args: string[], timeoutMs: number): Promise<string> {
  const out = await new Deno.Command(cmd, {
    args,
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(timeoutMs),
  }).output();
  const text = new TextDecoder();
  assert.ok(out.success, `${cmd} ${args.join(" ")} failed:\n${text.decode(out.stderr)}`);
  return text.decode(out.stdout);
}

/** Load a page in headless Chromium with no network, let it run 5 s of virtual time, dump the DOM. */
function chromiumDom(htmlPath: string, profile: string): Promise<string> {
  return run(CHROMIUM, [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--proxy-server=127.0.0.1:9", // nothing listens there: no request leaves the machine
    `--user-data-dir=${profile}`,
    "--virtual-time-budget=5000",
    "--dump-dom",
    `file://${htmlPath}`,
  ], 90_000);
}

/** Every plotly graph in the DOM has an SVG, and each expected title was drawn into one. */
function assertDrawn(dom: string, figures: number, page: string) {
  const graphs = dom.split('class="plot-container plotly"').slice(1);
  assert.equal(graphs.length, figures, `${page}: ${graphs.length} of ${figures} figures drew`);
  graphs.forEach((g, i) =>
    assert.match(g, /class="main-svg"/, `${page}: figure ${i + 1} has no SVG`)
  );
  for (const t of TITLES) {
    assert.match(dom, new RegExp(`class="gtitle"[^>]*>${t}<`), `${page}: title ${t} not drawn`);
  }
  for (const t of STALE) assert.ok(!dom.includes(t), `${page}: stale live figure ${t} still shown`);
}

Deno.test({
  name: "show() figures draw in nbconvert HTML in headless Chromium, offline",
  ignore: skipOutsideCi(missing),
  fn: async () => {
    assert.equal(missing, undefined, missing);
    const dir = await Deno.makeTempDir({ prefix: "nbrender-" });
    try {
      const t0 = performance.now();
      const executed = join(dir, "render_plot.ipynb");
      const { summary } = await runNotebook(FIXTURE, { out: executed, timeoutS: 120 });
      assert.equal(summary.status, "ok", JSON.stringify(summary.error));
      const nb = JSON.parse(await Deno.readTextFile(executed)) as Notebook;
      const outputs = nb.cells.flatMap((c) => c.outputs ?? []);
      const figures = outputs.filter((o) => o.data?.["application/vnd.plotly.v1+json"]).length;
      assert.equal(figures, TITLES.length, "each figure emits the plotly MIME bundle");
      const t1 = performance.now();

      // Set require.js explicitly: Debian's nbconvert points it at the local copy, upstream's at a CDN.
      const pages: [string, string, boolean][] = [
        ["upstream page (CDN require.js, unreachable)", CDN_REQUIREJS, false],
      ];
      if (await exists(LOCAL_REQUIREJS)) {
        pages.push(["Debian page (local require.js)", `file://${LOCAL_REQUIREJS}`, true]);
      } else {
        console.warn(
          `render_test: no ${LOCAL_REQUIREJS} (apt-get install libjs-requirejs): ` +
            "the page with an AMD loader is not checked",
        );
      }
      const times: string[] = [];
      for (const [i, [page, requireJs, amd]] of pages.entries()) {
        const name = `page${i}`;
        const nbconvert = [
          "-m",
          "nbconvert",
          "--to",
          "html",
          "--output-dir",
          dir,
          "--output",
          name,
        ];
        const url = `--HTMLExporter.require_js_url=${requireJs}`;
        await run(PYTHON, [...nbconvert, url, executed], 120_000);
        const html = await Deno.readTextFile(join(dir, `${name}.html`));
        await Deno.writeTextFile(
          join(dir, `${name}.html`),
          html.replace("</body>", `${AMD_PROBE}</body>`),
        );
        const banners = html.match(/\* plotly\.js[^\n]* v\d+\.\d+\.\d+/g) ?? [];
        assert.equal(banners.length, 1, `${page}: plotly.js must be embedded once, not per figure`);
        const t2 = performance.now();
        const dom = await chromiumDom(join(dir, `${name}.html`), join(dir, `profile${i}`));
        assert.match(
          dom,
          new RegExp(`data-amd="${amd}"`),
          `${page}: expected an active AMD loader: ${amd}`,
        );
        assertDrawn(dom, figures, page);
        times.push(`${page}: chromium ${((performance.now() - t2) / 1000).toFixed(1)} s`);
      }
      console.log(
        `executed in ${
          ((t1 - t0) / 1000).toFixed(1)
        } s (kernel start ${summary.kernel_start_s} s); ` +
          `${times.join(", ")}; ${figures} figures drew on ${pages.length} pages`,
      );
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
