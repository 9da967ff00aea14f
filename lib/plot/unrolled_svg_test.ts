import assert from "node:assert/strict";
import { unrolledRnnSvg } from "./unrolled_svg.ts";

Deno.test("unrolledRnnSvg() draws one input and state per step and the losses asked for", () => {
  const svg = unrolledRnnSvg({ T: 3, lossAt: "every" });
  assert.ok(svg.startsWith("<svg") && svg.endsWith("</svg>"));
  assert.equal(svg.match(/>x[₀-₉]+</g)?.length, 3);
  assert.equal(svg.match(/>L[₀-₉]*</g)?.length, 3);
  assert.equal(unrolledRnnSvg({ T: 5 }).match(/>L</g)?.length, 1);
  assert.ok(!unrolledRnnSvg({ gradients: false }).includes("stroke-dasharray"));
  assert.throws(() => unrolledRnnSvg({ T: 9 }), RangeError);
});
