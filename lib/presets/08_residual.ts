/**
 * The sizes notebook 08 (the degradation problem and residual connections) trains at, in one
 * place: `quickOr` (lib/util/env.ts) shrinks them for CI's quick mode, and the notebook never
 * branches on the mode itself. Full sizes are chosen so the notebook runs in under two minutes on
 * two idle CPU cores with five weight seeds per MLP and three per recurrent stack (the spread over
 * seeds is what the notebook plots), and were checked to show the effect. The MLPs' spiral has
 * 300 points: at width 32 the step cost is mostly per-op overhead, so seeds cost more than points.
 * @module
 */
import { quickOr } from "../util/env.ts";

/** Sizes of notebook 08. */
export interface ResidualPreset {
  /** the spiral: points N and classes C (makeSpiral) */
  n: number;
  classes: number;
  /** width H of every hidden layer of the deep MLPs */
  width: number;
  /** the depths (hidden layers, even) of the sweep */
  depths: number[];
  /** full-batch SGD with momentum, the same budget for every depth: steps, lr, momentum, clipNorm */
  steps: number;
  lr: number;
  momentum: number;
  clipNorm: number;
  /** weight seeds; the table and chart show the mean, min and max final loss over them */
  seeds: number[];
  /** depth of the nets whose gradients are probed at initialisation */
  probeDepth: number;
  /** the stacked RNNs: long-dependency task (longest distance, classes, training sequences) */
  seqMaxDistance: number;
  seqClasses: number;
  seqTrainSize: number;
  /** hidden size of every layer, the numbers of layers of the sweep */
  seqHidden: number;
  seqDepths: number[];
  /** Adam updates, learning rate, batch size and clipping of every stack */
  seqSteps: number;
  seqLr: number;
  seqBatchSize: number;
  seqClipNorm: number;
  /** sequences on which the final training loss is measured */
  seqEvalSize: number;
  /** the weight seed of the stacks shown alone (shapes, gradient probes) */
  seqSeed: number;
  /** the weight seeds of the stack sweep (mean, min and max over them) */
  seqSeeds: number[];
}

/**
 * Notebook 08's sizes.
 *
 * @returns the preset (smaller in quick mode)
 * @example
 * ```ts
 * import { residualPreset } from "./08_residual.ts";
 * console.log(residualPreset().width); // 32
 * ```
 */
export function residualPreset(): ResidualPreset {
  return {
    n: quickOr(300, 150),
    classes: 5,
    width: 32,
    depths: quickOr([2, 4, 8, 16, 32], [2, 8]),
    steps: quickOr(200, 15),
    lr: 0.02,
    momentum: 0.9,
    clipNorm: 5,
    seeds: quickOr([0, 1, 2, 3, 4], [0, 1]),
    probeDepth: 32,
    seqMaxDistance: 15,
    seqClasses: 4,
    seqTrainSize: quickOr(2000, 200),
    seqHidden: 32,
    seqDepths: quickOr([1, 2, 4, 8], [1, 4]),
    seqSteps: quickOr(200, 10),
    seqLr: 0.003,
    seqBatchSize: 32,
    seqClipNorm: 5,
    seqEvalSize: quickOr(512, 64),
    seqSeed: 1,
    seqSeeds: quickOr([1, 2, 3], [1]),
  };
}
