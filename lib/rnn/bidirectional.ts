/**
 * A bidirectional recurrent layer (Schuster & Paliwal 1997; the encoder of Bahdanau et al. 2015):
 * one layer reads the sequence left to right, a second one reads it right to left (the same layer
 * code on the time-reversed input, its outputs reversed back), and the two hidden states of each
 * step are concatenated, [h→_t ; h←_t]. So step t's features depend on the whole sequence: h→_t on
 * x_0..x_t, h←_t on x_t..x_{T−1}. Both directions use the fused layers of recurrent_layer.ts;
 * tf.reverse is differentiable, so training needs nothing more. Notebook 06 tags characters with it.
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { SeqInput } from "../shapes/seq_input.ts";
import {
  type CellKind,
  makeRecurrentLayer,
  type RecurrentLayer,
  type RecurrentLayerOptions,
} from "./recurrent_layer.ts";

/** A sequence input reversed along time (batch-first): a tensor, or the ids of an embedded one. */
function reverseTime(x: SeqInput): SeqInput {
  return x instanceof tf.Tensor ? tf.reverse(x, 1) : { ids: tf.reverse(x.ids, 1), table: x.table };
}

/** Two recurrent layers of the same kind, one per direction; `dispose()` it when done. */
export class BidirectionalLayer {
  /** the left-to-right layer */
  readonly forwardLayer: RecurrentLayer;
  /** the right-to-left layer (run on the reversed sequence) */
  readonly backwardLayer: RecurrentLayer;

  /**
   * @param kind "rnn", "lstm" or "gru"
   * @param opts sizes and seed (the backward layer's seed is seed + 1)
   * @throws {RangeError} for bad sizes (from the layers)
   * @example
   * ```ts
   * import * as tf from "@tensorflow/tfjs";
   * import { BidirectionalLayer } from "./bidirectional.ts";
   * const bi = new BidirectionalLayer("gru", { inputSize: 4, hiddenSize: 3 });
   * console.log(bi.forward(tf.ones([2, 5, 4])).shape, bi.outputSize); // [2, 5, 6] 6
   * bi.dispose();
   * ```
   */
  constructor(readonly kind: CellKind, opts: RecurrentLayerOptions) {
    const seed = opts.seed ?? 42;
    this.forwardLayer = makeRecurrentLayer(kind, { ...opts, seed });
    this.backwardLayer = makeRecurrentLayer(kind, { ...opts, seed: seed + 1 });
  }

  /** H of each direction. */
  get hiddenSize(): number {
    return this.forwardLayer.hiddenSize;
  }

  /** 2H, the size of each step's output. */
  get outputSize(): number {
    return 2 * this.forwardLayer.hiddenSize;
  }

  /** Both layers' variables, prefixed "fwd." and "bwd." (e.g. "fwd.Wx"). */
  get params(): Record<string, tf.Variable> {
    const out: Record<string, tf.Variable> = {};
    for (const [k, v] of Object.entries(this.forwardLayer.params)) out[`fwd.${k}`] = v;
    for (const [k, v] of Object.entries(this.backwardLayer.params)) out[`bwd.${k}`] = v;
    return out;
  }

  /** Number of trainable scalars (twice one direction's). */
  paramCount(): number {
    return this.forwardLayer.paramCount() + this.backwardLayer.paramCount();
  }

  /**
   * Run both directions over whole sequences (batch-first).
   *
   * @param x inputs // [N, T, D], or `{ ids, table }` with ids // [N, T]
   * @returns [h→_t ; h←_t] for every step // [N, T, 2H]
   * @throws {RangeError} if the shapes do not fit the layers
   */
  forward(x: SeqInput): tf.Tensor {
    return tf.tidy(() => {
      const hf = this.forwardLayer.forward(x); // [N, T, H], h→_t reads x_0..x_t
      const hb = tf.reverse(this.backwardLayer.forward(reverseTime(x)), 1); // h←_t reads x_t..
      return tf.concat([hf, hb], 2);
    });
  }

  /** Free both layers' variables. */
  dispose(): void {
    this.forwardLayer.dispose();
    this.backwardLayer.dispose();
  }
}
