/**
 * `deno task site` builds an offline static site. tools/site_render.ts's pure parts are checked on
 * small inputs; then the site is built from quick-mode runs of two notebooks (00 and 02, whose
 * figures include line charts, log axes, contours and markers) and opened in headless Chromium
 * from `file://` with every other request refused: every page loads, every figure becomes an
 * interactive plotly plot, math is typeset, and nothing leaves the machine.
 * @module
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { NOTEBOOKS_DIR, renderMissing, skipOutsideCi } from "./_nb.ts";
import { launchBrowser, offlinePage } from "./_browser.ts";
import { buildSite } from "../tools/site.ts";
import { indexHtml, inlineMarkdown, notebookInfo, prepareCells } from "../tools/site_render.ts";

const missing = await renderMissing();

Deno.test("notebookInfo() reads the title, what you will learn, readings and exercises", () => {
  const info = notebookInfo("04_x", [
    {
      cell_type: "markdown",
      source:
        "# 04 — Title\n\nIntro.\n\nYou will learn:\n\n- one thing;\n- two\n  things.\n\nMore.",
    },
    { cell_type: "code", source: "x", outputs: [] },
    { cell_type: "markdown", source: "**Exercise 04.1 — RNN step (5 points + 2 hidden).** Do." },
    {
      cell_type: "markdown",
      source: "## Readings\n\n- Karpathy (2015). *Post.*\n  https://karpathy.github.io/x/\n" +
        "- [Book](https://example.org/book), ch. 10.",
    },
  ]);
  assert.equal(info.title, "04 — Title");
  assert.deepEqual(info.learn, ["one thing;", "two things."]);
  assert.deepEqual(info.exercises, [{
    id: "04.1",
    title: "RNN step",
    points: "5 points + 2 hidden",
  }]);
  assert.deepEqual(info.readings, [
    { text: "Karpathy (2015). *Post.*", url: "https://karpathy.github.io/x/" },
    { text: "Book, ch. 10", url: "https://example.org/book" },
  ]);
  const index = indexHtml([info], "Course");
  assert.match(index, /<a href="04_x.html">04 — Title<\/a>/);
  assert.match(index, /<a href="https:\/\/example.org\/book">/);
  assert.equal(
    inlineMarkdown("**a** `<b>` [c](u)"),
    '<strong>a</strong> <code>&lt;b&gt;</code> <a href="u">c</a>',
  );
});

Deno.test("prepareCells() keeps each figure as its picture plus its JSON and drops the loader", () => {
  const fig = { data: [{ y: [1, 2] }], layout: { title: { text: "</script>" } } };
  const { cells, figures } = prepareCells([{
    cell_type: "code",
    source: "",
    outputs: [
      {
        output_type: "display_data",
        data: { "text/html": "<script>/*__courseFigures*/</script>" },
      },
      {
        output_type: "display_data",
        data: {
          "application/vnd.plotly.v1+json": fig,
          "image/svg+xml": "<svg></svg>",
          "text/html": "<img>",
        },
      },
    ],
  }]);
  assert.equal(figures, 1);
  assert.equal(cells[0].outputs!.length, 1);
  const html = cells[0].outputs![0].data!["text/html"] as string;
  assert.match(
    html,
    /^<div class="course-plot" id="fig-1"><svg><\/svg><\/div><script type="application\/json"/,
  );
  assert.equal(html.match(/<\/script>/g)!.length, 1, "the title cannot close the script early");
});

Deno.test({
  name: "the site opens from file:// offline: every page loads and every figure is interactive",
  ignore: skipOutsideCi(missing),
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    assert.ok(!missing, missing ?? "");
    const dir = await Deno.makeTempDir({ prefix: "site-" });
    try {
      const out = join(dir, "site");
      const notebooks = ["00_tour.ipynb", "02_gradient_descent.ipynb"].map((n) =>
        join(NOTEBOOKS_DIR, n)
      );
      const res = await buildSite({ out, notebooks, quick: true });
      assert.deepEqual(res.pages, ["index.html", "00_tour.html", "02_gradient_descent.html"]);
      assert.ok(res.figures >= 5, `${res.figures} figures`);
      const plotlyCopies = [...Deno.readDirSync(join(out, "assets"))].filter((e) =>
        e.name.startsWith("plotly")
      );
      assert.equal(plotlyCopies.length, 1, "plotly.js is copied once into the site");
      const browser = await launchBrowser();
      try {
        let drawn = 0;
        for (const name of res.pages) {
          const { page, refused } = await offlinePage(browser);
          const errors: string[] = [];
          page.on("pageerror", (e) => errors.push((e as Error).message));
          const response = await page.goto(`file://${join(out, name)}`, { waitUntil: "load" });
          assert.ok(response?.ok() ?? true, `${name} did not load`);
          const holders = await page.$$eval(".course-plot", (els) => els.length);
          const plots = await page.$$eval(".course-plot .main-svg", (els) => els.length);
          assert.ok(plots >= holders, `${name}: ${plots} plotly SVGs for ${holders} figures`);
          const pictures = await page.$$eval(".course-plot > svg", (els) => els.length);
          assert.equal(pictures, 0, `${name}: a figure stayed a static picture`);
          if (name !== "index.html") {
            const math = await page.$$eval(".katex", (els) => els.length);
            assert.ok(math > 0, `${name}: no math typeset`);
          }
          assert.deepEqual(refused, [], `${name}: requests left the machine`);
          assert.deepEqual(errors, [], `${name}: script errors`);
          drawn += holders;
          await page.close();
        }
        assert.equal(drawn, res.figures);
      } finally {
        await browser.close();
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
