import assert from "node:assert/strict";
import { computationGraph, type GraphNode } from "./computation_graph.ts";

const nodes: GraphNode[] = [
  { id: "x", label: "x", col: 0, row: 0, value: 2 },
  { id: "w", label: "w", col: 0, row: 1, value: -0.5, grad: 4 },
  { id: "z", label: "×", col: 1, row: 0.5, value: -1, grad: -2 },
  { id: "L", label: "z² <loss>", col: 2, row: 0.5, value: 1, grad: 1 },
];

Deno.test("computationGraph() draws one box per node and one arrow per edge", () => {
  const { svg } = computationGraph(nodes, [["x", "z"], ["w", "z"], ["z", "L"]]);
  assert.equal(svg.match(/<rect /g)?.length, 4);
  assert.equal(svg.match(/<line /g)?.length, 3);
  assert.match(svg, /fill="#cf222e" font-size="11">-2.00</);
  assert.match(svg, /z² &lt;loss&gt;/);
});

Deno.test("computationGraph() displays itself as HTML in a notebook", () => {
  const pic = computationGraph(nodes, []);
  const display = (pic as unknown as Record<symbol, () => Record<string, string>>)[
    Symbol.for("Jupyter.display")
  ];
  const bundle = display.call(pic);
  assert.equal(bundle["text/html"], pic.svg);
});

Deno.test("computationGraph() rejects unknown and repeated node ids", () => {
  assert.throws(() => computationGraph(nodes, [["x", "y"]]), /x → y names an unknown node/);
  assert.throws(() => computationGraph([...nodes, nodes[0]], []), /"x" is used twice/);
});
