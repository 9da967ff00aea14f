/**
 * One call for notebook 07's repeated pattern "new model → trainer → progress line → train →
 * dispose": {@link trainCharLM} builds a fresh {@link CharLM}, trains it through
 * {@link charLMTrainer} for a number of steps (reporting to a progress line if given), and returns
 * the numbers a comparison needs. The model is freed at the end unless `keep` is set, in which
 * case the run owns it until `run.dispose()`.
 * @module
 */
import { CharLM, type CharLMConfig } from "../rnn/char_lm.ts";
import { type CharLMTaskOptions, charLMTrainer } from "./char_lm_task.ts";
import type { Trainer, TrainerHistory } from "./trainer.ts";

/** Anything with lib/plot's `progressLine` interface (kept structural: train sits below plot). */
export interface ProgressSink {
  update(state: { step: number; [name: string]: number }): unknown;
  flush(): unknown;
}

/** Options of {@link trainCharLM}. */
export interface CharLMRunOptions extends Omit<CharLMTaskOptions, "model"> {
  /** The fresh model's configuration (at least vocabSize). */
  model: Partial<CharLMConfig> & { vocabSize: number };
  /** Steps to train (at most, with `maxSeconds`). */
  steps: number;
  /** Stop once this much training time has passed (default: no limit), e.g. for equal-time races. */
  maxSeconds?: number;
  /** A progress line to report step, loss and chars/s to, e.g. `progressLine(steps, "GRU")`. */
  progress?: ProgressSink;
  /** Keep the model and trainer after training (default false: both are freed). */
  keep?: boolean;
  /** Called after training, before anything is freed (e.g. to measure another loss). */
  onDone?: (model: CharLM, trainer: Trainer) => void | Promise<void>;
}

/** What a run leaves: its numbers, and the model and trainer when `keep` was set. */
export interface CharLMRun {
  /** The last validation loss (NaN without validation data). */
  val: number;
  /** Training time of the run (evaluations excluded), seconds. */
  seconds: number;
  /** Characters trained on per second of training time. */
  charsPerSec: number;
  /** Number of trainable scalars. */
  paramCount: number;
  /** Per-step losses and evaluations. */
  history: TrainerHistory;
  /** The model and trainer (only with `keep: true`). */
  model?: CharLM;
  trainer?: Trainer;
  /** Free the model and trainer (a no-op when they were not kept, or are freed already). */
  dispose(): void;
}

/**
 * Train a fresh char LM and return its numbers (see the module comment).
 *
 * @param opts the model's configuration, steps, and every {@link charLMTrainer} option
 * @returns the run; `run.dispose()` when it was kept
 * @throws {RangeError} as CharLM and charLMTrainer do, or if steps is not an integer ≥ 1
 * @example Three steps on a toy corpus
 * ```ts
 * import { trainCharLM } from "./char_lm_run.ts";
 * const ids = Int32Array.from({ length: 500 }, (_, i) => i % 4);
 * const run = await trainCharLM({
 *   model: { vocabSize: 4, hiddenSize: 8 }, train: ids, val: ids, batchSize: 4, seqLen: 8, steps: 3,
 * });
 * console.log(run.history.loss.length, run.model); // 3 undefined
 * ```
 * @see notebooks/07_char_lstm.ipynb, "LSTM vs GRU vs vanilla RNN"
 */
export async function trainCharLM(opts: CharLMRunOptions): Promise<CharLMRun> {
  const { model: config, steps, progress, keep = false, onDone, maxSeconds, ...task } = opts;
  if (!Number.isInteger(steps) || steps < 1) {
    throw new RangeError(`trainCharLM: steps must be an integer ≥ 1, got ${steps}`);
  }
  const model = new CharLM(config);
  let trainer: Trainer | undefined;
  let freed = false;
  const dispose = () => {
    if (freed) return;
    freed = true;
    trainer?.dispose();
    model.dispose();
  };
  try {
    trainer = charLMTrainer({ ...task, model });
    const t = trainer, stop = new AbortController();
    await t.train(steps, {
      signal: stop.signal,
      onStep: async (s) => {
        await progress?.update({ step: s.done, loss: s.loss, "chars/s": s.itemsPerSec });
        if (maxSeconds !== undefined && s.elapsedMs >= 1000 * maxSeconds) stop.abort();
      },
    });
    await progress?.flush();
    await onDone?.(model, t);
    const seconds = t.elapsedMs / 1000;
    const run: CharLMRun = {
      val: t.history.val.at(-1)?.loss ?? NaN,
      seconds,
      charsPerSec: (t.step * task.batchSize * task.seqLen) / seconds,
      paramCount: model.paramCount(),
      history: t.history,
      model: keep ? model : undefined,
      trainer: keep ? t : undefined,
      dispose,
    };
    if (!keep) dispose();
    return run;
  } catch (err) {
    dispose();
    throw err;
  }
}
