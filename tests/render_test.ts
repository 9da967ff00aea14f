/**
 * Figures shown with lib/plot show wherever a notebook is read. The fixture notebook
 * tests/fixtures/notebooks/render_plot.ipynb (two `show` calls and a live figure) runs on the Deno
 * kernel; then
 * 1. every figure output carries the plotly JSON and a static picture (`image/svg+xml`, and an
 *    `<img>` as HTML), and the live figure stores its last frame;
 * 2. nbconvert's HTML of it, opened in headless Chromium with JavaScript off and no network,
 *    shows every figure as an image;
 * 3. the classic notebook (a local `jupyter notebook` server, Chromium with no other network)
 *    draws every figure interactively from the plotly JSON once the notebook is trusted, with
 *    plotly.js served from `nbextensions/` (not stored in the notebook), and shows the pictures
 *    when it is not trusted.
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { type Notebook, PYTHON, renderMissing, ROOT, runNotebook, skipOutsideCi } from "./_nb.ts";
import { launchBrowser, loadedImages, offlinePage } from "./_browser.ts";

const FIXTURE = join(ROOT, "tests", "fixtures", "notebooks", "render_plot.ipynb");
/** Titles of the figures the fixture draws; the live figure must end at its last update. */
const TITLES = ["render-fig-1", "render-fig-2", "render-live-3"];
const STALE = ["render-live-1", "render-live-2"];
const PLOTLY = "application/vnd.plotly.v1+json";
/** The sanitiser of untrusted outputs drops the class attribute but keeps the image. */
const SANITISED_IMG = '.output_area img[src^="data:image/svg+xml"]';

const missing = await renderMissing();
if (missing) {
  console.warn(
    `render_test: ${skipOutsideCi(missing) ? "SKIPPED" : "FAILS (CI is set)"}, ${missing}`,
  );
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

/** Execute the fixture once for all tests below. */
let executed: Promise<{ dir: string; path: string; nb: Notebook }> | undefined;
function executeFixture() {
  executed ??= (async () => {
    const dir = await Deno.makeTempDir({ prefix: "nbrender-" });
    const path = join(dir, "render_plot.ipynb");
    const { summary } = await runNotebook(FIXTURE, { out: path, timeoutS: 120 });
    assert.equal(summary.status, "ok", JSON.stringify(summary.error));
    return { dir, path, nb: JSON.parse(await Deno.readTextFile(path)) as Notebook };
  })();
  return executed;
}

Deno.test({
  name: "each figure output stores the plotly JSON, an SVG picture and an <img>, once each",
  ignore: skipOutsideCi(missing),
  fn: async () => {
    assert.ok(!missing, missing ?? "");
    const { nb } = await executeFixture();
    const figures = nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.data?.[PLOTLY]);
    assert.equal(figures.length, TITLES.length, "each figure emits the plotly MIME bundle");
    figures.forEach((o, i) => {
      const svg = o.data!["image/svg+xml"];
      const html = o.data!["text/html"];
      const text = (v: unknown) => (Array.isArray(v) ? v.join("") : String(v));
      assert.match(text(svg), /^<svg xmlns=/, `figure ${i + 1} has no SVG`);
      assert.ok(text(svg).includes(`>${TITLES[i]}<`), `figure ${i + 1}: picture of ${TITLES[i]}`);
      assert.match(text(html), /^<img class="course-figure" alt="[^"]*" src="data:image\/svg/);
      assert.ok(!text(html).includes("newPlot"), "the HTML holds no second copy of the data");
    });
    const saved = JSON.stringify(nb);
    for (const t of STALE) assert.ok(!saved.includes(t), `stale live frame ${t} saved`);
    assert.ok(!/\* plotly\.js v\d/.test(saved), "plotly.js is not stored in the notebook");
  },
});

Deno.test({
  name: "nbconvert HTML with JavaScript off shows every figure as an image, offline",
  ignore: skipOutsideCi(missing),
  fn: async () => {
    assert.ok(!missing, missing ?? "");
    const { dir, path, nb } = await executeFixture();
    const figures = nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.data?.[PLOTLY]);
    await run(PYTHON, ["-m", "nbconvert", "--to", "html", "--output-dir", dir, path], 120_000);
    const browser = await launchBrowser();
    try {
      const { page } = await offlinePage(browser, { javaScript: false });
      await page.goto(`file://${join(dir, "render_plot.html")}`, { waitUntil: "load" });
      const imgs = await loadedImages(page, "img.course-figure");
      assert.equal(
        imgs.total,
        figures.length,
        `${imgs.total} images for ${figures.length} figures`,
      );
      assert.equal(imgs.loaded, figures.length, `${imgs.loaded} of ${imgs.total} images drew`);
      assert.deepEqual(imgs.alts, TITLES);
      const js = await page.$$eval(".main-svg", (els) => els.length);
      assert.equal(js, 0, "no script ran: the pictures are the stored images");
    } finally {
      await browser.close();
    }
  },
});

/** A free TCP port on 127.0.0.1. */
function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

async function waitForServer(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url);
      await r.body?.cancel();
      if (r.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`jupyter notebook did not answer at ${url}`);
}

Deno.test({
  name: "the classic notebook draws trusted figures with plotly.js from nbextensions, offline",
  ignore: skipOutsideCi(missing),
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    assert.ok(!missing, missing ?? "");
    const { dir, path, nb } = await executeFixture();
    const figures = nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.data?.[PLOTLY]);
    const serve = join(dir, "serve");
    await Deno.mkdir(serve);
    await Deno.copyFile(path, join(serve, "trusted.ipynb"));
    // trust is recorded per content: the untrusted copy must differ from the trusted one
    const copy = { ...nb, metadata: { ...nb.metadata, course_test: "untrusted copy" } };
    await Deno.writeTextFile(join(serve, "untrusted.ipynb"), JSON.stringify(copy));
    const trust = "from nbformat.sign import TrustNotebookApp as T; import sys; " +
      "T.launch_instance(argv=sys.argv[1:])";
    await run(PYTHON, ["-c", trust, join(serve, "trusted.ipynb")], 60_000);
    const port = freePort();
    const server = new Deno.Command(PYTHON, {
      args: [
        "-m",
        "notebook",
        "--no-browser",
        `--port=${port}`,
        "--ip=127.0.0.1",
        "--NotebookApp.token=",
        "--NotebookApp.password=",
        `--notebook-dir=${serve}`,
        ...(Deno.uid() === 0 ? ["--allow-root"] : []),
      ],
      stdout: "null",
      stderr: "null",
    }).spawn();
    const browser = await launchBrowser();
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitForServer(`${base}/api`, Date.now() + 60_000);
      const host = `127.0.0.1:${port}`;
      const trusted = await offlinePage(browser, { allowHosts: [host] });
      const log: string[] = [];
      trusted.page.on("console", (m) => log.push(`${m.type()}: ${m.text()}`));
      trusted.page.on("pageerror", (e) => log.push(`page error: ${(e as Error).message}`));
      await trusted.page.goto(`${base}/notebooks/trusted.ipynb`, { waitUntil: "load" });
      await trusted.page.waitForFunction(
        `document.querySelectorAll(".course-plot .main-svg").length >= ${figures.length}`,
        { timeout: 30_000, polling: 250 },
      ).catch(async (e) => {
        const n = await trusted.page.$$eval(".course-plot", (els) => els.length);
        throw new Error(`${e.message}: ${n} .course-plot; page console:\n${log.join("\n")}`);
      });
      const titles = await trusted.page.$$eval(
        ".course-plot .gtitle",
        (els) => els.map((e) => e.textContent),
      );
      assert.deepEqual(titles, TITLES);
      const plotlyUrls = await trusted.page.evaluate(() =>
        performance.getEntriesByType("resource").map((e) => e.name).filter((u) =>
          u.includes("plotly")
        )
      );
      assert.ok(
        plotlyUrls.some((u) => u.includes("/nbextensions/course-plotly/plotly-")),
        `plotly.js came from ${plotlyUrls}`,
      );
      assert.deepEqual(trusted.refused, [], "no request leaves the machine");

      const untrusted = await offlinePage(browser, { allowHosts: [host] });
      await untrusted.page.goto(`${base}/notebooks/untrusted.ipynb`, { waitUntil: "load" });
      await untrusted.page.waitForFunction(
        `document.querySelectorAll('${SANITISED_IMG}').length >= ${figures.length}`,
        { timeout: 60_000, polling: 250 },
      );
      const imgs = await loadedImages(untrusted.page, SANITISED_IMG);
      assert.equal(imgs.loaded, figures.length, `untrusted: ${imgs.loaded} pictures drew`);
      assert.deepEqual(imgs.alts, TITLES);
      const plots = await untrusted.page.$$eval(".main-svg", (els) => els.length);
      assert.equal(plots, 0, "untrusted: no script of the notebook runs");
    } finally {
      await browser.close();
      server.kill("SIGTERM");
      await server.status;
    }
  },
});

Deno.test({
  name: "cleanup: the executed fixture's folder is removed",
  ignore: skipOutsideCi(missing),
  fn: async () => {
    if (executed) await Deno.remove((await executed).dir, { recursive: true });
  },
});
