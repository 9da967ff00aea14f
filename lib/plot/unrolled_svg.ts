/**
 * The picture of notebook 04: a vanilla RNN unrolled over T steps as an SVG string (inputs x_t at
 * the bottom, hidden states h_t in a row joined by the shared W_h, the same W_x at every step, the
 * loss on the last step or on every step), optionally with the backward pass drawn as red arrows
 * flowing right to left, as in Goodfellow et al. (2016), §10.2, and Olah's (2015) diagrams. A notebook
 * shows it as an `<img>` with a data URL through lib/plot's `displayBundle` (nbconvert strips raw
 * `image/svg+xml` outputs); no Jupyter code here.
 * @module
 */

/** Options of {@link unrolledRnnSvg}. */
export interface UnrolledSvgOptions {
  /** number of steps drawn (default 4) */
  T?: number;
  /** "last" (default): one loss on h_{T−1}; "every": a loss on every h_t */
  lossAt?: "last" | "every";
  /** draw the BPTT arrows (default true) */
  gradients?: boolean;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

function box(x: number, y: number, label: string, fill: string): string {
  return `<rect x="${x - 30}" y="${y - 18}" width="60" height="36" rx="8" fill="${fill}" ` +
    `stroke="#333"/><text x="${x}" y="${y + 5}" text-anchor="middle" font-size="15">${
      esc(label)
    }</text>`;
}

function arrow(x1: number, y1: number, x2: number, y2: number, label: string, red = false): string {
  const colour = red ? "#c0392b" : "#333", dash = red ? ` stroke-dasharray="5,3"` : "";
  const [mx, my] = [(x1 + x2) / 2, (y1 + y2) / 2];
  const dy = y1 === y2 ? (red ? 16 : -6) : 4, dx = y1 === y2 ? 0 : 8;
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${colour}"${dash} ` +
    `marker-end="url(#${red ? "red" : "black"})"/>` +
    `<text x="${mx + dx}" y="${my + dy}" font-size="12" fill="${colour}">${esc(label)}</text>`;
}

/**
 * The unrolled RNN as an SVG document.
 *
 * @param opts steps, where the loss is, whether to draw gradients
 * @returns the SVG source
 * @throws {RangeError} if T is not an integer in [1, 8]
 * @example
 * ```ts
 * import { unrolledRnnSvg } from "./unrolled_svg.ts";
 * console.log(unrolledRnnSvg({ T: 3 }).startsWith("<svg")); // true
 * ```
 * @see notebook 04, "Unrolling over time"
 */
export function unrolledRnnSvg(opts: UnrolledSvgOptions = {}): string {
  const { T = 4, lossAt = "last", gradients = true } = opts;
  if (!(Number.isInteger(T) && T >= 1 && T <= 8)) {
    throw new RangeError(`unrolledRnnSvg: T must be an integer in [1, 8], got ${T}`);
  }
  const step = 150, x0 = 70, width = x0 + step * T + 40, [yL, yH, yX] = [40, 150, 260];
  const xs = (t: number) => x0 + step * (t + 1);
  const parts = [box(x0, yH, "h₋₁", "#eee")];
  for (let t = 0; t < T; t++) {
    const sub = String(t).split("").map((d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)]).join("");
    parts.push(box(xs(t), yX, `x${sub}`, "#dbe9f6"), box(xs(t), yH, `h${sub}`, "#fde9c8"));
    parts.push(arrow(xs(t), yX - 18, xs(t), yH + 20, "Wx"));
    parts.push(arrow(xs(t) - step + 30, yH, xs(t) - 32, yH, "Wh"));
    if (lossAt === "every" || t === T - 1) {
      parts.push(box(xs(t), yL, `L${lossAt === "every" ? sub : ""}`, "#f6d5d5"));
      parts.push(arrow(xs(t), yH - 18, xs(t), yL + 20, "Wy"));
      if (gradients) parts.push(arrow(xs(t) + 14, yL + 20, xs(t) + 14, yH - 20, "", true));
    }
    if (gradients) parts.push(arrow(xs(t) - 32, yH + 10, xs(t) - step + 30, yH + 10, "Whᵀ", true));
  }
  const marker = (id: string, c: string) =>
    `<marker id="${id}" markerWidth="10" markerHeight="8" refX="9" refY="4" orient="auto">` +
    `<path d="M0,0 L10,4 L0,8 z" fill="${c}"/></marker>`;
  const caption = gradients
    ? "black: forward, the same Wx, Wh at every step (h₋₁ is the initial state h0); " +
      "red dashed: ∂L/∂h flowing back (BPTT)"
    : "the same Wx and Wh are used at every step (h₋₁ is the initial state h0)";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="310" ` +
    `font-family="sans-serif"><defs>${marker("black", "#333")}${marker("red", "#c0392b")}</defs>` +
    `${parts.join("")}<text x="10" y="302" font-size="12" fill="#555">${esc(caption)}</text></svg>`;
}
