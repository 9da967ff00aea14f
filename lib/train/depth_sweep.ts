/**
 * Train the same architecture at several depths and in several variants (plain and residual) with
 * one budget each, and record the training loss it reaches: the experiment behind He et al.'s
 * (2015) Fig. 1 and 4 ("deeper plain nets have higher training error"), run twice in notebook 08
 * (deep MLPs, stacked RNNs). Each run builds a fresh model, trains it with a {@link Trainer} for the
 * same number of steps, measures its final training loss, and frees it. `depthSweepStats` and
 * `depthSweepRows` summarise the seeds (mean, min, max, and how many seeds favour one variant) for
 * a table and an error-bar chart; `mlpSweepModel` and `stackSweepModel` build notebook 08's two
 * kinds of model.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { type StepContext, Trainer } from "./trainer.ts";
import type { OptimizerOptions } from "./optimizers.ts";
import { TfResidualMlp } from "../nn/residual_mlp.ts";
import type { ResidualMlpOptions } from "../scratch/residual_mlp.ts";
import { RecurrentStack, type RecurrentStackOptions } from "../rnn/recurrent_stack.ts";
import type { SequenceClassificationData, SequenceLabellingData } from "../tasks/seq_tasks.ts";

/** One model of the sweep, as the caller builds it. */
export interface SweepModel {
  /** the variables to train, by name */
  params: Record<string, tf.Variable>;
  /** one step's training loss (draw the batch from ctx.rng, or use the full set) */
  loss: (ctx: StepContext) => tf.Scalar;
  /** the training loss after training, measured on a fixed set (not the noisy last batch) */
  finalLoss: () => number;
  /** free the model */
  dispose: () => void;
}

/** Options of {@link depthSweep}. */
export interface DepthSweepOptions {
  /** the depths to train, e.g. [2, 4, 8, 16, 32] */
  depths: number[];
  /** the variants at each depth, e.g. ["plain", "residual"] */
  variants: string[];
  /** a fresh model of this depth and variant, with weights from this seed */
  build: (depth: number, variant: string, seed: number) => SweepModel;
  /** one run per seed; the final loss is their mean (default [0]) */
  seeds?: number[];
  /** training steps per run (the same budget for every run) */
  steps: number;
  /** optimizer and clipping, as for Trainer (default Adam; clipNorm 0 turns clipping off) */
  optimizer?: OptimizerOptions & { clipNorm?: number };
  /** called after each run (awaited), e.g. to print or plot progress */
  onRun?: (run: SweepRun) => void | Promise<void>;
}

/** One finished run. */
export interface SweepRun {
  depth: number;
  variant: string;
  seed: number;
  /** the training loss after `steps` steps, from `finalLoss` */
  finalLoss: number;
  /** the loss of every step */
  curve: number[];
  /** wall time of the training, ms */
  ms: number;
}

/** Everything the sweep measured. */
export interface DepthSweepResult {
  depths: number[];
  /** variant → final training loss per depth (same order as depths), the mean over the seeds */
  final: Record<string, number[]>;
  /** every run, in the order they ran */
  runs: SweepRun[];
}

/**
 * Train every (depth, variant) pair with the same budget and record its final training loss.
 *
 * @param opts depths, variants, the model builder, steps, optimizer, callback
 * @returns the final losses by variant and every run
 * @throws {RangeError} if steps is not a positive integer or depths/variants are empty
 * @example Fit a scalar at two "depths"
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { depthSweep } from "./depth_sweep.ts";
 * const result = await depthSweep({
 *   depths: [1, 2], variants: ["a"], steps: 50, optimizer: { lr: 0.1 },
 *   build: (depth) => {
 *     const w = tf.variable(tf.scalar(0));
 *     const loss = () => tf.tidy(() => tf.square(tf.sub(tf.mul(w, depth), 1)) as tf.Scalar);
 *     return { params: { w }, loss, finalLoss: () => loss().dataSync()[0], dispose: () => w.dispose() };
 *   },
 * });
 * console.log(result.final.a.every((l) => l < 0.01)); // true
 * ```
 * @see notebook 08, "The degradation problem"
 */
export async function depthSweep(opts: DepthSweepOptions): Promise<DepthSweepResult> {
  const { depths, variants, build, steps, optimizer = {}, onRun, seeds = [0] } = opts;
  if (
    !Number.isInteger(steps) || steps < 1 || !depths.length || !variants.length || !seeds.length
  ) {
    throw new RangeError(
      `depthSweep: need steps ≥ 1 and at least one depth, variant and seed; got steps=${steps}, ` +
        `depths [${depths}], variants [${variants}], seeds [${seeds}]`,
    );
  }
  const final: Record<string, number[]> = Object.fromEntries(variants.map((v) => [v, []]));
  const runs: SweepRun[] = [];
  for (const depth of depths) {
    for (const variant of variants) {
      let sum = 0;
      for (const seed of seeds) {
        const run = await oneRun(build(depth, variant, seed), steps, optimizer);
        const info = { depth, variant, seed, ...run };
        sum += run.finalLoss;
        runs.push(info);
        await onRun?.(info);
      }
      final[variant].push(sum / seeds.length);
    }
  }
  return { depths: [...depths], final, runs };
}

/** Train one model (freeing it and its trainer whatever happens). */
async function oneRun(
  model: SweepModel,
  steps: number,
  optimizer: DepthSweepOptions["optimizer"],
): Promise<{ finalLoss: number; curve: number[]; ms: number }> {
  const trainer = new Trainer({ params: model.params, loss: model.loss, ...optimizer });
  try {
    const t0 = performance.now();
    await trainer.train(steps);
    const ms = performance.now() - t0;
    return { finalLoss: model.finalLoss(), curve: [...trainer.history.loss], ms };
  } finally {
    trainer.dispose();
    model.dispose();
  }
}

/**
 * The sweep as a text table: one row per depth, one column per variant.
 *
 * @param result from depthSweep
 * @param label the name of the depth column (default "depth")
 * @returns the table, one line per depth after a header
 */
export function formatDepthTable(result: DepthSweepResult, label = "depth"): string {
  const variants = Object.keys(result.final);
  const head = [label.padStart(6), ...variants.map((v) => v.padStart(10))].join(" ");
  const rows = result.depths.map((d, i) =>
    [String(d).padStart(6), ...variants.map((v) => result.final[v][i].toFixed(4).padStart(10))]
      .join(" ")
  );
  return [head, ...rows].join("\n");
}

/** One (variant, depth) cell of a sweep over several seeds. */
export interface SweepCell {
  /** mean, smallest and largest final training loss over the seeds */
  mean: number;
  min: number;
  max: number;
  /** the final loss of every seed, in the order of the seeds */
  losses: number[];
}

/**
 * The spread over the seeds of every (variant, depth): for error bars or a min–max band.
 *
 * @param result from depthSweep
 * @returns variant → one cell per depth (same order as `result.depths`)
 * @example
 * ```ts
 * import { depthSweepStats } from "./depth_sweep.ts";
 * const runs = [1, 3].map((l, seed) => ({ depth: 2, variant: "a", seed, finalLoss: l, curve: [], ms: 0 }));
 * console.log(depthSweepStats({ depths: [2], final: { a: [2] }, runs }).a[0]); // { mean: 2, min: 1, max: 3, losses: [1, 3] }
 * ```
 */
export function depthSweepStats(result: DepthSweepResult): Record<string, SweepCell[]> {
  const out: Record<string, SweepCell[]> = {};
  for (const variant of Object.keys(result.final)) {
    out[variant] = result.depths.map((depth) => {
      const losses = result.runs.filter((r) => r.depth === depth && r.variant === variant)
        .map((r) => r.finalLoss);
      const mean = losses.reduce((a, b) => a + b, 0) / losses.length;
      return { mean, min: Math.min(...losses), max: Math.max(...losses), losses };
    });
  }
  return out;
}

/**
 * The sweep as one series per variant (mean, min and max over the seeds at every depth), the
 * input of lib/plot's `meanRangeChart`.
 *
 * @param result from depthSweep
 * @returns one series per variant
 */
export function depthSweepSeries(
  result: DepthSweepResult,
): { name: string; mean: number[]; min: number[]; max: number[] }[] {
  return Object.entries(depthSweepStats(result)).map(([name, cells]) => ({
    name,
    mean: cells.map((c) => c.mean),
    min: cells.map((c) => c.min),
    max: cells.map((c) => c.max),
  }));
}

/**
 * Table rows of a sweep, for `printTable`: one row per depth with each variant's mean, min and
 * max final loss over the seeds; with exactly two variants, also in how many seeds the second
 * ended lower than the first (paired by seed).
 *
 * @param result from depthSweep
 * @param label the name of the depth column (default "depth")
 * @returns one object per depth
 * @example
 * ```ts
 * import { depthSweepRows } from "./depth_sweep.ts";
 * const run = (variant: string, seed: number, finalLoss: number) => ({ depth: 4, variant, seed, finalLoss, curve: [], ms: 0 });
 * const runs = [run("plain", 0, 0.5), run("plain", 1, 0.7), run("residual", 0, 0.2), run("residual", 1, 0.9)];
 * const rows = depthSweepRows({ depths: [4], final: { plain: [0.6], residual: [0.55] }, runs }, "layers");
 * console.log(rows[0]["residual lower"]); // "1 of 2 seeds"
 * ```
 */
export function depthSweepRows(
  result: DepthSweepResult,
  label = "depth",
): Record<string, number | string>[] {
  const stats = depthSweepStats(result), variants = Object.keys(stats);
  return result.depths.map((depth, i) => {
    const row: Record<string, number | string> = { [label]: depth };
    for (const v of variants) {
      row[`${v} mean`] = stats[v][i].mean;
      row[`${v} min`] = stats[v][i].min;
      row[`${v} max`] = stats[v][i].max;
    }
    if (variants.length === 2) {
      const [a, b] = variants;
      const seeds = result.runs.filter((r) => r.depth === depth && r.variant === a);
      const lower = seeds.filter((ra) =>
        result.runs.some((rb) =>
          rb.depth === depth && rb.variant === b && rb.seed === ra.seed &&
          rb.finalLoss < ra.finalLoss
        )
      ).length;
      row[`${b} lower`] = `${lower} of ${seeds.length} seeds`;
    }
    return row;
  });
}

/**
 * A deep MLP of notebook 08 as a sweep model: full-batch training loss on (x, y).
 *
 * @param opts the MLP (depth, width, shortcut, seed, …)
 * @param x inputs // [N, D]
 * @param y class ids // [N]
 * @returns a SweepModel that owns (and frees) the network
 * @see notebook 08, "The degradation problem"
 */
export function mlpSweepModel(opts: ResidualMlpOptions, x: tf.Tensor2D, y: tf.Tensor): SweepModel {
  const net = TfResidualMlp.create(opts);
  const loss = () => net.loss(x, y);
  return {
    params: net.params,
    loss,
    finalLoss: () => tf.tidy(() => loss().dataSync()[0]),
    dispose: () => net.dispose(),
  };
}

/**
 * A stack of recurrent layers of notebook 08 as a sweep model: each step's loss on B random
 * training sequences, the final loss on fixed rows of the training set.
 *
 * @param opts the stack (kind, layers, shortcut, sizes, seed)
 * @param data the training sequences
 * @param batchSize B
 * @param evalRows the rows of `data` on which the final training loss is measured
 * @returns a SweepModel that owns (and frees) the stack
 * @see notebook 08, "Stacked recurrent networks"
 */
export function stackSweepModel(
  opts: RecurrentStackOptions,
  data: SequenceClassificationData | SequenceLabellingData,
  batchSize: number,
  evalRows: ArrayLike<number>,
): SweepModel {
  const stack = new RecurrentStack(opts);
  return {
    params: stack.params,
    loss: ({ rng }) => stack.batchLoss(data, rng, batchSize),
    finalLoss: () => tf.tidy(() => stack.rowsLoss(data, evalRows).dataSync()[0]),
    dispose: () => stack.dispose(),
  };
}
