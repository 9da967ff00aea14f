/**
 * Colours for the static SVG renderer: plotly's default trace colours and the colour scales the
 * course uses (Viridis, Blues, Greys, RdBu, Reds, or a scale given as [[t, colour], …]), with
 * plotly's meaning of `reversescale`.
 * @module
 */

/** plotly's default colour sequence (trace k gets COLORWAY[k % 10]). */
export const COLORWAY: readonly string[] = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];

/** A colour scale: stops t ∈ [0, 1] with a colour each, increasing in t. */
export type ColorScale = [number, string][];

/** plotly's named scales used by the course (same stops as plotly.js). */
const NAMED: Record<string, ColorScale> = {
  Viridis: [
    [0, "#440154"],
    [0.06274509803921569, "#48186a"],
    [0.12549019607843137, "#472d7b"],
    [0.18823529411764706, "#424086"],
    [0.25098039215686274, "#3b528b"],
    [0.3137254901960784, "#33638d"],
    [0.3764705882352941, "#2c728e"],
    [0.4392156862745098, "#26828e"],
    [0.5019607843137255, "#21918c"],
    [0.5647058823529412, "#1fa088"],
    [0.6274509803921569, "#28ae80"],
    [0.6901960784313725, "#3fbc73"],
    [0.7529411764705882, "#5ec962"],
    [0.8156862745098039, "#84d44b"],
    [0.8784313725490196, "#addc30"],
    [0.9411764705882353, "#d8e219"],
    [1, "#fde725"],
  ],
  Blues: [
    [0, "rgb(5,10,172)"],
    [0.35, "rgb(40,60,190)"],
    [0.5, "rgb(70,100,245)"],
    [0.6, "rgb(90,120,245)"],
    [0.7, "rgb(106,137,247)"],
    [1, "rgb(220,220,220)"],
  ],
  Greys: [[0, "rgb(0,0,0)"], [1, "rgb(255,255,255)"]],
  Reds: [[0, "rgb(220,220,220)"], [0.2, "rgb(245,195,157)"], [0.4, "rgb(245,160,105)"], [
    1,
    "rgb(178,10,28)",
  ]],
  RdBu: [
    [0, "rgb(5,10,172)"],
    [0.35, "rgb(106,137,247)"],
    [0.5, "rgb(190,190,190)"],
    [0.6, "rgb(220,170,132)"],
    [0.7, "rgb(230,145,90)"],
    [1, "rgb(178,10,28)"],
  ],
};

/** Parse "#rgb", "#rrggbb", "rgb(r,g,b)" or "rgba(r,g,b,a)" into [r, g, b]; a named colour → null. */
export function parseColor(c: string): [number, number, number] | null {
  const s = c.trim();
  if (s.startsWith("#")) {
    const h = s.length === 4 ? s.slice(1).split("").map((d) => d + d).join("") : s.slice(1, 7);
    const n = parseInt(h, 16);
    return Number.isNaN(n) ? null : [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const m = s.match(/^rgba?\(([^)]+)\)$/);
  if (!m) return null;
  const [r, g, b] = m[1].split(",").map((x) => Number(x.trim()));
  return [r, g, b].every(Number.isFinite) ? [r, g, b] : null;
}

/**
 * A colour scale from a plotly `colorscale` value.
 *
 * @param spec a name ("Viridis", "Blues", …) or stops [[t, colour], …]; undefined → Viridis
 * @param reverse plotly's `reversescale`
 * @returns the stops
 * @throws {RangeError} on an unknown name or colours it cannot parse
 */
export function colorScale(spec: unknown, reverse = false): ColorScale {
  let stops: ColorScale;
  if (spec === undefined || spec === null) stops = NAMED.Viridis;
  else if (typeof spec === "string") {
    const named = NAMED[spec];
    if (!named) {
      throw new RangeError(
        `colorScale: unknown scale "${spec}" (have ${Object.keys(NAMED).join(", ")})`,
      );
    }
    stops = named;
  } else if (Array.isArray(spec)) stops = spec.map(([t, c]) => [Number(t), String(c)]);
  else throw new RangeError(`colorScale: expected a name or [[t, colour], …], got ${spec}`);
  for (const [, c] of stops) {
    if (!parseColor(c)) throw new RangeError(`colorScale: cannot parse colour "${c}"`);
  }
  return reverse ? stops.map(([t, c]) => [1 - t, c] as [number, string]).reverse() : stops;
}

/**
 * The colour at t ∈ [0, 1] on a scale (clamped), interpolated in RGB.
 *
 * @param scale the stops
 * @param t position
 * @returns "rgb(r,g,b)"
 */
export function colorAt(scale: ColorScale, t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  let i = 1;
  while (i < scale.length - 1 && scale[i][0] < x) i++;
  const [t0, c0] = scale[i - 1], [t1, c1] = scale[Math.min(i, scale.length - 1)];
  const a = parseColor(c0)!, b = parseColor(c1)!;
  const s = t1 > t0 ? Math.min(1, Math.max(0, (x - t0) / (t1 - t0))) : 0;
  return `rgb(${a.map((v, k) => Math.round(v + (b[k] - v) * s)).join(",")})`;
}
