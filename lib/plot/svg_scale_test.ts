import assert from "node:assert/strict";
import { autoDomain, formatDecade, formatTick, makeScale, niceStep, ticksOf } from "./svg_scale.ts";

Deno.test("a linear scale maps the domain's ends to the pixel ends and is linear in between", () => {
  const s = makeScale("linear", [0, 10], 100, 600);
  assert.equal(s.toPx(0), 100);
  assert.equal(s.toPx(10), 600);
  assert.equal(s.toPx(2.5), 225);
  const y = makeScale("linear", [-1, 1], 300, 100); // y axes point up: larger values, smaller px
  assert.equal(y.toPx(0), 200);
});

Deno.test("a log scale maps decades evenly and hides values ≤ 0", () => {
  const s = makeScale("log", [0, 3], 0, 300); // 1 … 1000
  assert.ok(Math.abs(s.toPx(10) - 100) < 1e-9);
  assert.ok(Math.abs(s.toPx(100) - 200) < 1e-9);
  assert.ok(Number.isNaN(s.toPx(0)) && Number.isNaN(s.toPx(-1)));
  assert.deepEqual(autoDomain("log", [0.01, 100, 0, -5], [], 0), [-2, 2]);
});

Deno.test("a category scale places labels at 0, 1, 2, … and merges repeats", () => {
  const cats = [...new Set(["a", "b", "a", "c"])];
  const s = makeScale("category", [-0.5, 2.5], 0, 300, cats);
  assert.equal(s.toPx("a"), 50);
  assert.equal(s.toPx("c"), 250);
});

Deno.test("ticks never crowd: on every axis length and range, neighbours are ≥ the spacing apart", () => {
  for (const kind of ["linear", "log"] as const) {
    for (const len of [80, 150, 280, 500, 900]) {
      for (const [lo, hi] of [[0, 1], [-3.2, 7.9], [0.001, 0.002], [-16, 6], [0, 0.3], [1, 1.7]]) {
        const s = makeScale(kind, [lo, hi], len, 0);
        const spacing = 26;
        const ticks = ticksOf(s, spacing);
        assert.ok(ticks.length >= 1, `${kind} [${lo}, ${hi}] on ${len}px: no tick`);
        for (let i = 1; i < ticks.length; i++) {
          const gap = Math.abs(ticks[i].px - ticks[i - 1].px);
          assert.ok(
            gap >= spacing - 1e-6,
            `${kind} [${lo}, ${hi}] on ${len}px: ticks ${ticks[i - 1].label} and ${
              ticks[i].label
            } are ${gap.toFixed(1)}px apart`,
          );
        }
        const labels = ticks.map((t) => t.label);
        assert.equal(new Set(labels).size, labels.length, `duplicate labels ${labels}`);
        for (const t of ticks) {
          assert.ok(t.px >= -1e-6 && t.px <= len + 1e-6, `tick ${t.label} outside the axis`);
        }
      }
    }
  }
});

Deno.test("log ticks sit on decades (or 1-2-5 within one) and are labelled as plotly labels them", () => {
  const wide = ticksOf(makeScale("log", [-4, 1.2], 300, 0), 26);
  assert.deepEqual(wide.map((t) => t.label), ["10⁻⁴", "0.001", "0.01", "0.1", "1", "10"]);
  assert.ok(wide.every((t) => Number.isInteger(Math.round(Math.log10(t.value) * 1e9) / 1e9)));
  const narrow = ticksOf(makeScale("log", [Math.log10(0.15), Math.log10(0.9)], 300, 0), 26);
  assert.deepEqual(narrow.map((t) => t.label), ["0.2", "0.5"]);
  const many = ticksOf(makeScale("log", [-15, 6], 200, 0), 26);
  assert.ok(many.length <= Math.floor(200 / 26) + 1, `${many.length} ticks on 200 px`);
  assert.equal(formatDecade(6), "10⁶");
  assert.equal(formatDecade(4), "10k");
});

Deno.test("linear ticks step 1-2-5 and labels drop float noise", () => {
  assert.equal(niceStep(10, 5), 2);
  assert.equal(niceStep(0.7, 7), 0.1);
  const t = ticksOf(makeScale("linear", [0, 0.3], 0, 400), 60);
  assert.deepEqual(t.map((x) => x.label), ["0", "0.05", "0.1", "0.15", "0.2", "0.25", "0.3"]);
  assert.equal(formatTick(-2), "−2");
  assert.equal(formatTick(1.5e-7), "1.5e−7");
});

Deno.test("makeScale rejects an empty or non-finite domain", () => {
  assert.throws(() => makeScale("linear", [1, 1], 0, 10), /non-empty domain/);
  assert.throws(() => makeScale("linear", [0, NaN], 0, 10), /finite/);
});
