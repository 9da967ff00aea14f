/**
 * Live output for training loops: a figure that redraws in place (one display, updated through its
 * display id at a bounded rate) and a text progress line (step, loss, steps/s, ETA). In a notebook
 * they update the cell's outputs; outside one the progress line prints to stderr and the figure is
 * silent, so the same loop runs in tests and the CLI.
 * @module
 */
import type { Figure } from "./figure.ts";
import { figureBundle } from "./figure.ts";
import { displayBundle, initPlots, inJupyter } from "./show.ts";

let liveCounter = 0;

function newDisplayId(kind: string): string {
  return `course-${kind}-${Date.now().toString(36)}-${(liveCounter++).toString(36)}`;
}

/** A figure shown once and redrawn in place, at most once per `minIntervalMs`. */
export class LiveFigure {
  readonly displayId: string = newDisplayId("live");
  #last = 0;
  #pending?: Figure;
  #shown = false;

  /**
   * @param minIntervalMs the shortest time between two redraws (default 500 ms)
   */
  constructor(readonly minIntervalMs = 500) {}

  /**
   * Redraw with `fig` if the last redraw is older than `minIntervalMs`; else remember it for
   * `flush()`.
   *
   * @param fig the whole figure to show now
   */
  async update(fig: Figure): Promise<void> {
    this.#pending = fig;
    if (performance.now() - this.#last >= this.minIntervalMs) await this.flush();
  }

  /** Draw the latest figure now (call it once after the loop so the final state is shown). */
  async flush(): Promise<void> {
    if (!this.#pending) return;
    const fig = this.#pending;
    this.#pending = undefined;
    this.#last = performance.now();
    if (!inJupyter()) return;
    if (!this.#shown) await initPlots(false);
    await displayBundle(figureBundle(fig), this.displayId, this.#shown);
    this.#shown = true;
  }
}

/**
 * Make a live figure.
 *
 * @param minIntervalMs the shortest time between two redraws
 * @example Redraw a growing curve
 * ```ts
 * import { liveFigure } from "./live.ts";
 * const live = liveFigure(200);
 * const ys: number[] = [];
 * for (let i = 0; i < 10; i++) {
 *   ys.push(1 / (i + 1));
 *   await live.update({ data: [{ y: ys }] });
 * }
 * await live.flush();
 * ```
 */
export function liveFigure(minIntervalMs = 500): LiveFigure {
  return new LiveFigure(minIntervalMs);
}

/** Format seconds as m:ss or h:mm:ss. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  const mm = h ? String(m).padStart(2, "0") : String(m);
  return `${h ? `${h}:` : ""}${mm}:${String(r).padStart(2, "0")}`;
}

/** One progress update: the step reached and any named numbers to show (loss, val, chars/s…). */
export interface ProgressState {
  step: number;
  [name: string]: number;
}

/** A one-line progress report (step/total, values, steps/s, ETA), redrawn in place. */
export class ProgressLine {
  readonly displayId: string = newDisplayId("progress");
  #t0 = performance.now();
  #last = -Infinity;
  #shown = false;
  #text = "";

  /**
   * @param total the number of steps planned
   * @param minIntervalMs the shortest time between two redraws (default 250 ms)
   * @param label a word before the line (e.g. "train")
   */
  constructor(readonly total: number, readonly minIntervalMs = 250, readonly label = "step") {}

  /** The line for a state, e.g. `step 120/1000  loss 1.234  35.2 steps/s  ETA 0:24`. */
  format(state: ProgressState): string {
    const elapsed = (performance.now() - this.#t0) / 1000;
    const rate = state.step / Math.max(elapsed, 1e-9);
    const eta = (this.total - state.step) / Math.max(rate, 1e-9);
    const values = Object.entries(state)
      .filter(([k]) => k !== "step")
      .map(([k, v]) => `${k} ${Math.abs(v) >= 1000 ? v.toFixed(0) : v.toPrecision(4)}`);
    return [
      `${this.label} ${state.step}/${this.total}`,
      ...values,
      `${rate.toFixed(1)} steps/s`,
      state.step >= this.total
        ? `done in ${formatDuration(elapsed)}`
        : `ETA ${formatDuration(eta)}`,
    ].join("  ");
  }

  /**
   * Report a state; redraws if `minIntervalMs` passed or this is the last step.
   *
   * @param state the step reached and values to show
   */
  async update(state: ProgressState): Promise<void> {
    this.#text = this.format(state);
    const now = performance.now();
    if (now - this.#last < this.minIntervalMs && state.step < this.total) return;
    this.#last = now;
    await this.#draw();
  }

  /** Show the latest line now. */
  async flush(): Promise<void> {
    await this.#draw();
  }

  async #draw(): Promise<void> {
    if (!this.#text) return;
    if (inJupyter()) {
      await displayBundle({ "text/plain": this.#text }, this.displayId, this.#shown);
      this.#shown = true;
    } else {
      const enc = new TextEncoder();
      const isTty = Deno.stderr.isTerminal();
      await Deno.stderr.write(enc.encode(isTty ? `\r${this.#text}\x1b[K` : `${this.#text}\n`));
    }
  }
}

/**
 * Make a progress line for a loop of `total` steps.
 *
 * @param total steps planned
 * @param label a word before the line
 */
export function progressLine(total: number, label = "step"): ProgressLine {
  return new ProgressLine(total, 250, label);
}
