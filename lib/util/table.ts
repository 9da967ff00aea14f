/**
 * Aligned text tables for notebook output, instead of padding columns by hand: numbers are
 * right-aligned and shown with a fixed number of digits, text is left-aligned, and the header is
 * underlined.
 * @module
 */

/** A table cell: numbers are formatted with `digits`, anything else with `String`. */
export type TableCell = string | number | boolean | null | undefined;

/** Options of {@linkcode formatTable} and {@linkcode printTable}. */
export interface TableOptions {
  /** Digits after the point for non-integer numbers (default 3), or one count per column. */
  digits?: number | number[];
  /** Column order and headers when rows are objects (default: the first row's keys). */
  columns?: string[];
}

function cellText(v: TableCell, digits: number): string {
  if (typeof v === "number") {
    if (Number.isInteger(v)) return String(v);
    if (!Number.isFinite(v)) return String(v);
    return v.toFixed(digits);
  }
  return v === null || v === undefined ? "" : String(v);
}

/**
 * Format rows as an aligned text table.
 *
 * @param rows objects (one key per column) or arrays (the first array is the header)
 * @param opts digits per column, column order
 * @returns the table, lines joined by "\n"
 * @throws {TypeError} when rows mix objects and arrays
 * @example
 * ```ts
 * import { formatTable } from "./table.ts";
 * console.log(formatTable([{ model: "rnn", acc: 0.5 }, { model: "lstm", acc: 0.9875 }]));
 * // model    acc
 * // -----  -----
 * // rnn    0.500
 * // lstm   0.988
 * ```
 */
export function formatTable(
  rows: readonly (Record<string, TableCell> | readonly TableCell[])[],
  opts: TableOptions = {},
): string {
  if (rows.length === 0) return "";
  let header: string[];
  let body: TableCell[][];
  if (rows.every((r) => Array.isArray(r))) {
    const arrays = rows as readonly (readonly TableCell[])[];
    header = arrays[0].map((c) => String(c ?? ""));
    body = arrays.slice(1).map((r) => [...r]);
  } else if (rows.every((r) => !Array.isArray(r) && typeof r === "object" && r !== null)) {
    const objects = rows as readonly Record<string, TableCell>[];
    header = opts.columns ?? Object.keys(objects[0]);
    body = objects.map((r) => header.map((k) => r[k]));
  } else {
    throw new TypeError("formatTable: rows must be all objects or all arrays");
  }
  const digitsOf = (j: number) =>
    Array.isArray(opts.digits) ? opts.digits[j] ?? 3 : opts.digits ?? 3;
  const text = body.map((r) => header.map((_, j) => cellText(r[j], digitsOf(j))));
  const numeric = header.map((_, j) => body.every((r) => typeof r[j] !== "string"));
  const width = header.map((h, j) => Math.max(h.length, ...text.map((r) => r[j].length)));
  const line = (cells: string[]) =>
    cells.map((c, j) => numeric[j] ? c.padStart(width[j]) : c.padEnd(width[j])).join("  ")
      .trimEnd();
  return [line(header), line(width.map((w) => "-".repeat(w))), ...text.map(line)].join("\n");
}

/**
 * Print rows as an aligned text table (see {@linkcode formatTable}).
 *
 * @param rows objects (one key per column) or arrays (the first array is the header)
 * @param opts digits per column, column order
 */
export function printTable(
  rows: readonly (Record<string, TableCell> | readonly TableCell[])[],
  opts: TableOptions = {},
): void {
  console.log(formatTable(rows, opts));
}
