/**
 * The attention map of notebook 09: one row per output token, one column per source token, colour
 * = attention weight (Bahdanau, Cho & Bengio 2015, Fig. 3). Tokens are labelled with their
 * position as a subscript ("3₀", "1₁", …), because plotly merges repeated category labels.
 * @module
 */
import type { Figure } from "./figure.ts";
import { heatmap } from "./charts.ts";

const SUB = "₀₁₂₃₄₅₆₇₈₉";

/** A token with its position as a subscript, e.g. ("7", 12) → "7₁₂". */
function labelled(token: string, i: number): string {
  return token + String(i).split("").map((d) => SUB[Number(d)]).join("");
}

/**
 * A heatmap of attention weights.
 *
 * @param weights one row per output step, each with one weight per source token [steps][S]
 * @param source the source tokens [S]
 * @param output the output tokens, one per row (e.g. the decoded digits then "$")
 * @param title the plot title (default "Attention weights")
 * @returns the figure
 * @throws {RangeError} if the rows and labels disagree in number
 * @example
 * ```ts
 * import { attentionHeatmap } from "./attention_heatmap.ts";
 * const fig = attentionHeatmap([[0.1, 0.9], [0.8, 0.2]], ["1", "2"], ["2", "1"]);
 * console.log(fig.data.length); // 1
 * ```
 * @see notebook 09, "Where does the decoder look?"
 */
export function attentionHeatmap(
  weights: number[][],
  source: string[],
  output: string[],
  title = "Attention weights",
): Figure {
  if (weights.length !== output.length || weights.some((r) => r.length !== source.length)) {
    throw new RangeError(
      `attentionHeatmap: ${weights.length} rows of ${weights[0]?.length} weights for ` +
        `${output.length} output and ${source.length} source tokens`,
    );
  }
  const fig = heatmap(weights, {
    title,
    xTitle: "source token (input)",
    yTitle: "output token",
    x: source.map(labelled),
    y: output.map(labelled),
    colorscale: "Blues",
    zmin: 0,
    zmax: 1,
    width: Math.max(420, 40 * source.length + 200),
    height: Math.max(300, 30 * output.length + 140),
  });
  return {
    // plotly's "Blues" runs dark to light: reversed, 0 is white and 1 dark blue
    data: [{ ...fig.data[0], reversescale: true } as Figure["data"][number]],
    // the first output at the top, as in Bahdanau et al.'s figures
    layout: {
      ...fig.layout,
      title: { text: title, x: 0.02, xanchor: "left" }, // clear of plotly's toolbar on the right
      yaxis: { ...fig.layout?.yaxis, autorange: "reversed" },
    },
  };
}
