/**
 * The training loop every notebook uses: a {@link Trainer} owns the step counter, the optimizer
 * (Adam or SGD) and the loss history, so calling `train(steps)` again continues where the last call
 * stopped (make a new model and Trainer to restart). Each step computes the loss and gradients,
 * clips them by global norm (Pascanu et al. 2013) or by value, updates the weights, and reports through
 * callbacks (`onStep`, `onEval`); plotting is the caller's business (lib/plot's liveFigure). The
 * data of step s comes from an Rng seeded by (seed, s), so a resumed run replays the same batches.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { Rng } from "../util/rng.ts";
import { clipByGlobalNormTf, clipByValueTf } from "../rnn/clip.ts";
import { divergedError, stepSeed } from "./diverged.ts";
import {
  makeOptimizer,
  type Optimizer,
  type OptimizerOptions,
  type OptimizerState,
} from "./optimizers.ts";

/** What the loss function gets for step `step`. */
export interface StepContext {
  /** the step being computed (0-based count of completed steps) */
  step: number;
  /** a generator seeded by (seed, step): draw this step's batch from it */
  rng: Rng;
  /** an integer seed for this step (e.g. for dropout masks) */
  seed: number;
}

/** Reported after every step. */
export interface StepInfo {
  /** completed steps so far (this one included) */
  step: number;
  /** this step's training loss */
  loss: number;
  /** global gradient norm before clipping */
  gradNorm: number;
  /** learning rate used */
  lr: number;
  /** wall time of this step, ms */
  stepMs: number;
  /** items (e.g. characters) per second over the current `train` call */
  itemsPerSec: number;
  /** training time so far over all calls, ms (evaluation excluded) */
  elapsedMs: number;
  /** estimated time left in the current `train` call, ms */
  etaMs: number;
  /** steps done and asked for in the current `train` call */
  done: number;
  total: number;
}

/** Reported after every evaluation. */
export interface EvalInfo {
  step: number;
  /** what `evaluate` returned (e.g. the validation loss) */
  valLoss: number;
  /** mean training loss since the previous evaluation */
  trainLoss: number;
  /** training time so far, ms */
  elapsedMs: number;
}

/** Options of {@link Trainer}. */
export interface TrainerOptions extends OptimizerOptions {
  /** The variables to train, by name (e.g. `model.params()`). */
  params: Record<string, tf.Variable>;
  /** The loss of one step; draw the batch from `ctx.rng`. */
  loss: (ctx: StepContext) => tf.Scalar;
  /** Validation loss (or any metric), called every `evalEvery` steps and at the end of `train`. */
  evaluate?: () => number | Promise<number>;
  /** Steps between evaluations (default 0: only at the end of each `train` call). */
  evalEvery?: number;
  /** Clip gradients to this global norm (default 5, as char-rnn; 0 turns clipping off). */
  clipNorm?: number;
  /**
   * Clamp every gradient entry to [−clipValue, clipValue] instead of clipping by norm (as
   * min-char-rnn; notebook 05). Leave clipNorm unset (or 0) when you set it.
   */
  clipValue?: number;
  /**
   * Stop with a {@link TrainingDivergedError} when a step's loss exceeds this (default Infinity:
   * only NaN or infinite losses stop training). A loss far above that of a uniform guess means
   * the run has diverged even while the numbers stay finite (Adam with a huge learning rate).
   */
  maxLoss?: number;
  /** Seed of the per-step generators (default 42). */
  seed?: number;
  /**
   * An optimizer to step with instead of making one from `kind`/`lr` (e.g.
   * {@link fromTfOptimizer}); the caller keeps owning it.
   */
  optimizer?: Optimizer;
  /**
   * Stop with a {@link TrainingDivergedError} when the loss or gradient becomes NaN, infinite or
   * larger than `maxLoss` (default true). False keeps stepping, for runs that show divergence.
   */
  stopOnDivergence?: boolean;
  /** Items per step for the throughput (e.g. N·T characters; default 1). */
  itemsPerStep?: number;
  /** Called after each step (awaited). */
  onStep?: (info: StepInfo) => void | Promise<void>;
  /** Called after each evaluation (awaited). */
  onEval?: (info: EvalInfo) => void | Promise<void>;
}

/** Everything needed to resume a trainer (stored in checkpoints). */
export interface TrainerState {
  step: number;
  seed: number;
  elapsedMs: number;
  optimizer: OptimizerState;
  history: TrainerHistory;
}

/** Losses so far: one per step, one per evaluation. */
export interface TrainerHistory {
  loss: number[];
  val: { step: number; loss: number; elapsedMs: number }[];
}

/**
 * A resumable training loop (see the module comment).
 *
 * @example Fit w to 3 with a squared loss
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { Trainer } from "./trainer.ts";
 * const w = tf.variable(tf.scalar(0));
 * const trainer = new Trainer({ params: { w }, loss: () => tf.square(tf.sub(w, 3)) as tf.Scalar, lr: 0.1 });
 * await trainer.train(200);
 * console.log(w.dataSync()[0].toFixed(2)); // 3.00
 * ```
 * @see notebooks/07_char_lstm.ipynb, "Training"
 */
export class Trainer {
  /** Completed steps. */
  step = 0;
  /** Training time so far over all `train` calls, ms. */
  elapsedMs = 0;
  /** Per-step losses and evaluations. */
  history: TrainerHistory = { loss: [], val: [] };
  readonly optimizer: Optimizer;
  readonly opts: TrainerOptions;
  #sinceEval: number[] = [];
  #ownsOptimizer: boolean;

  /**
   * @param opts params, loss, optimizer settings, clipping, evaluation and callbacks
   * @throws {RangeError} on an invalid clipNorm, clipValue, evalEvery, maxLoss or learning rate, or
   *   on
   *   both clipNorm > 0 and clipValue
   */
  constructor(opts: TrainerOptions) {
    if (!(opts.clipNorm === undefined || opts.clipNorm >= 0)) {
      throw new RangeError(`Trainer: clipNorm must be ≥ 0 (0 = off), got ${opts.clipNorm}`);
    }
    if (opts.clipValue !== undefined) {
      if (!(opts.clipValue > 0 && Number.isFinite(opts.clipValue))) {
        throw new RangeError(`Trainer: clipValue must be a positive number, got ${opts.clipValue}`);
      }
      if (opts.clipNorm) {
        throw new RangeError(
          `Trainer: give clipNorm (${opts.clipNorm}) or clipValue (${opts.clipValue}), not both`,
        );
      }
    }
    if (
      !(opts.evalEvery === undefined || (Number.isInteger(opts.evalEvery) && opts.evalEvery >= 0))
    ) {
      throw new RangeError(`Trainer: evalEvery must be an integer ≥ 0, got ${opts.evalEvery}`);
    }
    if (!(opts.maxLoss === undefined || opts.maxLoss > 0)) {
      throw new RangeError(`Trainer: maxLoss must be a positive number, got ${opts.maxLoss}`);
    }
    this.opts = opts;
    this.#ownsOptimizer = opts.optimizer === undefined;
    this.optimizer = opts.optimizer ?? makeOptimizer(opts);
  }

  /** The seed of the per-step generators. */
  get seed(): number {
    return this.opts.seed ?? 42;
  }

  /**
   * One optimisation step, synchronously.
   *
   * @returns `{ loss, gradNorm }` of this step
   * @throws {TrainingDivergedError} if the loss or gradient norm is NaN or infinite, or the loss
   *   exceeds `maxLoss` (the weights are left as they were before the step)
   */
  trainStep(): { loss: number; gradNorm: number } {
    const seed = stepSeed(this.seed, this.step);
    const ctx: StepContext = { step: this.step, rng: new Rng(seed), seed };
    const clipValue = this.opts.clipValue, clip = clipValue ? 0 : this.opts.clipNorm ?? 5;
    const { value, grads } = tf.variableGrads(
      () => this.opts.loss(ctx),
      Object.values(this.opts.params),
    );
    const byName: tf.NamedTensorMap = {}; // parameters the loss does not use get no gradient
    for (const [name, v] of Object.entries(this.opts.params)) {
      if (grads[v.name]) byName[name] = grads[v.name];
    }
    try {
      const loss = value.dataSync()[0];
      const clipped = clipValue
        ? clipByValueTf(byName, clipValue)
        : clip > 0
        ? clipByGlobalNormTf(byName, clip)
        : { grads: byName, norm: globalNorm(byName) };
      try {
        const maxLoss = this.opts.maxLoss ?? Infinity;
        const diverged = !Number.isFinite(loss) || !Number.isFinite(clipped.norm) ||
          loss > maxLoss;
        if (diverged && (this.opts.stopOnDivergence ?? true)) {
          throw divergedError(this.step, loss, clipped.norm, {
            lastLoss: this.history.loss.at(-1),
            lr: this.optimizer.lr,
            clipNorm: clip,
            maxLoss,
          });
        }
        this.optimizer.apply(this.opts.params, clipped.grads);
      } finally {
        if (clipped.grads !== byName) tf.dispose(Object.values(clipped.grads));
      }
      this.step++;
      this.history.loss.push(loss);
      this.#sinceEval.push(loss);
      return { loss, gradNorm: clipped.norm };
    } finally {
      tf.dispose([value, ...Object.values(grads)]);
    }
  }

  /**
   * Train for `steps` more steps (continuing the step count), evaluating every `evalEvery` steps
   * and once at the end.
   *
   * @param steps how many steps to run now
   * @param opts per-call callbacks (override the constructor's) and an AbortSignal to stop early
   * @returns the history (the same object as `trainer.history`)
   * @throws {TrainingDivergedError} as {@link Trainer.trainStep}
   * @throws {RangeError} if steps is not an integer ≥ 0
   */
  async train(
    steps: number,
    opts: Pick<TrainerOptions, "onStep" | "onEval"> & { signal?: AbortSignal } = {},
  ): Promise<TrainerHistory> {
    if (!Number.isInteger(steps) || steps < 0) {
      throw new RangeError(`Trainer.train: steps must be an integer ≥ 0, got ${steps}`);
    }
    const onStep = opts.onStep ?? this.opts.onStep, evalEvery = this.opts.evalEvery ?? 0;
    const items = this.opts.itemsPerStep ?? 1;
    let callMs = 0;
    for (let done = 1; done <= steps && !opts.signal?.aborted; done++) {
      const t0 = performance.now();
      const { loss, gradNorm } = this.trainStep();
      const stepMs = performance.now() - t0;
      callMs += stepMs;
      this.elapsedMs += stepMs;
      await onStep?.({
        step: this.step,
        loss,
        gradNorm,
        lr: this.optimizer.lr,
        stepMs,
        itemsPerSec: (items * done) / (callMs / 1000),
        elapsedMs: this.elapsedMs,
        etaMs: (callMs / done) * (steps - done),
        done,
        total: steps,
      });
      if (evalEvery > 0 && this.step % evalEvery === 0 && done < steps) await this.evaluate(opts);
    }
    if (steps > 0) await this.evaluate(opts);
    return this.history;
  }

  /**
   * Run `evaluate` now, record it and report it (no-op without an `evaluate` option).
   *
   * @param opts per-call `onEval`
   * @returns the value, or NaN without an `evaluate` option
   */
  async evaluate(opts: Pick<TrainerOptions, "onEval"> = {}): Promise<number> {
    if (!this.opts.evaluate) return NaN;
    const valLoss = await this.opts.evaluate();
    const n = this.#sinceEval.length;
    const trainLoss = n ? this.#sinceEval.reduce((a, b) => a + b, 0) / n : NaN;
    this.#sinceEval = [];
    this.history.val.push({ step: this.step, loss: valLoss, elapsedMs: this.elapsedMs });
    await (opts.onEval ?? this.opts.onEval)?.({
      step: this.step,
      valLoss,
      trainLoss,
      elapsedMs: this.elapsedMs,
    });
    return valLoss;
  }

  /** A copy of everything needed to resume (for checkpoints). */
  getState(): TrainerState {
    return {
      step: this.step,
      seed: this.seed,
      elapsedMs: this.elapsedMs,
      optimizer: this.optimizer.getState(),
      history: structuredClone(this.history),
    };
  }

  /**
   * Resume from {@link Trainer.getState} output: step, optimizer moments, history.
   *
   * @param state the saved state (its seed replaces this trainer's)
   */
  setState(state: TrainerState): void {
    this.step = state.step;
    this.elapsedMs = state.elapsedMs;
    this.opts.seed = state.seed;
    this.optimizer.setState(state.optimizer);
    this.history = structuredClone(state.history);
    this.#sinceEval = [];
  }

  /** Free the optimizer's slots (the model's variables, and an optimizer passed in, are the caller's). */
  dispose(): void {
    if (this.#ownsOptimizer) this.optimizer.dispose();
  }
}

/** √(Σ ‖g‖²) over all gradients, as a number. */
function globalNorm(grads: tf.NamedTensorMap): number {
  const gs = Object.values(grads);
  if (gs.length === 0) return 0;
  return tf.tidy(() => tf.sqrt(tf.addN(gs.map((g) => tf.sum(tf.square(g))))).dataSync()[0]);
}
