import assert from "node:assert/strict";
import { attentionHeatmap } from "./attention_heatmap.ts";

Deno.test("attentionHeatmap() labels tokens with their positions and puts the first output on top", () => {
  const fig = attentionHeatmap([[0.2, 0.8], [0.9, 0.1], [0.5, 0.5]], ["7", "7"], ["7", "7", "$"]);
  const trace = fig.data[0] as { x: string[]; y: string[]; z: number[][]; zmax: number };
  assert.deepEqual(trace.x, ["7₀", "7₁"]);
  assert.deepEqual(trace.y, ["7₀", "7₁", "$₂"]);
  assert.equal(trace.zmax, 1);
  assert.equal((fig.layout?.yaxis as { autorange: string }).autorange, "reversed");
});

Deno.test("attentionHeatmap() names the counts when rows and labels disagree", () => {
  assert.throws(
    () => attentionHeatmap([[1, 0]], ["1", "2"], ["2", "1"]),
    /1 rows of 2 weights for 2 output/,
  );
});
