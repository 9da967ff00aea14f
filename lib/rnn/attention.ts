/**
 * Luong, Pham & Manning's (2015) global attention in tfjs, for every decoder step at once: with
 * teacher forcing the decoder's states Hdec [N, T, H] are known before any attention is computed,
 * so the scores of all steps are one batched product Hdec·Hencᵀ [N, T, S], the softmax runs over S,
 * and the contexts are one more product weights·Henc [N, T, H]. The attentional state
 * h̃ = tanh([context; Hdec]·Wc + bc) (their eq. 5) is what the output layer reads. Equal to the
 * float64 lib/scratch/attention.ts step by step (tested). Notebook 09.
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/**
 * Dot-product attention of every decoder step over the encoder states. Call inside tf.tidy or a
 * gradient function.
 *
 * @param Hdec decoder states // [N, T, H]
 * @param Henc encoder states // [N, S, H]
 * @returns `{ context, weights }` // [N, T, H] and [N, T, S], each weights row summing to 1
 * @throws {RangeError} if the shapes disagree (the message names both)
 * @example One decoder step attending over three encoder steps
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { dotAttention } from "./attention.ts";
 * const { context, weights } = dotAttention(tf.ones([2, 1, 4]), tf.ones([2, 3, 4]));
 * console.log(context.shape, weights.shape); // [2, 1, 4] [2, 1, 3]
 * ```
 * @see notebook 09, "Attention"; Luong et al. (2015), eqs. (7)–(8), the "dot" score
 */
export function dotAttention(
  Hdec: tf.Tensor,
  Henc: tf.Tensor,
): { context: tf.Tensor3D; weights: tf.Tensor3D } {
  const [N, , H] = Hdec.shape, [N2, , H2] = Henc.shape;
  if (Hdec.rank !== 3 || Henc.rank !== 3 || N !== N2 || H !== H2) {
    throw new RangeError(
      `dotAttention: Hdec is [${Hdec.shape}] and Henc [${Henc.shape}]; expected [N, T, H] and [N, S, H]`,
    );
  }
  // materialised transpose: tfjs-wasm's matMul with a transpose flag is slow (see lib/backend/init_backend.ts)
  const scores = tf.matMul(Hdec as tf.Tensor3D, tf.transpose(Henc, [0, 2, 1]) as tf.Tensor3D); // [N, T, S]
  const weights = tf.softmax(scores) as tf.Tensor3D; // over S  [N, T, S]
  const context = tf.matMul(weights, Henc as tf.Tensor3D) as tf.Tensor3D; // [N, T, H]
  return { context, weights };
}

/**
 * Luong's attentional state h̃ = tanh([context; Hdec]·Wc + bc), the input of the output layer.
 *
 * @param context from dotAttention // [N, T, H]
 * @param Hdec decoder states // [N, T, H]
 * @param Wc weights // [2H, H]
 * @param bc bias // [H]
 * @returns h̃ // [N, T, H]
 * @throws {RangeError} if Wc is not [2H, H]
 */
export function attentionalState(
  context: tf.Tensor,
  Hdec: tf.Tensor,
  Wc: tf.Tensor,
  bc: tf.Tensor,
): tf.Tensor3D {
  const [N, T, H] = Hdec.shape;
  if (Wc.rank !== 2 || Wc.shape[0] !== 2 * H || Wc.shape[1] !== H) {
    throw new RangeError(`attentionalState: Wc is [${Wc.shape}], expected [${2 * H}, ${H}]`);
  }
  const both = tf.reshape(tf.concat([context, Hdec], 2), [N * T, 2 * H]); // [N·T, 2H]
  return tf.reshape(tf.tanh(tf.add(tf.matMul(both, Wc), bc)), [N, T, H]) as tf.Tensor3D;
}

/** One output step of an attention map, as {@link attentionPeaks} reads it. */
export interface AttentionPeak {
  /** the output step t */
  t: number;
  /** the token written at step t */
  out: string;
  /** the source position with the most weight */
  s: number;
  /** the source token there */
  "src[s]": string;
  /** its weight α_{t,s} */
  weight: number;
  /** S − 1 − t, the position reversal copies from (for comparison) */
  "S-1-t": number;
}

/**
 * For each output step of one attention map, the source position with the most weight and the
 * token there: a table of where the decoder looks (rows for `printTable`).
 *
 * @param weights the map, one row per output step, S weights each // [steps][S]
 * @param source the source tokens as text (one character per position, length S)
 * @param output the output tokens as text (one character per row of `weights`)
 * @returns one row per output step
 * @throws {RangeError} if the lengths disagree
 * @example Two output steps looking at the last and the first source position
 * ```ts
 * import { attentionPeaks } from "./attention.ts";
 * const rows = attentionPeaks([[0.1, 0.9], [0.8, 0.2]], "12", "21");
 * console.log(rows.map((r) => r.s)); // [1, 0]
 * ```
 * @see notebook 09, "Where does the decoder look?"
 */
export function attentionPeaks(
  weights: number[][],
  source: string,
  output: string,
): AttentionPeak[] {
  const src = [...source], out = [...output], S = src.length;
  if (out.length !== weights.length || weights.some((row) => row.length !== S)) {
    throw new RangeError(
      `attentionPeaks: ${weights.length} rows of [${weights.map((r) => r.length)}] weights for ` +
        `a source of ${S} and an output of ${out.length} tokens`,
    );
  }
  return weights.map((row, t) => {
    const s = row.indexOf(Math.max(...row));
    return { t, out: out[t], s, "src[s]": src[s], weight: row[s], "S-1-t": S - 1 - t };
  });
}
