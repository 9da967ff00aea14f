/**
 * Text that grows in place in a notebook cell: notebook 07 streams sampled characters into one
 * display (updated through its display id, at most once per `minIntervalMs`) so the student
 * watches the model write, as the CLI does on stdout. Outside a notebook nothing is drawn and the
 * text is only collected, so the same code runs in tests.
 * @module
 */
import { displayBundle, inJupyter } from "./show.ts";
import { flushOutputs } from "./output_barrier.ts";

let streamCounter = 0;

/** A display that appends text and redraws at a bounded rate (see the module comment). */
export class TextStream {
  /** The Jupyter display id this stream updates. */
  readonly displayId: string = `course-text-${Date.now().toString(36)}-${
    (streamCounter++).toString(36)
  }`;
  #text = "";
  #last = -Infinity;
  #shown = false;
  #dirty = false;

  /**
   * @param minIntervalMs the shortest time between two redraws (default 100 ms)
   * @param header a line shown above the text (e.g. "τ = 0.8:"); empty for none
   * @throws {RangeError} if minIntervalMs is negative or not finite
   */
  constructor(readonly minIntervalMs = 100, readonly header = "") {
    if (!(minIntervalMs >= 0 && Number.isFinite(minIntervalMs))) {
      throw new RangeError(
        `TextStream: minIntervalMs must be ≥ 0 and finite, got ${minIntervalMs}`,
      );
    }
  }

  /** Everything written so far. */
  get text(): string {
    return this.#text;
  }

  /**
   * Append text; redraws if the last redraw is older than `minIntervalMs`. An arrow function, so
   * it can be passed as a callback: `generate({ …, onChar: stream.write })`.
   *
   * @param chunk characters to append
   */
  readonly write = async (chunk: string): Promise<void> => {
    this.#text += chunk;
    this.#dirty = true;
    if (performance.now() - this.#last >= this.minIntervalMs) await this.#draw();
  };

  /**
   * Draw the whole text now and wait until it is published (call it once at the end so the last
   * characters are shown, in this cell).
   */
  async flush(): Promise<void> {
    await this.#draw();
    await flushOutputs();
  }

  async #draw(): Promise<void> {
    if (!this.#dirty && this.#shown) return;
    this.#dirty = false;
    this.#last = performance.now();
    if (!inJupyter()) return;
    const body = this.header ? `${this.header}\n${this.#text}` : this.#text;
    await displayBundle({ "text/plain": body }, this.displayId, this.#shown);
    this.#shown = true;
  }
}

/**
 * Make a text stream for a cell.
 *
 * @param opts `minIntervalMs` between redraws (default 100) and a `header` line
 * @returns the stream: `await s.write(chunk)`, then `await s.flush()`
 * @throws {RangeError} on a negative interval
 * @example Stream characters, then read the text back
 * ```ts
 * import { textStream } from "./text_stream.ts";
 * const s = textStream({ header: "sample:" });
 * for (const ch of "To be") await s.write(ch);
 * await s.flush();
 * console.log(s.text); // To be
 * ```
 * @see notebooks/07_char_lstm.ipynb, "Sampling"
 */
export function textStream(opts: { minIntervalMs?: number; header?: string } = {}): TextStream {
  return new TextStream(opts.minIntervalMs ?? 100, opts.header ?? "");
}
