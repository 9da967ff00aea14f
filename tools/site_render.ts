/**
 * The pure half of `deno task site` (tools/site.ts): read what a course notebook says about itself
 * (title, "You will learn", readings, exercises), prepare an executed notebook's outputs for a
 * static page (each figure once as its SVG picture and once as plotly JSON, which the page's
 * script turns into the interactive plot; the classic notebook's loader dropped), and write the
 * index and the page shell. No I/O here, so tests/site_test.ts can check it on small inputs.
 * @module
 */

/** A notebook cell, as much of nbformat v4 as the site reads. */
export interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
}

/** A cell output (nbformat v4). */
export interface Output {
  output_type: string;
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  text?: string | string[];
}

/** What the index says about one notebook. */
export interface NotebookInfo {
  /** file stem, e.g. "04_rnn_bptt" (the page is `<stem>.html`) */
  stem: string;
  title: string;
  learn: string[];
  readings: { text: string; url?: string }[];
  exercises: { id: string; title: string; points: string }[];
}

const PLOTLY = "application/vnd.plotly.v1+json";
const text = (s: string | string[] | undefined) => (Array.isArray(s) ? s.join("") : s ?? "");

/** Escape text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(
    /"/g,
    "&quot;",
  );
}

/**
 * Inline markdown to HTML: links, bare URLs, **bold**, *italic*, `code`; math ($…$) is left for
 * KaTeX on the page.
 *
 * @param md one paragraph or list item of markdown
 * @returns an HTML fragment
 */
export function inlineMarkdown(md: string): string {
  const codes: string[] = [];
  let s = escapeHtml(md.replace(/\s+/g, " ").trim()).replace(/`([^`]+)`/g, (_, c) => {
    codes.push(`<code>${c}</code>`);
    return `\uE000${codes.length - 1}\uE001`;
  });
  s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(/(^|[\s(])(https?:\/\/[^\s<)]+[^\s<).,;])/g, '$1<a href="$2">$2</a>')
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*\w])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>");
  return s.replace(/\uE000(\d+)\uE001/g, (_, i) => codes[Number(i)]);
}

/** The items of the markdown bullet list starting at line `from` (continuation lines joined). */
function bulletList(lines: string[], from: number): string[] {
  const items: string[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*[-*] /.test(line)) items.push(line.replace(/^\s*[-*] /, ""));
    else if (items.length && /^\s+\S/.test(line)) items[items.length - 1] += " " + line.trim();
    else if (items.length || (line.trim() && !/^\s*$/.test(line))) {
      if (items.length) break;
    }
  }
  return items;
}

/**
 * Title, "You will learn" list, readings and exercises of a course notebook.
 *
 * @param stem the file name without ".ipynb"
 * @param cells the notebook's cells
 * @returns the index entry
 */
export function notebookInfo(stem: string, cells: Cell[]): NotebookInfo {
  const md = cells.filter((c) => c.cell_type === "markdown").map((c) => text(c.source));
  const all = md.join("\n\n").split("\n");
  const title = all.find((l) => /^# /.test(l))?.replace(/^# /, "").trim() ?? stem;
  const learnAt = all.findIndex((l) => /you will( learn)?:/i.test(l));
  const learn = learnAt >= 0 ? bulletList(all, learnAt + 1) : [];
  const readAt = all.findIndex((l) => /^#+\s*Readings\b/i.test(l));
  const readings = (readAt >= 0 ? bulletList(all, readAt + 1) : []).map((item) => {
    const link = item.match(/\[([^\]]+)\]\(([^)\s]+)\)/);
    const bare = item.match(/https?:\/\/[^\s)]+[^\s).,;]/);
    const url = link?.[2] ?? bare?.[0];
    const label = (link ? item.replace(link[0], link[1]) : bare ? item.replace(bare[0], "") : item)
      .trim().replace(/[\s.]+$/, "");
    return { text: label, url };
  });
  const exercises = [
    ...md.join("\n").matchAll(
      /\*\*Exercise (\d+\.\d+) — ([^(*]+?)\s*\(([^)]*)\)\.\*\*/g,
    ),
  ].map((m) => ({ id: m[1], title: m[2].trim(), points: m[3] }));
  return { stem, title, learn, readings, exercises };
}

/** Serialise JSON for a `<script type="application/json">` (no "</" can end it early). */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, "\\u003c");
}

/**
 * Outputs ready for a static page: a figure becomes one HTML output holding its SVG picture (what
 * shows without scripts) and its plotly JSON (what the page's script draws); the classic
 * notebook's loader and any embedded plotly.js are dropped (the site loads plotly.js once).
 *
 * @param cells the executed notebook's cells (not modified)
 * @returns new cells, and how many figures they hold
 */
export function prepareCells(cells: Cell[]): { cells: Cell[]; figures: number } {
  let figures = 0;
  const out = cells.map((c) => {
    if (!c.outputs) return c;
    const outputs = c.outputs.flatMap((o): Output[] => {
      const html = text(o.data?.["text/html"] as string | string[] | undefined);
      const loader = html.includes("__courseFigures") || html.includes("__courseDefine");
      if (loader) return []; // the classic notebook's loader, or plotly.js embedded by older code
      const fig = o.data?.[PLOTLY];
      if (!fig) return [o];
      const svg = text(o.data?.["image/svg+xml"] as string | string[] | undefined);
      const id = `fig-${++figures}`;
      const body = `<div class="course-plot" id="${id}">${svg}</div>` +
        `<script type="application/json" data-figure="${id}">${scriptJson(fig)}</script>`;
      return [{ output_type: "display_data", data: { "text/html": body }, metadata: {} }];
    });
    return { ...c, outputs };
  });
  return { cells: out, figures };
}

/** A page around an nbconvert fragment: navigation, shared CSS, KaTeX, plotly.js, site.js. */
export function pageHtml(
  info: NotebookInfo,
  body: string,
  prev?: NotebookInfo,
  next?: NotebookInfo,
): string {
  const nav = [
    `<a href="index.html">Contents</a>`,
    prev ? `<a href="${prev.stem}.html">← ${escapeHtml(prev.title)}</a>` : "",
    next ? `<a href="${next.stem}.html">${escapeHtml(next.title)} →</a>` : "",
  ].filter(Boolean).join(" · ");
  return shell(
    info.title,
    `<nav>${nav}</nav>\n<main class="notebook">${body}</main>\n<nav>${nav}</nav>`,
  );
}

/**
 * The index page: the notebooks in reading order, each with what you will learn, its readings and
 * its exercises.
 *
 * @param infos the notebooks, in reading order
 * @param courseTitle the heading
 * @returns the HTML page
 */
export function indexHtml(infos: NotebookInfo[], courseTitle: string): string {
  const items = infos.map((n) => {
    const learn = n.learn.length
      ? `<p>You will learn:</p><ul>${
        n.learn.map((l) => `<li>${inlineMarkdown(l)}</li>`).join("")
      }</ul>`
      : "";
    const readings = n.readings.length
      ? `<details><summary>Readings (${n.readings.length})</summary><ul>${
        n.readings.map((r) =>
          `<li>${inlineMarkdown(r.text)}${
            r.url ? ` <a href="${escapeHtml(r.url)}">${escapeHtml(r.url)}</a>` : ""
          }</li>`
        ).join("")
      }</ul></details>`
      : "";
    const exercises = n.exercises.length
      ? `<p class="exercises">Exercises: ${
        n.exercises.map((e) =>
          `<span>${e.id} ${escapeHtml(e.title)} (${escapeHtml(e.points)})</span>`
        ).join("; ")
      }</p>`
      : "";
    return `<section class="entry"><h2><a href="${n.stem}.html">${
      escapeHtml(n.title)
    }</a></h2>${learn}${exercises}${readings}</section>`;
  }).join("\n");
  return shell(
    courseTitle,
    `<main class="index"><h1>${escapeHtml(courseTitle)}</h1>\n${items}</main>`,
  );
}

function shell(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="assets/site.css">
<link rel="stylesheet" href="assets/pygments.css">
<link rel="stylesheet" href="assets/katex/katex.min.css">
</head><body>
${body}
<script src="assets/katex/katex.min.js"></script>
<script src="assets/katex/auto-render.min.js"></script>
<script src="assets/plotly.min.js"></script>
<script src="assets/site.js"></script>
</body></html>
`;
}

/** The site's script: math with KaTeX, then every figure's SVG replaced by the live plot. */
export const SITE_JS = `(function () {
  if (window.renderMathInElement) {
    renderMathInElement(document.body, {
      delimiters: [{ left: "$$", right: "$$", display: true }, { left: "$", right: "$", display: false }],
      throwOnError: false,
    });
  }
  if (!window.Plotly) return; // the SVG pictures stay
  document.querySelectorAll("script[data-figure]").forEach(function (s) {
    var holder = document.getElementById(s.getAttribute("data-figure"));
    if (!holder) return;
    try {
      var fig = JSON.parse(s.textContent);
      holder.innerHTML = "";
      window.Plotly.newPlot(holder, fig.data, fig.layout, fig.config);
    } catch (e) { console.error("figure", s.getAttribute("data-figure"), e); }
  });
})();
`;

/** The site's stylesheet (small; code colours come from pygments.css). */
export const SITE_CSS = `body { font: 16px/1.55 system-ui, sans-serif; color: #222; margin: 0 auto;
  max-width: 60rem; padding: 1rem 1.5rem; }
nav { margin: .5rem 0 1rem; font-size: .95rem; }
a { color: #1f5fa8; }
.index .entry { border-top: 1px solid #ddd; padding: .5rem 0 1rem; }
.index h2 { margin: .6rem 0 .2rem; font-size: 1.25rem; }
.exercises span { white-space: nowrap; }
.notebook .jp-Cell, .notebook .cell { margin: .8rem 0; }
.jp-InputPrompt, .jp-OutputPrompt, .prompt { display: none; }
.highlight pre, .jp-OutputArea-output pre, .output_text pre { background: #f7f7f7; padding: .6rem .8rem;
  overflow-x: auto; font-size: 13.5px; line-height: 1.45; border-radius: 4px; }
.jp-OutputArea-output pre, .output_text pre { background: #fff; border-left: 3px solid #ddd; }
.course-plot { max-width: 100%; overflow-x: auto; }
img, svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: .2rem .5rem; }
`;
