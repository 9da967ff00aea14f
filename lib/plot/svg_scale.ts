/**
 * Axis scales for the static SVG renderer (`svg_figure.ts`): a map from data values to pixels on a
 * linear, log10 or category axis, with "nice" tick values and labels as plotly chooses them
 * (1-2-5 steps on linear axes, decades on log axes, thinned so labels do not overlap).
 * @module
 */

/** What kind of axis: numbers, log10 of numbers, or category labels placed at 0, 1, 2, … */
export type AxisKind = "linear" | "log" | "category";

/** One tick: its data value, pixel position and label. */
export interface Tick {
  value: number;
  px: number;
  label: string;
}

/** A data → pixel map for one axis. */
export interface Scale {
  kind: AxisKind;
  /** The axis range in axis units (log10 of the data on a log axis), from `px0`'s end to `px1`'s. */
  domain: [number, number];
  /** Pixels of domain[0] and domain[1] (for a y axis px0 > px1: up is smaller). */
  px0: number;
  px1: number;
  /** Category labels in order (category axes only). */
  categories: string[];
  /** Pixel of a data value; NaN for values the axis cannot show (≤ 0 on a log axis). */
  toPx(v: number | string): number;
}

/** Axis units of a data value: log10 on a log axis, the category index on a category axis. */
function unitsOf(kind: AxisKind, categories: string[], v: number | string): number {
  if (kind === "category") {
    const i = categories.indexOf(String(v));
    return i >= 0 ? i : typeof v === "number" ? v : NaN;
  }
  const n = typeof v === "number" ? v : Number(v);
  if (kind === "log") return n > 0 ? Math.log10(n) : NaN;
  return n;
}

/**
 * A scale from an axis range in axis units to pixels.
 *
 * @param kind linear, log or category
 * @param domain [low, high] in axis units (reversed axes pass [high, low])
 * @param px0 pixel of domain[0]
 * @param px1 pixel of domain[1]
 * @param categories category labels (category axes)
 * @returns the scale
 * @throws {RangeError} if the domain is empty or not finite
 */
export function makeScale(
  kind: AxisKind,
  domain: [number, number],
  px0: number,
  px1: number,
  categories: string[] = [],
): Scale {
  const [d0, d1] = domain;
  if (!Number.isFinite(d0) || !Number.isFinite(d1) || d0 === d1) {
    throw new RangeError(`makeScale: need a finite, non-empty domain, got [${d0}, ${d1}]`);
  }
  const k = (px1 - px0) / (d1 - d0);
  return {
    kind,
    domain,
    px0,
    px1,
    categories,
    toPx: (v) => px0 + (unitsOf(kind, categories, v) - d0) * k,
  };
}

/**
 * The range in axis units that shows every value, padded as plotly pads (5% on each side for
 * points and lines, none for heatmap cells), or [0, 1] etc. when there is nothing to show.
 *
 * @param kind axis kind
 * @param values data values (non-finite ones and ≤ 0 on log axes are skipped)
 * @param categories category labels
 * @param pad fraction of the span added on each side
 * @returns [low, high] in axis units
 */
export function autoDomain(
  kind: AxisKind,
  values: Iterable<number | string>,
  categories: string[] = [],
  pad = 0.05,
): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    const u = unitsOf(kind, categories, v);
    if (Number.isFinite(u)) {
      if (u < lo) lo = u;
      if (u > hi) hi = u;
    }
  }
  if (lo > hi) return kind === "log" ? [0, 1] : [-1, 1];
  if (lo === hi) {
    const d = kind === "category" ? 0.5 : Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
    return [lo - d, hi + d];
  }
  const span = hi - lo;
  return [lo - pad * span, hi + pad * span];
}

/** A 1-2-5 step near span / target (the tick spacing of a linear axis). */
export function niceStep(span: number, target: number): number {
  const raw = Math.abs(span) / Math.max(1, target);
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/** A number as a short tick label: 0.001, 2.5, 1200, 1.5M, 1e−7. */
export function formatTick(v: number, step = 0): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) {
    const [m, e] = v.toExponential(2).split("e");
    return `${Number(m)}e${Number(e) < 0 ? "−" + String(-Number(e)) : e.replace("+", "")}`;
  }
  const decimals = step > 0 ? Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) : 6;
  const s = v.toFixed(Math.min(decimals, 10));
  return (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s).replace("-", "−");
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** 10 to an integer power as plotly labels decades: 1, 10, 100, 1000, 10k, 0.1, 0.01, 10⁻⁵. */
export function formatDecade(e: number): string {
  if (e >= 0 && e <= 3) return String(10 ** e);
  if (e >= 4 && e <= 5) return `${10 ** (e - 3)}k`;
  if (e < 0 && e >= -3) return (10 ** e).toFixed(-e);
  const digits = String(Math.abs(e)).split("").map((d) => SUPERSCRIPT[Number(d)]).join("");
  return `10${e < 0 ? "⁻" : ""}${digits}`;
}

/**
 * Ticks of a scale: at most about `lengthPx / minSpacingPx` of them, so labels do not overlap.
 * Linear axes step 1-2-5; log axes put ticks on decades (every k-th decade when there are many,
 * or 1-2-5 within a decade when the range is under two decades); category axes label every
 * category, or every k-th when they would crowd.
 *
 * @param scale the axis
 * @param minSpacingPx the smallest distance between two ticks, in pixels
 * @returns ticks inside the domain, in increasing pixel distance from px0
 */
export function ticksOf(scale: Scale, minSpacingPx: number): Tick[] {
  const [d0, d1] = scale.domain;
  const lo = Math.min(d0, d1), hi = Math.max(d0, d1);
  const lengthPx = Math.abs(scale.px1 - scale.px0);
  const pxPerUnit = lengthPx / (hi - lo);
  const inside = (u: number) => u >= lo - 1e-9 * (hi - lo) && u <= hi + 1e-9 * (hi - lo);
  const pxOfUnits = (u: number) => scale.px0 + (u - d0) * (scale.px1 - scale.px0) / (d1 - d0);
  /** the smallest gap between neighbouring positions (axis units), in pixels */
  const minGapPx = (us: number[]) =>
    us.slice(1).reduce((m, u, i) => Math.min(m, (u - us[i]) * pxPerUnit), Infinity);
  const out: Tick[] = [];
  if (scale.kind === "category") {
    const every = Math.max(1, Math.ceil(minSpacingPx / pxPerUnit - 1e-9));
    for (let i = 0; i < scale.categories.length; i += every) {
      if (inside(i)) out.push({ value: i, px: pxOfUnits(i), label: scale.categories[i] });
    }
    return out;
  }
  if (scale.kind === "log") {
    if (hi - lo < 2) {
      // under two decades: ticks at 1, 2, 5 × 10^k (or only 1 and 5, or 1) if they do not crowd
      for (const mults of [[1, 2, 5], [1, 5], [1]]) {
        const cand: number[] = [];
        for (let e = Math.floor(lo); e <= Math.ceil(hi); e++) {
          for (const m of mults) if (inside(e + Math.log10(m))) cand.push(e + Math.log10(m));
        }
        if (cand.length >= 2 && minGapPx(cand) >= minSpacingPx) {
          return cand.map((u) => ({
            value: 10 ** u,
            px: pxOfUnits(u),
            label: formatTick(Number((10 ** u).toPrecision(3))),
          }));
        }
      }
    }
    // decades, every k-th one so that neighbours are at least minSpacingPx apart
    const every = Math.max(1, Math.ceil(minSpacingPx / pxPerUnit - 1e-9));
    for (let e = Math.ceil(lo / every - 1e-9) * every; e <= hi + 1e-9; e += every) {
      out.push({ value: 10 ** e, px: pxOfUnits(e), label: formatDecade(e) });
    }
    if (out.length > 0) return out;
    // not even one decade inside: fall through to linear ticks on the exponents' values
    const v = 10 ** ((lo + hi) / 2);
    return [{
      value: v,
      px: pxOfUnits((lo + hi) / 2),
      label: formatTick(Number(v.toPrecision(2))),
    }];
  }
  let step = niceStep(hi - lo, Math.max(2, Math.floor(lengthPx / minSpacingPx)));
  while (step * pxPerUnit < minSpacingPx - 1e-9) step = niceStep(step * 1.01, 1);
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-9 * step; k++) {
    const v = Number((k * step).toPrecision(12));
    out.push({ value: v, px: pxOfUnits(v), label: formatTick(v, step) });
  }
  return out;
}
