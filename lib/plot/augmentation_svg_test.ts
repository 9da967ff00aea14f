import assert from "node:assert/strict";
import { augmentationFigure, augmentationSvg } from "./augmentation_svg.ts";

Deno.test("augmentationSvg() draws each augmentation as a standalone SVG with a caption", () => {
  for (const kind of ["ntm", "act", "programmer"] as const) {
    const svg = augmentationSvg(kind);
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /<\/svg>$/);
    assert.ok(!svg.includes("undefined") && !svg.includes("NaN"), kind);
  }
  assert.match(augmentationSvg("ntm"), /Neural Turing machine/);
  assert.throws(() => augmentationSvg("lstm" as "ntm"), /kind must be/);
});

Deno.test("augmentationFigure() wraps the SVG in an <img> data URL with a text fallback", () => {
  const bundle = augmentationFigure("act");
  assert.match(
    bundle["text/html"],
    /^<img alt="adaptive computation time" src="data:image\/svg\+xml,%3Csvg/,
  );
  assert.equal(bundle["text/plain"], "[diagram: adaptive computation time]");
});
