/**
 * What the training loop needs besides the loop itself: the error (with a hint) it stops with when
 * the loss or the gradients stop being finite numbers, and the per-step seed that makes every
 * step's batch and dropout mask independent of where a run was interrupted.
 * @module
 */

/** Thrown when the loss or the gradient norm stops being a finite number. */
export class TrainingDivergedError extends Error {
  /**
   * @param step the step that diverged
   * @param loss its loss
   * @param gradNorm its gradient norm
   * @param message the explanation and the hint
   */
  constructor(
    readonly step: number,
    readonly loss: number,
    readonly gradNorm: number,
    message: string,
  ) {
    super(message);
    this.name = "TrainingDivergedError";
  }
}

/**
 * Mix a seed and a step into a new 31-bit seed (splitmix32-style), so step s's data is the same
 * whether or not the run was interrupted.
 *
 * @param seed the run's seed
 * @param step the step
 * @returns an integer in [0, 2³¹)
 */
export function stepSeed(seed: number, step: number): number {
  let x = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(step + 1, 0x85ebca6b)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) & 0x7fffffff;
}

/**
 * The divergence error with its explanation and hint.
 *
 * @param step completed steps before the failing one
 * @param loss the failing step's loss
 * @param gradNorm its gradient norm
 * @param ctx the last finite loss, the learning rate, the clipping threshold (0 = off) and the
 *   trainer's `maxLoss`, if any
 * @returns the error to throw
 * @example
 * ```ts
 * import { divergedError } from "./diverged.ts";
 * console.log(divergedError(9, NaN, NaN, { lr: 0.1, clipNorm: 0 }).message.includes("lower learning rate")); // true
 * ```
 */
export function divergedError(
  step: number,
  loss: number,
  gradNorm: number,
  ctx: { lastLoss?: number; lr: number; clipNorm: number; maxLoss?: number },
): TrainingDivergedError {
  const what = !Number.isFinite(loss)
    ? `the loss became ${loss}`
    : loss > (ctx.maxLoss ?? Infinity)
    ? `the loss became ${loss.toPrecision(4)}, above the limit of ${ctx.maxLoss!.toPrecision(4)}`
    : `the gradient norm became ${gradNorm}`;
  const { lastLoss, lr, clipNorm } = ctx;
  const lower = +(lr / 3).toPrecision(3);
  return new TrainingDivergedError(
    step,
    loss,
    gradNorm,
    `Training diverged at step ${step + 1}: ${what}` +
      (lastLoss !== undefined ? ` (last finite loss ${lastLoss.toFixed(4)})` : "") +
      `. The weights were not updated. Try a lower learning rate (lr ${lr} → ${lower}) ` +
      (clipNorm > 0
        ? `or a tighter clipNorm (now ${clipNorm}, try ${clipNorm / 5})`
        : "or gradient clipping (clipNorm: 1)") +
      `, then build a fresh model and Trainer.`,
  );
}
