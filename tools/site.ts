/**
 * `deno task site [--quick] [--reuse DIR] [--out DIR]`: the course as an offline static site.
 * Executes every notebook (full mode; `--quick` for CI) with tools/nb.ts's runner, or reuses the
 * executed copies in `--reuse DIR` (e.g. a `deno task nb --out-dir DIR` run) when each is newer
 * than its source, then writes to `--out` (default `out/site/`, git-ignored):
 * - `index.html`: the notebooks in reading order, each with what you will learn, its exercises
 *   and its readings (linked);
 * - `NN_topic.html` per notebook: its cells and outputs (nbconvert's basic template), figures as
 *   SVG pictures that `assets/site.js` turns into interactive plotly plots;
 * - `assets/`: plotly.js, KaTeX (math) and the stylesheets, once for all pages.
 * The pages open from `file://` with no network (tests/site_test.ts checks it in Chromium).
 * @module
 */
import { parseArgs } from "node:util";
import { basename, dirname, join } from "node:path";
import { listNotebooks, PYTHON, ROOT, runNotebook } from "./nb.ts";
import { plotlySource } from "../lib/plot/show.ts";
import {
  type Cell,
  indexHtml,
  type NotebookInfo,
  notebookInfo,
  pageHtml,
  prepareCells,
  SITE_CSS,
  SITE_JS,
} from "./site_render.ts";

/** Options of {@link buildSite}. */
export interface SiteOptions {
  /** the folder to write (replaced) */
  out: string;
  /** the source notebooks, in reading order (default: notebooks/*.ipynb) */
  notebooks?: string[];
  /** execute in quick mode */
  quick?: boolean;
  /** a folder of executed copies to reuse when newer than their sources */
  reuse?: string;
  /** log a line per step */
  log?: (line: string) => void;
}

/** What {@link buildSite} wrote. */
export interface SiteResult {
  pages: string[];
  figures: number;
  bytes: number;
}

async function mtime(path: string): Promise<number> {
  try {
    return (await Deno.stat(path)).mtime?.getTime() ?? 0;
  } catch {
    return -1;
  }
}

async function run(cmd: string, args: string[]): Promise<void> {
  const out = await new Deno.Command(cmd, { args, stdout: "piped", stderr: "piped" }).output();
  if (!out.success) {
    throw new Error(`${cmd} ${args.join(" ")} failed:\n${new TextDecoder().decode(out.stderr)}`);
  }
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for await (const e of Deno.readDir(dir)) {
    const p = join(dir, e.name);
    total += e.isDirectory ? await folderBytes(p) : (await Deno.stat(p)).size;
  }
  return total;
}

/** Copy KaTeX's script, auto-render, stylesheet and woff2 fonts from Deno's npm cache. */
async function copyKatex(assets: string): Promise<void> {
  await import("katex/package.json", { with: { type: "json" } }); // fetch into the cache once
  const dist = dirname(new URL(import.meta.resolve("katex")).pathname);
  const dest = join(assets, "katex");
  await Deno.mkdir(join(dest, "fonts"), { recursive: true });
  await Deno.copyFile(join(dist, "katex.min.js"), join(dest, "katex.min.js"));
  await Deno.copyFile(join(dist, "katex.min.css"), join(dest, "katex.min.css"));
  await Deno.copyFile(
    join(dist, "contrib", "auto-render.min.js"),
    join(dest, "auto-render.min.js"),
  );
  for await (const f of Deno.readDir(join(dist, "fonts"))) {
    if (f.name.endsWith(".woff2")) {
      await Deno.copyFile(join(dist, "fonts", f.name), join(dest, "fonts", f.name));
    }
  }
}

/**
 * Build the site (see the module comment).
 *
 * @param opts output folder, notebooks, mode, reuse folder
 * @returns the pages written, the figures they hold and the site's size in bytes
 * @throws {Error} when a notebook fails to execute or nbconvert fails
 */
export async function buildSite(opts: SiteOptions): Promise<SiteResult> {
  const log = opts.log ?? (() => {});
  const sources = opts.notebooks ?? listNotebooks();
  const work = await Deno.makeTempDir({ prefix: "site-" });
  try {
    // 1. executed copies: reuse fresh ones, run the rest
    const executed: string[] = [];
    for (const src of sources) {
      const reused = opts.reuse ? join(opts.reuse, basename(src)) : "";
      if (reused && await mtime(reused) > await mtime(src)) {
        log(`reuse ${reused}`);
        executed.push(reused);
        continue;
      }
      const dest = join(work, "executed", basename(src));
      log(`run ${basename(src)}${opts.quick ? " (quick)" : ""}`);
      const { summary } = await runNotebook(src, { quick: opts.quick, out: dest });
      if (summary.status !== "ok") {
        throw new Error(`buildSite: ${basename(src)}: ${summary.status} ${summary.error?.evalue}`);
      }
      executed.push(dest);
    }
    // 2. outputs prepared for the page, then nbconvert's basic template (body fragments)
    const infos: NotebookInfo[] = [];
    const prepared: string[] = [];
    let figures = 0;
    await Deno.mkdir(join(work, "prepared"), { recursive: true });
    for (const path of executed) {
      const nb = JSON.parse(await Deno.readTextFile(path));
      const stem = basename(path, ".ipynb");
      infos.push(notebookInfo(stem, nb.cells as Cell[]));
      const p = prepareCells(nb.cells as Cell[]);
      figures += p.figures;
      const dest = join(work, "prepared", `${stem}.ipynb`);
      await Deno.writeTextFile(dest, JSON.stringify({ ...nb, cells: p.cells }));
      prepared.push(dest);
    }
    log(`nbconvert ${prepared.length} notebooks`);
    await run(PYTHON, [
      "-m",
      "nbconvert",
      "--to",
      "html",
      "--template",
      "basic",
      "--output-dir",
      join(work, "html"),
      ...prepared,
    ]);
    // 3. the site, written next to the output folder, then moved into place
    const staging = `${opts.out}.tmp-${Deno.pid}`;
    await Deno.remove(staging, { recursive: true }).catch(() => {});
    const assets = join(staging, "assets");
    await Deno.mkdir(assets, { recursive: true });
    await Deno.writeTextFile(join(assets, "plotly.min.js"), await plotlySource());
    await copyKatex(assets);
    await Deno.writeTextFile(join(assets, "site.css"), SITE_CSS);
    await Deno.writeTextFile(join(assets, "site.js"), SITE_JS);
    const pyg = await new Deno.Command(PYTHON, {
      args: [
        "-c",
        "from pygments.formatters import HtmlFormatter as F; print(F().get_style_defs('.highlight'))",
      ],
      stdout: "piped",
    }).output();
    await Deno.writeFile(join(assets, "pygments.css"), pyg.stdout);
    const pages = ["index.html"];
    await Deno.writeTextFile(join(staging, "index.html"), indexHtml(infos, courseTitle()));
    for (const [i, info] of infos.entries()) {
      const body = await Deno.readTextFile(join(work, "html", `${info.stem}.html`));
      await Deno.writeTextFile(
        join(staging, `${info.stem}.html`),
        pageHtml(info, body, infos[i - 1], infos[i + 1]),
      );
      pages.push(`${info.stem}.html`);
    }
    await Deno.remove(opts.out, { recursive: true }).catch(() => {});
    await Deno.mkdir(dirname(opts.out), { recursive: true });
    await Deno.rename(staging, opts.out);
    return { pages, figures, bytes: await folderBytes(opts.out) };
  } finally {
    await Deno.remove(work, { recursive: true });
  }
}

/** The course's title: the README's first heading. */
function courseTitle(): string {
  try {
    const line = Deno.readTextFileSync(join(ROOT, "README.md")).split("\n").find((l) =>
      l.startsWith("# ")
    );
    return line?.slice(2).trim() ?? "The course";
  } catch {
    return "The course";
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      quick: { type: "boolean", default: false },
      reuse: { type: "string" },
      out: { type: "string", default: join(ROOT, "out", "site") },
    },
  });
  const t0 = performance.now();
  const res = await buildSite({
    out: values.out!,
    quick: values.quick,
    reuse: values.reuse,
    log: (l) => console.error(l),
  });
  console.log(
    `${values.out}: ${res.pages.length} pages, ${res.figures} figures, ` +
      `${(res.bytes / 1e6).toFixed(2)} MB, in ${((performance.now() - t0) / 1000).toFixed(0)} s; ` +
      `open ${join(values.out!, "index.html")}`,
  );
}
