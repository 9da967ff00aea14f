/**
 * Train the same architecture at several depths and in several variants (plain and residual) with
 * one budget each, and record the training loss it reaches: the experiment behind He et al.'s
 * (2015) Fig. 1 and 4 ("deeper plain nets have higher training error"), run twice in notebook 08
 * (deep MLPs, stacked RNNs). Each run builds a fresh model, trains it with a {@link Trainer} for the
 * same number of steps, measures its final training loss, and frees it.
 * @module
 */
import type * as tf from "@tensorflow/tfjs";
import { type StepContext, Trainer } from "./trainer.ts";
import type { OptimizerOptions } from "./optimizers.ts";

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
