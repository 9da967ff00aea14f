import assert from "node:assert/strict";
import { charHeatHtml, showCharHeat } from "./char_heat.ts";

Deno.test("charHeatHtml() draws one span per character, low blue, middle white, high red", () => {
  const html = charHeatHtml("ab\nc", [-1, 0, 1, 5]);
  assert.equal(html.match(/<span /g)?.length, 4);
  assert.match(html, /rgb\(49,130,189\)">a</);
  assert.match(html, /rgb\(255,255,255\)">b</);
  assert.match(html, /rgb\(222,45,38\)">↵<\/span><br>/);
  assert.match(html, /title="5\.000" style="background:rgb\(222,45,38\)">c</); // clamped
});

Deno.test("charHeatHtml() escapes HTML in the text and the title", () => {
  const html = charHeatHtml("<&>", [0, 0, 0], { title: "<b>unit</b>" });
  assert.ok(html.includes("&lt;</span>") && html.includes("&amp;</span>"));
  assert.ok(!html.includes("<b>unit"));
});

Deno.test("charHeatHtml() throws on mismatched lengths or an empty range", async () => {
  assert.throws(() => charHeatHtml("abc", [1, 2]), /3 characters but values has 2/);
  assert.throws(() => charHeatHtml("a", [0], { vmin: 1, vmax: 1 }), /vmin < vmax/);
  await showCharHeat("a", [0]); // no-op outside a notebook
});

Deno.test("charHeatSvg() draws one coloured cell per character and breaks lines", async () => {
  const { charHeatSvg } = await import("./char_heat.ts");
  const svg = charHeatSvg("ab\nc<", [-1, 0, 1, 0.5, 0], { title: "unit 3" });
  assert.equal(svg.match(/<rect x=/g)?.length, 5);
  assert.ok(svg.includes(">ab↵<") && svg.includes(">c&lt;<") && svg.includes(">unit 3<"));
  assert.ok(svg.includes("rgb(49,130,189)") && svg.includes("rgb(222,45,38)"));
});
