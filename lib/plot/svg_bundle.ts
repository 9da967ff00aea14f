/**
 * The MIME bundle of a static SVG drawing: `image/svg+xml` for viewers that show SVG, the same
 * picture as an `<img>` for HTML-only and sanitising viewers (untrusted notebooks keep images but
 * drop SVG), and its alternative text as `text/plain`.
 * @module
 */
import { type MimeBundle, svgImgHtml } from "./figure.ts";

/**
 * A bundle for an SVG drawing.
 *
 * @param svg an SVG document (with `xmlns`)
 * @param alt what it shows, in words
 * @returns the MIME bundle
 * @throws {RangeError} if `svg` is not an SVG document
 * @example
 * ```ts
 * import { svgBundle } from "./svg_bundle.ts";
 * const b = svgBundle('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', "a dot");
 * console.log(Object.keys(b)); // ["image/svg+xml", "text/html", "text/plain"]
 * ```
 */
export function svgBundle(svg: string, alt: string): MimeBundle {
  if (!/^\s*(<\?xml[^>]*>\s*)?<svg\b/.test(svg)) {
    throw new RangeError(`svgBundle: expected an <svg> document, got "${svg.slice(0, 40)}…"`);
  }
  return { "image/svg+xml": svg, "text/html": svgImgHtml(svg, alt), "text/plain": alt };
}
