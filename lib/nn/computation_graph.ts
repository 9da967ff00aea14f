/**
 * Pictures of computational graphs for notebook 01, in the style of CS231n's circuit diagrams:
 * each node is a box with its operation, its forward value above it (green) and the gradient of
 * the loss with respect to it below (red), with arrows in the direction of the forward pass. The
 * result is a self-contained SVG that shows itself as HTML when it is a notebook cell's last
 * expression (`Symbol.for("Jupyter.display")`, so no Jupyter API is needed here).
 * @module
 */

/** One node of the graph, placed on a grid of columns (left to right) and rows. */
export interface GraphNode {
  /** a unique name, used by the edges */
  id: string;
  /** what is shown in the box: a variable (x₁) or an operation (×, +, σ) */
  label: string;
  /** grid column, 0 at the left (fractions allowed) */
  col: number;
  /** grid row, 0 at the top (fractions allowed) */
  row: number;
  /** the forward value (numbers are shown with 3 significant digits) */
  value?: number | string;
  /** the gradient ∂L/∂node */
  grad?: number | string;
}

/** An SVG picture of a graph that displays itself in a notebook cell. */
export class GraphPicture {
  /**
   * @param svg the picture's SVG source
   */
  constructor(readonly svg: string) {}

  /** Shown by the Deno kernel when the picture is a cell's last expression. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/html": this.svg, "text/plain": "[computational graph]" };
  }
}

const COL_W = 150, ROW_H = 64, PAD = 48;

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function fmt(v: number | string | undefined): string {
  return v === undefined ? "" : escapeXml(typeof v === "number" ? v.toPrecision(3) : v);
}

/**
 * Draw a computational graph with forward values and backward gradients.
 *
 * @param nodes the nodes and where they go
 * @param edges [from, to] ids, in the direction of the forward pass
 * @param title a caption under the picture
 * @returns the picture (its `svg` field holds the source)
 * @throws {RangeError} if an edge names an unknown node or an id is used twice
 * @example z = w·x, then L = z²
 * ```ts
 * import { computationGraph } from "./computation_graph.ts";
 * const pic = computationGraph(
 *   [{ id: "x", label: "x", col: 0, row: 0 }, { id: "w", label: "w", col: 0, row: 1 },
 *    { id: "z", label: "×", col: 1, row: 0.5 }, { id: "L", label: "z²", col: 2, row: 0.5 }],
 *   [["x", "z"], ["w", "z"], ["z", "L"]],
 * );
 * console.log(pic.svg.startsWith("<svg")); // true
 * ```
 */
export function computationGraph(
  nodes: GraphNode[],
  edges: [string, string][],
  title = "green: forward value; red: gradient of the loss",
): GraphPicture {
  const pos = new Map<string, { x: number; y: number; w: number }>();
  for (const n of nodes) {
    if (pos.has(n.id)) throw new RangeError(`computationGraph: node id "${n.id}" is used twice`);
    const w = Math.max(44, 9 * [...n.label].length + 18); // box width grows with the label
    pos.set(n.id, { x: PAD + 30 + n.col * COL_W, y: PAD + n.row * ROW_H, w });
  }
  const arrows = edges.map(([from, to]) => {
    const a = pos.get(from), b = pos.get(to);
    if (!a || !b) {
      throw new RangeError(`computationGraph: edge ${from} → ${to} names an unknown node`);
    }
    return `<line x1="${a.x + a.w / 2}" y1="${a.y}" x2="${b.x - b.w / 2 - 2}" y2="${b.y}" ` +
      `stroke="#999" stroke-width="1.5" marker-end="url(#arrow)"/>`;
  });
  const boxes = nodes.map((n) => {
    const { x, y, w } = pos.get(n.id)!;
    return `<rect x="${x - w / 2}" y="${y - 14}" width="${w}" height="28" rx="8" fill="#f3f4f8" ` +
      `stroke="#444"/><text x="${x}" y="${y + 5}" text-anchor="middle">${
        escapeXml(n.label)
      }</text>` +
      `<text x="${x}" y="${y - 19}" text-anchor="middle" fill="#1a7f37" font-size="11">${
        fmt(n.value)
      }</text><text x="${x}" y="${y + 29}" text-anchor="middle" fill="#cf222e" font-size="11">${
        fmt(n.grad)
      }</text>`;
  });
  const width = PAD * 2 + 60 + Math.max(0, ...nodes.map((n) => n.col)) * COL_W;
  const height = PAD * 2 + Math.max(0, ...nodes.map((n) => n.row)) * ROW_H + 16;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `font-family="sans-serif" font-size="13"><defs><marker id="arrow" viewBox="0 0 10 10" ` +
    `refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 ` +
    `L0,10 z" fill="#999"/></marker></defs>${arrows.join("")}${boxes.join("")}<text x="8" ` +
    `y="${height - 8}" font-size="11" fill="#555">${escapeXml(title)}</text></svg>`;
  return new GraphPicture(svg);
}
