/**
 * Live output for training loops: a figure that redraws in place (one display, updated through its
 * display id at a bounded rate) and a text progress line (step, loss, steps/s, ETA), plus `busy`
 * for any long call that reports no steps. In a notebook they update the cell's outputs (each
 * redraw carries the figure's static picture, so the saved notebook shows the final frame
 * everywhere); outside one the progress line prints to stderr and the figure is silent, so the
 * same loop runs in tests and the CLI. Their last redraw waits until the kernel has published it
 * (`flushOutputs`), so it lands in its own cell.
 * @module
 */
import type { Figure } from "./figure.ts";
import { figureBundle } from "./figure.ts";
import { displayBundle, initPlots, inJupyter } from "./show.ts";
import { flushOutputs } from "./output_barrier.ts";

let liveCounter = 0;

function newDisplayId(kind: string): string {
  return `course-${kind}-${Date.now().toString(36)}-${(liveCounter++).toString(36)}`;
}

/** Whether a figure has something to see: a trace with two points, or a heatmap row. */
export function hasData(fig: Figure): boolean {
  return fig.data.some((t) => {
    const d = t as { y?: ArrayLike<unknown>; x?: ArrayLike<unknown>; z?: ArrayLike<unknown> };
    return (d.z?.length ?? 0) > 0 || Math.max(d.y?.length ?? 0, d.x?.length ?? 0) >= 2;
  });
}

/**
 * A figure shown once and redrawn in place, at most once per `minIntervalMs`. Redraws wait until
 * the figure has data (no empty first frame); `flush()` draws the final state.
 */
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
   * Redraw with `fig` if the last redraw is older than `minIntervalMs` and the figure has data;
   * else remember it for `flush()`.
   *
   * @param fig the whole figure to show now
   */
  async update(fig: Figure): Promise<void> {
    this.#pending = fig;
    if (performance.now() - this.#last >= this.minIntervalMs && hasData(fig)) await this.#draw();
  }

  /**
   * Draw the latest figure now and wait until it is published (call it once after the loop so
   * the final state is shown, and stays, in this cell).
   */
  async flush(): Promise<void> {
    await this.#draw();
    await flushOutputs();
  }

  async #draw(): Promise<void> {
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

/**
 * A one-line progress report (step/total, values, steps/s, ETA), redrawn in place. The rate and
 * the ETA come from the steps after the first report, so a slow first step (compiling, warming
 * up) does not inflate the ETA; until a second report there is no ETA.
 */
export class ProgressLine {
  readonly displayId: string = newDisplayId("progress");
  #t0 = performance.now();
  #last = -Infinity;
  #shown = false;
  #text = "";
  /** the first report after warm-up: time and step the rate is measured from */
  #ref?: { t: number; step: number };

  /**
   * @param total the number of steps planned
   * @param minIntervalMs the shortest time between two redraws (default 250 ms)
   * @param label a word before the line (e.g. "train")
   * @param unit what the rate counts, shown as `${unit}/s` (default "steps"; e.g. "runs")
   */
  constructor(
    readonly total: number,
    readonly minIntervalMs = 250,
    readonly label = "step",
    readonly unit = "steps",
  ) {}

  /** The line for a state, e.g. `step 120/1000  loss 1.234  35.2 steps/s  ETA 0:24`. */
  format(state: ProgressState, now: number = performance.now()): string {
    const elapsed = (now - this.#t0) / 1000;
    if (!this.#ref && state.step > 0) this.#ref = { t: now, step: state.step };
    const ref = this.#ref;
    const measured = ref && state.step > ref.step && now > ref.t;
    const rate = measured ? (state.step - ref.step) / ((now - ref.t) / 1000) : NaN;
    const values = Object.entries(state)
      .filter(([k]) => k !== "step")
      .map(([k, v]) => `${k} ${Math.abs(v) >= 1000 ? v.toFixed(0) : v.toPrecision(4)}`);
    const done = state.step >= this.total;
    return [
      `${this.label} ${state.step}/${this.total}`,
      ...values,
      ...(measured ? [`${rate.toFixed(1)} ${this.unit}/s`] : []),
      done
        ? `done in ${formatDuration(elapsed)}`
        : `ETA ${measured ? formatDuration((this.total - state.step) / rate) : "…"}`,
    ].join("  ");
  }

  /**
   * Report a state; redraws if `minIntervalMs` passed or this is the last step (which also waits
   * until the line is published, so it stays in this cell).
   *
   * @param state the step reached and values to show
   */
  async update(state: ProgressState): Promise<void> {
    this.#text = this.format(state);
    const now = performance.now();
    const last = state.step >= this.total;
    if (now - this.#last < this.minIntervalMs && !last) return;
    this.#last = now;
    await this.#draw();
    if (last) await flushOutputs();
  }

  /** Show the latest line now and wait until it is published. */
  async flush(): Promise<void> {
    await this.#draw();
    await flushOutputs();
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
 * @param unit what the rate counts, shown as `${unit}/s` (default "steps"; e.g. "runs")
 */
export function progressLine(total: number, label = "step", unit = "steps"): ProgressLine {
  return new ProgressLine(total, 250, label, unit);
}

/**
 * Run a long call and show that it runs: a line "label … 12 s" redrawn every half second while it
 * runs (when it yields to the event loop, as async training loops do), then "label: done in
 * 0:14". For any cell that takes more than a few seconds and reports no steps; loops that know
 * their steps use {@link progressLine}.
 *
 * @param label what runs, e.g. "training the RNN and the LSTM (3 seeds each)"
 * @param work the call; its result is returned
 * @returns what `work` returns
 * @throws whatever `work` throws (the line then says it failed)
 * @example Time a training call
 * ```ts
 * import { busy } from "./live.ts";
 * const sum = await busy("adding", () => 1 + 2);
 * console.log(sum); // 3
 * ```
 */
export async function busy<T>(label: string, work: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  const id = newDisplayId("busy");
  let shown = false, drawing: Promise<void> = Promise.resolve();
  const draw = (text: string) => {
    drawing = drawing.then(async () => {
      if (inJupyter()) {
        await displayBundle({ "text/plain": text }, id, shown);
        shown = true;
      } else {
        await Deno.stderr.write(new TextEncoder().encode(`${text}\n`));
      }
    });
    return drawing;
  };
  const seconds = () => `${((performance.now() - t0) / 1000).toFixed(0)} s`;
  await draw(`${label} …`);
  const timer = setInterval(() => void draw(`${label} … ${seconds()}`), 500);
  try {
    const result = await work();
    clearInterval(timer);
    await draw(`${label}: done in ${formatDuration((performance.now() - t0) / 1000)}`);
    return result;
  } catch (e) {
    clearInterval(timer);
    await draw(`${label}: failed after ${seconds()}`);
    throw e;
  } finally {
    clearInterval(timer);
    await drawing;
    await flushOutputs();
  }
}
