/**
 * Whether code runs inside `deno jupyter`, the one test every notebook-only helper in this folder
 * makes before touching `Deno.jupyter`.
 * @module
 */

/** Whether this code runs inside `deno jupyter` (where `Deno.jupyter` exists). */
export function inJupyter(): boolean {
  // Outside `deno jupyter`, reading Deno.jupyter throws.
  try {
    return typeof (Deno as unknown as { jupyter?: unknown }).jupyter === "object";
  } catch {
    return false;
  }
}
