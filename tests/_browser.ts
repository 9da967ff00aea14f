/**
 * Headless Chromium for the page tests, through puppeteer-core (npm) and Debian's Chromium: open a
 * page offline, with every request that is not `file:` or `data:` refused and recorded, so a test
 * can assert that nothing left the machine.
 * @module
 */
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { CHROMIUM } from "./_nb.ts";

/** A page whose outgoing requests are refused unless local. */
export interface OfflinePage {
  page: Page;
  /** URLs the page tried to fetch that were not file: or data: (all refused) */
  refused: string[];
}

/**
 * Start headless Chromium.
 *
 * @returns the browser; close it when done
 */
export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--allow-file-access-from-files"],
  });
}

/**
 * A new page that refuses every request except `file:`, `data:` and `allowHosts` (e.g. a local
 * notebook server), recording the refused URLs.
 *
 * @param browser the browser
 * @param opts `javaScript: false` to load pages with scripts off; `allowHosts` like "127.0.0.1:8888"
 * @returns the page and its list of refused requests
 */
export async function offlinePage(
  browser: Browser,
  opts: { javaScript?: boolean; allowHosts?: string[] } = {},
): Promise<OfflinePage> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  if (opts.javaScript === false) await page.setJavaScriptEnabled(false);
  const refused: string[] = [];
  await page.setRequestInterception(true);
  page.on("request", (req) => {
    const url = new URL(req.url());
    const local = url.protocol === "file:" || url.protocol === "data:" ||
      (opts.allowHosts ?? []).includes(url.host);
    if (local) void req.continue();
    else {
      refused.push(req.url());
      void req.abort("blockedbyclient");
    }
  });
  return { page, refused };
}

/**
 * How many `<img>` elements matching `selector` finished loading with a picture (natural width).
 *
 * @param page the page
 * @param selector a CSS selector for the images
 * @returns loaded and total
 */
export async function loadedImages(
  page: Page,
  selector: string,
): Promise<{ loaded: number; total: number; alts: string[] }> {
  // with scripts off, page.evaluate still runs (it is the driver's, not the page's script)
  return await page.$$eval(selector, (imgs) => {
    type Img = { complete: boolean; naturalWidth: number; alt: string };
    const list = imgs as unknown as Img[];
    return {
      loaded: list.filter((i) => i.complete && i.naturalWidth > 0).length,
      total: list.length,
      alts: list.map((i) => i.alt),
    };
  });
}
