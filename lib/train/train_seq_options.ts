/**
 * The options and the history of a sequence-classifier training run (notebooks 04–05): what
 * {@link trainTfSeqClassifier} takes and returns, and the check of its sizes.
 * @module
 */
/** Options of {@link trainTfSeqClassifier}. */
export interface TrainSeqOptions {
  /** number of updates */
  steps: number;
  /** learning rate */
  lr: number;
  /** sequences per update (default 32) */
  batchSize?: number;
  /** "adam" (default) or "sgd" */
  optimizer?: "adam" | "sgd";
  /** rescale the gradients to this global norm when larger */
  clipNorm?: number;
  /** clamp every gradient entry to [−clipValue, clipValue] */
  clipValue?: number;
  /** backpropagate through the last k steps only */
  truncate?: number;
  /** record ‖∂L/∂h_t‖ for every step t every this many updates (default 0: never) */
  recordDhEvery?: number;
  /** seed of the batch draws (default 0) */
  seed?: number;
  /** called after each update (awaited), e.g. for a progress line */
  onStep?: (info: { step: number; loss: number; gradNorm: number }) => void | Promise<void>;
}

/** What a training run recorded. */
export interface TrainSeqHistory {
  /** the batch loss of every update */
  loss: number[];
  /** the global gradient norm of every update, before clipping */
  gradNorm: number[];
  /** the update index of each row of dhNorms */
  dhSteps: number[];
  /** ‖∂L/∂h_t‖ (batch Frobenius norm) for t = 0..T−1, one row per recorded update // [R, T] */
  dhNorms: number[][];
  /** the update at which the gradient became NaN or infinite (training stopped), or -1 */
  divergedAt: number;
  /** milliseconds spent training */
  wallMs: number;
}

/**
 * Check the sizes of a training run's options (shared with lib/train's fused twin).
 *
 * @param fn the caller's name, for the message
 * @param opts the options
 * @throws {RangeError} for non-integer or non-positive steps or batchSize, or lr ≤ 0
 */
export function checkTrainSeqOptions(fn: string, opts: TrainSeqOptions): void {
  const { steps, lr, batchSize = 32 } = opts;
  const ok = Number.isInteger(steps) && steps > 0 && lr > 0 && Number.isInteger(batchSize) &&
    batchSize > 0;
  if (!ok) {
    throw new RangeError(
      `${fn}: need integer steps, batchSize ≥ 1 and lr > 0; got ${steps}, ${batchSize}, ${lr}`,
    );
  }
}
