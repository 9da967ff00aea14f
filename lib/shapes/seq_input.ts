/**
 * The sequence-input contract every recurrent op shares, fused (lib/kernels/) or plain
 * (lib/rnn/*_plain.ts): a sequence is dense vectors [N, T, D] or token ids with an embedding table,
 * batch-first or time-major; `seqInfo` checks an op's arguments against it and names what
 * disagrees; `RecurrentOptions` (alias `FusedOptions`) are the options both kinds take.
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/**
 * A tensor's shape as a plain number array (tfjs types `shape` per rank, which makes indexing a
 * generic tensor's shape possibly undefined).
 *
 * @param t a tensor or tensor info
 * @returns its shape
 */
export function dims(t: tf.Tensor | tf.TensorInfo): number[] {
  return t.shape as number[];
}

/** Which recurrent cell: a vanilla RNN (1 gate block), an LSTM (4) or a GRU (3). */
export type CellKind = "rnn" | "lstm" | "gru";

/** The nonlinearity of a vanilla RNN. */
export type RnnActivation = "tanh" | "relu" | "linear";

/** Token ids with an embedding table, fed to a fused op instead of dense inputs. */
export interface EmbeddedIds {
  /** integer ids // [N, T] (or [T, N] time-major), int32 */
  ids: tf.Tensor;
  /** embedding table, trained through the op // [V, D] */
  table: tf.Tensor;
}

/** A fused op's input: dense vectors [N, T, D] or ids plus an embedding table. */
export type SeqInput = tf.Tensor | EmbeddedIds;

/** Shapes and row order of a sequence input. */
export interface SeqInfo {
  N: number;
  T: number;
  D: number;
  /** the differentiable input tensor: x itself, or the embedding table */
  diff: tf.Tensor;
  /** the ids, row-major in the input's layout (embedded input only) */
  ids?: Int32Array;
  /** whether rows are time-major (t·N + n) rather than batch-first (n·T + t) */
  timeMajor: boolean;
  /** flat row of step t, sequence n in every [rows, ·] buffer */
  row: (t: number, n: number) => number;
}

/**
 * Check a recurrent op's arguments and describe its input; `gates` is 4 (LSTM), 3 (GRU), 1 (RNN).
 *
 * @throws {RangeError} naming the function and the shapes that disagree
 * @throws {TypeError} on a wrong dtype
 */
export function seqInfo(
  fn: string,
  x: SeqInput,
  h0: tf.Tensor,
  Wx: tf.Tensor,
  Wh: tf.Tensor,
  b: tf.Tensor,
  gates: number,
  timeMajor = false,
): SeqInfo {
  const embedded = !(x instanceof tf.Tensor);
  const shape = dims(embedded ? (x as EmbeddedIds).ids : (x as tf.Tensor));
  const rank = embedded ? 2 : 3;
  if (shape.length !== rank) {
    throw new RangeError(
      `${fn}: ${embedded ? "ids must be [N, T]" : "x must be [N, T, D]"}, got [${shape}]`,
    );
  }
  const [N, T] = timeMajor ? [shape[1], shape[0]] : [shape[0], shape[1]];
  const diff = embedded ? (x as EmbeddedIds).table : (x as tf.Tensor);
  const D = embedded ? dims(diff)[1] : shape[2];
  const H = dims(Wh)[0], G = gates * H;
  const bad = Wx.rank !== 2 || dims(Wx)[0] !== D || dims(Wx)[1] !== G || Wh.rank !== 2 ||
    dims(Wh)[1] !== G || b.rank !== 1 || dims(b)[0] !== G || h0.rank !== 2 ||
    dims(h0)[0] !== N || dims(h0)[1] !== H || (embedded && diff.rank !== 2);
  if (bad) {
    const what = embedded ? `ids [${shape}], table [${diff.shape}]` : `x [${shape}]`;
    throw new RangeError(
      `${fn}: shapes disagree: ${what}${timeMajor ? " (time-major)" : ""}, h0 [${h0.shape}], ` +
        `Wx [${Wx.shape}], Wh [${Wh.shape}], b [${b.shape}]; expected Wx [D, ${gates}H], ` +
        `Wh [H, ${gates}H], b [${gates}H], h0 [N, H]`,
    );
  }
  for (
    const [name, t] of [["input", diff], ["h0", h0], ["Wx", Wx], ["Wh", Wh], ["b", b]] as const
  ) {
    if (t.dtype !== "float32") {
      throw new TypeError(
        `${fn}: ${name} must be float32, got ${t.dtype}`,
      );
    }
  }
  let ids: Int32Array | undefined;
  if (embedded) {
    const idT = (x as EmbeddedIds).ids;
    if (idT.dtype !== "int32") throw new TypeError(`${fn}: ids must be int32, got ${idT.dtype}`);
    ids = idT.dataSync() as Int32Array;
    const V = dims(diff)[0];
    const bad = ids.findIndex((v) => v < 0 || v >= V);
    if (bad >= 0) throw new RangeError(`${fn}: ids[${bad}] = ${ids[bad]} is outside [0, ${V})`);
  }
  const row = timeMajor ? (t: number, n: number) => t * N + n : (t: number, n: number) => n * T + t;
  return { N, T, D, diff, ids, row, timeMajor };
}

/** Options of the fused ops. */
export interface FusedOptions {
  /** x (or ids) and the result are [T, N, ·] instead of [N, T, ·] (default false). */
  timeMajor?: boolean;
  /** Receives the last step's states (h, and c for the LSTM) as [N·H] arrays, e.g. to carry them. */
  onFinalState?: (h: Float32Array, c?: Float32Array) => void;
  /**
   * Called in the backward pass for t = T−1 down to the first step it reaches with ∂L/∂h_t, the
   * total gradient reaching h_t (from the output at t plus from step t+1), as a fresh [N·H] array
   * (row n·H + j), before it goes through step t: what lib/scratch's BpttHooks `onStep` reports.
   * The LSTM also passes ∂L/∂c_t from step t+1 (scratch's `dcTotal`). Notebook 05 reads
   * ‖∂L/∂h_t‖ with it during training.
   */
  onBackwardStep?: (t: number, dh: Float32Array, dc?: Float32Array) => void;
  /**
   * Backpropagate through the last k steps only (truncated BPTT, as the scratch classifier's
   * `truncate`): the output gradients of earlier steps are ignored, and their input gradients
   * and those of h0 (and c0) are zero. Default: all T steps.
   */
  truncate?: number;
}

/** The options every recurrent op takes (the same type as {@linkcode FusedOptions}). */
export type RecurrentOptions = FusedOptions;
