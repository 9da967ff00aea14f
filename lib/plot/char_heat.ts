/**
 * Text coloured character by character by one number per character: the picture of Karpathy
 * (2015), "The Unreasonable Effectiveness of Recurrent Neural Networks" (section "Visualizing the
 * predictions and the neuron firings"), where one LSTM cell's activation is drawn over a passage.
 * Notebook 07 uses it in "What did it learn". Blue is low, white the middle, red high; hovering a
 * character shows its value.
 * @module
 */
import { displayBundle, inJupyter } from "./show.ts";
import { flushOutputs } from "./output_barrier.ts";

/** Options of {@link charHeatHtml}. */
export interface CharHeatOptions {
  /** A line above the text. */
  title?: string;
  /** The value drawn darkest blue (default −1, e.g. tanh's range). */
  vmin?: number;
  /** The value drawn darkest red (default 1). */
  vmax?: number;
}

const LOW = [49, 130, 189], MID = [255, 255, 255], HIGH = [222, 45, 38];

/** The background colour of value v on the blue–white–red scale from vmin to vmax. */
function colour(v: number, vmin: number, vmax: number): string {
  const t = Math.min(1, Math.max(0, (v - vmin) / (vmax - vmin))) * 2; // [0, 2]
  const [a, b, s] = t <= 1 ? [LOW, MID, t] : [MID, HIGH, t - 1];
  const rgb = a.map((c, i) => Math.round(c + (b[i] - c) * s));
  return `rgb(${rgb.join(",")})`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(
    /"/g,
    "&quot;",
  );
}

/**
 * HTML of `text` with each character's background coloured by `values[i]`; a line break shows as
 * "↵" and then breaks the line.
 *
 * @param text the passage, one value per UTF-16 code unit // [T]
 * @param values one number per character // [T]
 * @param opts title and colour range
 * @returns an HTML fragment (a monospace block of spans)
 * @throws {RangeError} if the lengths differ or vmin ≥ vmax
 * @example Colour three characters
 * ```ts
 * import { charHeatHtml } from "./char_heat.ts";
 * const html = charHeatHtml("abc", [-1, 0, 1]);
 * console.log(html.includes("rgb(255,255,255)")); // true
 * ```
 * @see notebooks/07_char_lstm.ipynb, "What did it learn"
 */
export function charHeatHtml(
  text: string,
  values: ArrayLike<number>,
  opts: CharHeatOptions = {},
): string {
  const { vmin = -1, vmax = 1, title } = opts;
  if (text.length !== values.length) {
    throw new RangeError(
      `charHeatHtml: text has ${text.length} characters but values has ${values.length}`,
    );
  }
  if (!(vmin < vmax)) throw new RangeError(`charHeatHtml: need vmin < vmax, got ${vmin}, ${vmax}`);
  const spans = Array.from({ length: text.length }, (_, i) => {
    const ch = text[i], v = values[i];
    const shown = ch === "\n" ? "↵" : escapeHtml(ch);
    const span = `<span title="${v.toFixed(3)}" style="background:${colour(v, vmin, vmax)}">` +
      `${shown}</span>`;
    return ch === "\n" ? `${span}<br>` : span;
  });
  const head = title
    ? `<div style="font-weight:bold;margin-bottom:4px">${escapeHtml(title)}</div>`
    : "";
  return `<div>${head}<div style="font-family:monospace;font-size:13px;line-height:1.5;` +
    `white-space:pre-wrap;color:#000">${spans.join("")}</div></div>`;
}

/**
 * The same picture as {@link charHeatHtml}, as a standalone SVG (for viewers that run no script
 * and strip styles): one coloured cell per character, lines broken at newlines ("↵") and after
 * `columns` characters.
 *
 * @param text the passage // [T]
 * @param values one number per character // [T]
 * @param opts title and colour range, and the characters per line (default 100)
 * @returns an SVG document
 * @throws {RangeError} as {@link charHeatHtml}
 * @example
 * ```ts
 * import { charHeatSvg } from "./char_heat.ts";
 * console.log(charHeatSvg("ab\nc", [-1, 0, 1, 0.5]).startsWith("<svg")); // true
 * ```
 */
export function charHeatSvg(
  text: string,
  values: ArrayLike<number>,
  opts: CharHeatOptions & { columns?: number } = {},
): string {
  charHeatHtml(text, values, opts); // same checks
  const { vmin = -1, vmax = 1, title, columns = 100 } = opts;
  const cw = 8, lh = 20, pad = 6, top = title ? 26 : 4;
  const lines: { ch: string; v: number }[][] = [[]];
  for (let i = 0; i < text.length; i++) {
    const row = lines[lines.length - 1];
    row.push({ ch: text[i] === "\n" ? "↵" : text[i], v: values[i] });
    if (text[i] === "\n" || row.length >= columns) lines.push([]);
  }
  if (lines.length > 1 && lines[lines.length - 1].length === 0) lines.pop();
  const width = pad * 2 + cw * Math.max(1, ...lines.map((l) => l.length));
  const height = top + lines.length * lh + pad;
  const parts: string[] = [];
  lines.forEach((line, r) => {
    const y = top + r * lh;
    line.forEach(({ v }, c) => {
      parts.push(
        `<rect x="${pad + c * cw}" y="${y}" width="${cw}" height="${lh}" fill="${
          colour(v, vmin, vmax)
        }"/>`,
      );
    });
    const chars = line.map(({ ch }) => escapeHtml(ch)).join("");
    if (line.length) {
      parts.push(
        `<text x="${pad}" y="${y + 14}" textLength="${line.length * cw}" ` +
          `lengthAdjust="spacingAndGlyphs" xml:space="preserve">${chars}</text>`,
      );
    }
  });
  const head = title
    ? `<text x="${pad}" y="17" font-weight="bold" font-family="sans-serif">${
      escapeHtml(title)
    }</text>`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" font-family="monospace" font-size="13">` +
    `<rect width="${width}" height="${height}" fill="#fff"/>${head}${parts.join("")}</svg>`;
}

/**
 * Show {@link charHeatHtml} in the current cell (a no-op outside a notebook), with its SVG
 * picture ({@link charHeatSvg}) for viewers that run no script or strip styles.
 *
 * @param text the passage // [T]
 * @param values one number per character // [T]
 * @param opts title and colour range
 * @throws {RangeError} as {@link charHeatHtml}
 */
export async function showCharHeat(
  text: string,
  values: ArrayLike<number>,
  opts: CharHeatOptions = {},
): Promise<void> {
  const html = charHeatHtml(text, values, opts);
  if (!inJupyter()) return;
  await displayBundle({
    "text/html": html,
    "image/svg+xml": charHeatSvg(text, values, opts),
    "text/plain": `${opts.title ?? ""}\n${text}`,
  });
  await flushOutputs();
}
