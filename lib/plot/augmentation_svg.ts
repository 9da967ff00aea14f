/**
 * The pictures of notebook 09's tour of augmented RNNs, after Olah & Carter (2016), "Attention and
 * Augmented Recurrent Neural Networks": a neural Turing machine (Graves, Wayne & Danihelka 2014)
 * reading and writing every memory slot by an attention weight; adaptive computation time (Graves
 * 2016) taking a variable number of steps per input until the halting probabilities reach 1; and
 * a neural programmer (Neelakantan, Le & Sutskever 2016) choosing soft distributions over
 * operations and table columns at each step. Each is an SVG string with a caption, returned as a
 * MIME bundle whose HTML is an `<img>` with a data URL (nbconvert strips raw SVG outputs), for
 * lib/plot's `displayBundle`. Drawn offline; no Jupyter code here.
 * @module
 */

/** Which augmentation to draw. */
export type Augmentation = "ntm" | "act" | "programmer";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function box(x: number, y: number, w: number, h: number, label: string, fill: string): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="${fill}" stroke="#333"/>` +
    `<text x="${x + w / 2}" y="${y + h / 2 + 5}" text-anchor="middle" font-size="13">${
      esc(label)
    }</text>`;
}

function line(x1: number, y1: number, x2: number, y2: number, colour = "#333", dash = false) {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${colour}"` +
    `${dash ? ' stroke-dasharray="4,3"' : ""} marker-end="url(#arrow)"/>`;
}

function text(x: number, y: number, s: string, size = 12, colour = "#333", anchor = "middle") {
  return `<text x="${x}" y="${y}" font-size="${size}" fill="${colour}" text-anchor="${anchor}">${
    esc(s)
  }</text>`;
}

/** Bars of a soft distribution (heights ∝ weights) from (x, y) upwards, `w` wide each. */
function bars(x: number, y: number, w: number, weights: number[], colour: string): string {
  return weights.map((p, i) =>
    `<rect x="${x + i * w + 2}" y="${y - 40 * p}" width="${w - 4}" height="${40 * p}" ` +
    `fill="${colour}"/>`
  ).join("");
}

function ntm(): string {
  const parts = [box(20, 110, 110, 50, "controller RNN", "#fde9c8")];
  const read = [0.05, 0.1, 0.6, 0.2, 0.05, 0, 0, 0], write = [0, 0, 0, 0.05, 0.15, 0.7, 0.1, 0];
  for (let i = 0; i < 8; i++) parts.push(box(230 + 40 * i, 115, 36, 40, `m${i}`, "#dbe9f6"));
  parts.push(bars(230, 100, 40, read, "#2e86c1"), bars(230, 210, 40, write, "#c0392b"));
  parts.push(text(550, 85, "read weights", 12, "#2e86c1", "start"));
  parts.push(text(550, 200, "write weights", 12, "#c0392b", "start"));
  parts.push(line(130, 125, 226, 125, "#2e86c1"), line(226, 145, 130, 145, "#c0392b"));
  parts.push(text(178, 118, "read r = Σ wᵢ mᵢ", 11, "#2e86c1"));
  parts.push(text(178, 165, "erase + add", 11, "#c0392b"));
  parts.push(text(20, 100, "input xₜ → controller → output yₜ", 12, "#333", "start"));
  parts.push(text(390, 240, "memory: N slots, each a vector"));
  return svg(
    700,
    270,
    parts,
    "Neural Turing machine: every read and write touches every slot, weighted by attention",
  );
}

function act(): string {
  const parts: string[] = [],
    halts = [[0.9, 0.1], [0.3, 0.2, 0.5], [0.6, 0.4], [0.2, 0.3, 0.1, 0.4]];
  halts.forEach((h, t) => {
    const x = 40 + 165 * t;
    parts.push(box(x, 200, 60, 30, `x${"₀₁₂₃"[t]}`, "#dbe9f6"));
    h.forEach((p, k) => {
      const y = 155 - 38 * k;
      parts.push(box(x - 10, y, 80, 30, `halt ${p.toFixed(1)}`, "#fde9c8"));
      if (k > 0) parts.push(line(x + 30, y + 38, x + 30, y + 30));
    });
    parts.push(line(x + 30, 200, x + 30, 186));
    if (t < halts.length - 1) parts.push(line(x + 72, 170, x + 153, 170));
  });
  parts.push(
    text(
      345,
      20,
      "each box is one RNN step with its halting probability; ponder until they sum to 1",
    ),
  );
  parts.push(
    text(
      345,
      38,
      "the output for xₜ is the mean of its steps' states, weighted by those probabilities",
    ),
  );
  return svg(
    700,
    260,
    parts,
    "Adaptive computation time: a different number of RNN steps for each input",
  );
}

function programmer(): string {
  const parts: string[] = [], ops = ["sum", "count", ">", "<"];
  const cols = ["year", "city", "medals"], opW = [[0.05, 0.05, 0.85, 0.05], [0.8, 0.1, 0.05, 0.05]];
  const colW = [[0.7, 0.1, 0.2], [0.05, 0.05, 0.9]];
  opW.forEach((w, t) => {
    const x = 40 + 330 * t;
    parts.push(box(x, 200, 120, 34, `controller, step ${t + 1}`, "#fde9c8"));
    parts.push(bars(x, 150, 30, w, "#2e86c1"), bars(x + 150, 150, 30, colW[t], "#27ae60"));
    ops.forEach((o, i) => parts.push(text(x + 15 + 30 * i, 165, o, 10)));
    cols.forEach((c, i) => parts.push(text(x + 165 + 30 * i, 165, c, 9)));
    parts.push(
      text(x + 60, 95, "operation", 11, "#2e86c1"),
      text(x + 195, 95, "column", 11, "#27ae60"),
    );
    parts.push(line(x + 60, 200, x + 60, 172), line(x + 122, 200, x + 195, 172));
    if (t === 0) parts.push(line(x + 122, 217, x + 328, 217));
  });
  parts.push(
    text(
      350,
      30,
      "“total medals after 2000?”: step 1 soft-selects rows (year > 2000), step 2 sums medals",
    ),
  );
  return svg(
    700,
    260,
    parts,
    "Neural programmer: soft choices of operation and column at every step, executed on a table",
  );
}

function svg(width: number, height: number, parts: string[], caption: string): string {
  const marker = `<marker id="arrow" markerWidth="10" markerHeight="8" refX="9" refY="4" ` +
    `orient="auto"><path d="M0,0 L10,4 L0,8 z" fill="#333"/></marker>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + 24}" ` +
    `font-family="sans-serif"><defs>${marker}</defs>${parts.join("")}` +
    `<text x="10" y="${height + 16}" font-size="12" fill="#555">${esc(caption)}</text></svg>`;
}

/**
 * One augmentation as an SVG document.
 *
 * @param kind "ntm", "act" or "programmer"
 * @returns the SVG source
 * @throws {RangeError} on an unknown kind
 * @example
 * ```ts
 * import { augmentationSvg } from "./augmentation_svg.ts";
 * console.log(augmentationSvg("ntm").startsWith("<svg")); // true
 * ```
 * @see notebook 09, "Other augmentations"
 */
export function augmentationSvg(kind: Augmentation): string {
  if (kind === "ntm") return ntm();
  if (kind === "act") return act();
  if (kind === "programmer") return programmer();
  throw new RangeError(`augmentationSvg: kind must be "ntm", "act" or "programmer", got "${kind}"`);
}

/**
 * An augmentation's picture as a MIME bundle for `displayBundle`: an `<img>` with a data URL.
 *
 * @param kind "ntm", "act" or "programmer"
 * @returns `{ "text/html", "text/plain" }`
 * @throws {RangeError} on an unknown kind
 */
export function augmentationFigure(
  kind: Augmentation,
): { "text/html": string; "text/plain": string } {
  const alt = {
    ntm: "neural Turing machine",
    act: "adaptive computation time",
    programmer: "neural programmer",
  }[kind];
  const src = `data:image/svg+xml,${encodeURIComponent(augmentationSvg(kind))}`;
  return { "text/html": `<img alt="${alt}" src="${src}">`, "text/plain": `[diagram: ${alt}]` };
}
