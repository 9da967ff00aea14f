/**
 * Score tables: what a check cell shows after an exercise (check, ✓/✗, points, hint) and what
 * `deno task grade` prints. A {@linkcode CheckReport} displays itself in a Deno notebook cell when it
 * is the cell's last expression (through `Symbol.for("Jupyter.display")`), so this module needs no
 * Jupyter API.
 * @module
 */
import type { CheckResult } from "./check.ts";

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Points scored and available over a list of results. */
export function score(results: CheckResult[]): { points: number; maxPoints: number } {
  return {
    points: results.reduce((s, r) => s + r.points, 0),
    maxPoints: results.reduce((s, r) => s + r.maxPoints, 0),
  };
}

/** The line under a check cell's table about the points it cannot show. */
export function hiddenLine(hiddenPoints: number): string {
  return `+${hiddenPoints} hidden point${
    hiddenPoints === 1 ? "" : "s"
  }, graded by \`deno task grade\``;
}

/**
 * A plain-text table of results, one line per check, and a score line.
 *
 * @param results check outcomes
 * @param title a heading (the exercise)
 * @param hiddenPoints points of hidden checks not in `results`, announced under the score
 */
export function textTable(results: CheckResult[], title = "", hiddenPoints = 0): string {
  const { points, maxPoints } = score(results);
  const w = Math.max(5, ...results.map((r) => r.name.length));
  const lines = results.map((r) =>
    `${r.passed ? "✓" : "✗"} ${r.name.padEnd(w)} ${String(r.points).padStart(2)}/${r.maxPoints}` +
    (r.hint ? `  hint: ${r.hint}` : "")
  );
  const head = title ? [title] : [];
  return [
    ...head,
    ...lines,
    `score ${points}/${maxPoints}${points === maxPoints ? " — full marks" : ""}`,
    ...(hiddenPoints > 0 ? [hiddenLine(hiddenPoints)] : []),
  ]
    .join("\n");
}

/**
 * An HTML table of results for a notebook cell.
 *
 * @param results check outcomes
 * @param title a heading (the exercise)
 * @param hiddenPoints points of hidden checks not in `results`, announced under the score
 */
export function htmlTable(results: CheckResult[], title = "", hiddenPoints = 0): string {
  const { points, maxPoints } = score(results);
  const rows = results.map((r) =>
    `<tr><td>${escapeHtml(r.name)}</td><td style="color:${r.passed ? "#1a7f37" : "#cf222e"}">${
      r.passed ? "✓" : "✗"
    }</td><td>${r.points}/${r.maxPoints}</td><td>${escapeHtml(r.hint ?? "")}</td></tr>`
  ).join("");
  return `<div class="course-checks"><b>${escapeHtml(title)}</b>
<table><thead><tr><th>check</th><th></th><th>points</th><th>hint</th></tr></thead><tbody>${rows}</tbody></table>
<p>score <b>${points}/${maxPoints}</b>${points === maxPoints ? " — full marks" : ""}${
    hiddenPoints > 0 ? ` <i>(${escapeHtml(hiddenLine(hiddenPoints))})</i>` : ""
  }</p></div>`;
}

/** The results of one exercise's checks, displayed as a table in a notebook. */
export class CheckReport {
  /**
   * @param title the exercise title and grade id
   * @param results check outcomes
   * @param hiddenPoints points of the exercise's hidden checks, which the table announces
   */
  constructor(
    readonly title: string,
    readonly results: CheckResult[],
    readonly hiddenPoints = 0,
  ) {}

  /** Whether every check passed. */
  get fullMarks(): boolean {
    const { points, maxPoints } = score(this.results);
    return points === maxPoints;
  }

  /** The table as text. */
  toString(): string {
    return textTable(this.results, this.title, this.hiddenPoints);
  }

  /** The MIME bundle Deno's kernel shows for this object. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return {
      "text/plain": this.toString(),
      "text/html": htmlTable(this.results, this.title, this.hiddenPoints),
    };
  }
}
