/**
 * An encoder–decoder GRU for the digit tasks of reverse_task.ts, with or without attention, for
 * notebook 09. The encoder reads the source (embedded ids) into states Henc [N, S, H]; the decoder
 * GRU starts from the encoder's last state, the fixed-size summary of Sutskever, Vinyals & Le (2014)
 * and Cho et al. (2014). Without attention that vector is all the decoder knows of the source; with
 * attention (Luong, Pham & Manning 2015, global "dot" attention, lib/rnn/attention.ts) every
 * decoder step also reads a weighted average of all encoder states. Training uses teacher forcing:
 * the decoder runs over the whole target sequence as one fused GRU call, then attention for all
 * steps is two batched products, so a step has no per-token loop. `greedy` decodes one token at a
 * time, feeding back its own argmax, and returns the attention weights for plotting.
 *
 * With `bidirectional`, the encoder is Bahdanau, Cho & Bengio's (2015, §3.2): a forward GRU reads
 * the source left to right, a backward GRU (its own weights) reads it right to left, each with H/2
 * units, and their states at each position are concatenated, so encoder state s [H] has read the
 * whole source, with the inputs near s most recent in each half. A one-directional encoder's state
 * s has read only inputs 0..s. The decoder starts from both directions' final states concatenated
 * (Bahdanau et al. start it from a tanh layer of the backward state; concatenating keeps H and
 * the dot score unchanged).
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { Rng } from "../util/rng.ts";
import { GRULayer } from "./recurrent_layer.ts";
import { denseCrossEntropy } from "../kernels/dense_cross_entropy.ts";
import { attentionalState, dotAttention } from "./attention.ts";
import { BOS, decodeTokens, EOS, SEQ2SEQ_VOCAB, type Seq2SeqBatch } from "../tasks/reverse_task.ts";

/** Options of {@link Seq2Seq}. */
export interface Seq2SeqOptions {
  /** use attention (true) or only the encoder's last state (false) */
  attention: boolean;
  /** E, the size of the token embeddings */
  embedSize: number;
  /** H of encoder and decoder */
  hiddenSize: number;
  /** a bidirectional encoder: forward and backward GRUs of H/2 units each, states concatenated
   * (default false; H must then be even) */
  bidirectional?: boolean;
  /** V (default 12, the digit tasks' vocabulary) */
  vocabSize?: number;
  /** seed of every weight (default 42) */
  seed?: number;
}

/** What {@link Seq2Seq.greedy} decoded. */
export interface GreedyResult {
  /** each example's output tokens, up to (not including) its first "$" */
  tokens: Int32Array[];
  /** each example's output as text, with the final "$" when one was written: one character per
   * row of `weights` */
  text: string[];
  /** each example's attention weights, one row per output step [steps][S] (empty without attention) */
  weights: number[][][];
}

/** The encoder–decoder; `dispose()` it when done. */
export class Seq2Seq {
  readonly attention: boolean;
  readonly bidirectional: boolean;
  /** the (forward) encoder GRU: H units, or H/2 when bidirectional */
  readonly encoder: GRULayer;
  /** the backward encoder GRU (H/2 units), or null when one-directional */
  readonly encoderBwd: GRULayer | null;
  readonly decoder: GRULayer;
  /** every trainable variable by name: Esrc, Etgt [V, E], the GRUs' (enc_Wx, encb_Wx, dec_Wx,
   * …), Wc, bc, Wy, by */
  readonly params: Record<string, tf.Variable>;

  /**
   * @param opts attention on/off, bidirectional encoder on/off, sizes, seed
   * @throws {RangeError} if `bidirectional` and H is odd
   * @example
   * ```ts
   * import { Seq2Seq } from "./seq2seq.ts";
   * const m = new Seq2Seq({ attention: true, embedSize: 8, hiddenSize: 16 });
   * console.log(m.params.Wc.shape, m.params.Wy.shape); // [32, 16] [16, 12]
   * m.dispose();
   * ```
   */
  constructor(opts: Seq2SeqOptions) {
    const { embedSize: E, hiddenSize: H, vocabSize: V = SEQ2SEQ_VOCAB.length, seed = 42 } = opts;
    this.attention = opts.attention;
    this.bidirectional = opts.bidirectional ?? false;
    if (this.bidirectional && H % 2 !== 0) {
      throw new RangeError(`Seq2Seq: a bidirectional encoder needs an even hiddenSize, got ${H}`);
    }
    const He = this.bidirectional ? H / 2 : H; // units of each encoder direction
    const rng = new Rng(seed);
    const make = (shape: number[], f: (n: number) => Float64Array) =>
      tf.variable(tf.tensor(Float32Array.from(f(shape.reduce((a, b) => a * b))), shape));
    const uniform = (k: number) => (n: number) => rng.uniformArray(n, -k, k);
    // tidy frees the constructors' initial-value tensors; the variables survive it
    const params: Record<string, tf.Variable> = {};
    let encoder: GRULayer | undefined, decoder: GRULayer | undefined;
    let encoderBwd: GRULayer | null = null;
    tf.tidy(() => {
      encoder = new GRULayer({ inputSize: E, hiddenSize: He, seed: seed + 1 });
      if (this.bidirectional) {
        encoderBwd = new GRULayer({ inputSize: E, hiddenSize: He, seed: seed + 3 });
      }
      decoder = new GRULayer({ inputSize: E, hiddenSize: H, seed: seed + 2 });
      Object.assign(params, {
        Esrc: make([V, E], (n) => rng.normalArray(n)), // [V, E], N(0, 1) as nn.Embedding
        Etgt: make([V, E], (n) => rng.normalArray(n)),
      });
      for (const [k, v] of Object.entries(encoder.params)) params[`enc_${k}`] = v;
      for (const [k, v] of Object.entries(encoderBwd?.params ?? {})) params[`encb_${k}`] = v;
      for (const [k, v] of Object.entries(decoder.params)) params[`dec_${k}`] = v;
      if (this.attention) {
        params.Wc = make([2 * H, H], uniform(1 / Math.sqrt(2 * H))); // [2H, H]
        params.bc = make([H], () => new Float64Array(H));
      }
      params.Wy = make([H, V], uniform(1 / Math.sqrt(H))); // [H, V]
      params.by = make([V], () => new Float64Array(V));
    });
    [this.encoder, this.decoder, this.params] = [encoder!, decoder!, params];
    this.encoderBwd = encoderBwd;
  }

  /** H */
  get hiddenSize(): number {
    return this.decoder.hiddenSize;
  }

  /**
   * Encoder states. Call inside tf.tidy or a gradient function.
   *
   * @param src source ids // [N, S]
   * @param n N
   * @returns Henc // [N, S, H]; when bidirectional, [forward state s; backward state s]
   */
  encode(src: Int32Array, n: number): tf.Tensor3D {
    const S = src.length / n;
    const ids = tf.tensor2d(src, [n, S], "int32");
    const fwd = this.encoder.forward({ ids, table: this.params.Esrc }) as tf.Tensor3D; // [N, S, H/2]
    if (!this.encoderBwd) return fwd;
    const reversed = new Int32Array(src.length); // each row's ids, last first
    for (let i = 0; i < n; i++) {
      for (let s = 0; s < S; s++) reversed[i * S + s] = src[i * S + S - 1 - s];
    }
    const idsRev = tf.tensor2d(reversed, [n, S], "int32");
    const bwdRev = this.encoderBwd.forward({ ids: idsRev, table: this.params.Esrc }); // [N, S, H/2]
    const bwd = tf.reverse(bwdRev, 1); // back in source order: state s has read inputs s..S−1
    return tf.concat([fwd, bwd], 2) as tf.Tensor3D; // [N, S, H]
  }

  /**
   * The fixed-size summary that starts the decoder: the encoder's last state, or, when
   * bidirectional, the forward GRU's last state beside the backward GRU's last (at position 0).
   * Call inside tf.tidy or a gradient function.
   *
   * @param Henc from encode // [N, S, H]
   * @returns h0 of the decoder // [N, H]
   */
  summary(Henc: tf.Tensor3D): tf.Tensor2D {
    const [n, S, H] = Henc.shape;
    if (!this.bidirectional) return tf.reshape(tf.slice(Henc, [0, S - 1, 0], [n, 1, H]), [n, H]);
    const half = H / 2;
    const fwdLast = tf.slice(Henc, [0, S - 1, 0], [n, 1, half]); // [N, 1, H/2]
    const bwdLast = tf.slice(Henc, [0, 0, half], [n, 1, half]); // [N, 1, H/2]
    return tf.reshape(tf.concat([fwdLast, bwdLast], 2), [n, H]);
  }

  /**
   * What the output layer reads for every target step under teacher forcing, and the attention
   * weights. Call inside tf.tidy or a gradient function.
   *
   * @param batch sources and decoder inputs
   * @returns `{ features, weights }`: h̃ (or the decoder states) // [N, T, H]; weights // [N, T, S] or null
   */
  teacherForced(batch: Seq2SeqBatch): { features: tf.Tensor3D; weights: tf.Tensor3D | null } {
    const { n, srcLen: S } = batch, T = S + 1;
    const Henc = this.encode(batch.src, n); // [N, S, H]
    const h0 = this.summary(Henc); // [N, H]
    const ids = tf.tensor2d(batch.tgtIn, [n, T], "int32");
    const Hdec = this.decoder.forward({ ids, table: this.params.Etgt }, { h0 }) as tf.Tensor3D; // [N, T, H]
    if (!this.attention) return { features: Hdec, weights: null };
    const { context, weights } = dotAttention(Hdec, Henc); // [N, T, H], [N, T, S]
    return { features: attentionalState(context, Hdec, this.params.Wc, this.params.bc), weights };
  }

  /**
   * Mean cross-entropy over every target token (teacher forcing). Call inside a gradient function
   * or tf.tidy.
   *
   * @param batch the batch
   * @returns a scalar
   */
  loss(batch: Seq2SeqBatch): tf.Scalar {
    const { features } = this.teacherForced(batch); // [N, T, H]
    const rows = batch.n * (batch.srcLen + 1);
    const flat = tf.reshape(features, [rows, this.hiddenSize]); // [N·T, H]
    return denseCrossEntropy(flat, this.params.Wy, this.params.by, batch.tgtOut);
  }

  /**
   * Greedy decoding: start from "^", feed back each step's argmax, stop at "$" or maxLen steps.
   *
   * @param src source ids // [N, S]
   * @param n N
   * @param maxLen the most output tokens (default S + 1)
   * @returns each example's tokens and attention weights; no tensors are left behind
   */
  greedy(src: Int32Array, n: number, maxLen = src.length / n + 1): GreedyResult {
    const S = src.length / n, H = this.hiddenSize, p = this.params;
    const tokens: number[][] = Array.from({ length: n }, () => []);
    const weights: number[][][] = Array.from({ length: n }, () => []);
    const done = new Uint8Array(n), ended = new Uint8Array(n);
    const Henc = tf.tidy(() => this.encode(src, n)); // [N, S, H]
    let h: tf.Tensor = tf.tidy(() => this.summary(Henc)); // [N, H]
    let prev = new Int32Array(n).fill(BOS);
    try {
      for (let t = 0; t < maxLen && !done.every((d) => d); t++) {
        const [hNext, pred, w] = tf.tidy(() => {
          const ids = tf.tensor2d(prev, [n, 1], "int32");
          const Hd = this.decoder.forward({ ids, table: p.Etgt }, { h0: h }) as tf.Tensor3D; // [N, 1, H]
          let feat: tf.Tensor = Hd, wt: tf.Tensor | null = null;
          if (this.attention) {
            const { context, weights } = dotAttention(Hd, Henc); // [N, 1, H], [N, 1, S]
            feat = attentionalState(context, Hd, p.Wc, p.bc);
            wt = weights;
          }
          const logits = tf.add(tf.matMul(tf.reshape(feat, [n, H]), p.Wy), p.by); // [N, V]
          return [tf.reshape(Hd, [n, H]), tf.argMax(logits, 1), wt ?? tf.zeros([0])];
        });
        h.dispose();
        h = hNext;
        prev = Int32Array.from(pred.dataSync());
        const wv = w.dataSync();
        tf.dispose([pred, w]);
        for (let i = 0; i < n; i++) {
          if (done[i]) continue;
          if (prev[i] === EOS) done[i] = ended[i] = 1;
          else tokens[i].push(prev[i]);
          if (this.attention) weights[i].push(Array.from(wv.subarray(i * S, (i + 1) * S)));
        }
      }
    } finally {
      tf.dispose([Henc, h]);
    }
    return {
      tokens: tokens.map((t) => Int32Array.from(t)),
      text: tokens.map((t, i) => decodeTokens(t) + (ended[i] ? "$" : "")),
      weights,
    };
  }

  /** Number of trainable scalars. */
  paramCount(): number {
    return Object.values(this.params).reduce((s, v) => s + v.size, 0);
  }

  /** Free every variable. */
  dispose(): void {
    tf.dispose(Object.values(this.params));
  }
}

/**
 * Greedy-decoding accuracy on one batch: the fraction of outputs that equal the target exactly
 * (the end token in the right place included), and the fraction of target digits right at their
 * position.
 *
 * @param model the trained model
 * @param batch sources and targets (one length)
 * @returns `{ sequence, token }`, both in [0, 1]
 */
export function seq2seqAccuracy(
  model: Seq2Seq,
  batch: Seq2SeqBatch,
): { sequence: number; token: number } {
  const S = batch.srcLen, { tokens } = model.greedy(batch.src, batch.n);
  let exact = 0, right = 0;
  tokens.forEach((out, i) => {
    const tgt = batch.tgtOut.subarray(i * (S + 1), i * (S + 1) + S);
    let ok = out.length === S;
    for (let t = 0; t < S; t++) {
      if (out[t] === tgt[t]) right++;
      else ok = false;
    }
    if (ok) exact++;
  });
  return { sequence: exact / batch.n, token: right / (batch.n * S) };
}

/** Accuracy against source length, from {@link seq2seqAccuracyByLength}. */
export interface AccuracyByLength {
  /** the source lengths tested */
  lengths: number[];
  /** exact-match accuracy at each length */
  sequence: number[];
  /** per-digit accuracy at each length */
  token: number[];
}

/**
 * Greedy-decoding accuracy on fixed test batches, one per source length.
 *
 * @param model the trained model
 * @param tests one batch per length (e.g. from seq2seqTestSets)
 * @returns lengths, exact-match and per-digit accuracies
 * @see notebook 09, "Accuracy against length"
 */
export function seq2seqAccuracyByLength(model: Seq2Seq, tests: Seq2SeqBatch[]): AccuracyByLength {
  const accs = tests.map((b) => seq2seqAccuracy(model, b));
  return {
    lengths: tests.map((b) => b.srcLen),
    sequence: accs.map((a) => a.sequence),
    token: accs.map((a) => a.token),
  };
}

/**
 * Where the attention peaks sit relative to reversal's alignment, over a whole batch: for every
 * output digit t < S that greedy decoding writes, the offset of its most-weighted source position
 * from S − 1 − t (0: exactly the anti-diagonal; +1: one position to the right, at S − t), and how
 * much weight that peak holds (1: all of it on one source position; 1/S: spread evenly).
 *
 * @param model a trained model with attention
 * @param batch sources of one length S
 * @returns one row per offset seen, most frequent first: the offset, the share of output digits,
 *   and the mean peak weight of those digits
 * @throws {RangeError} if the model has no attention
 * @see notebook 09, "Where does the decoder look?"
 */
export function attentionPeakOffsets(
  model: Seq2Seq,
  batch: Seq2SeqBatch,
): { offset: number; share: number; meanPeak: number }[] {
  if (!model.attention) throw new RangeError("attentionPeakOffsets: the model has no attention");
  const S = batch.srcLen, { weights } = model.greedy(batch.src, batch.n);
  const counts = new Map<number, [number, number]>(); // offset -> [digits, sum of peak weights]
  let total = 0;
  for (const rows of weights) {
    rows.slice(0, S).forEach((row, t) => {
      const peak = Math.max(...row), offset = row.indexOf(peak) - (S - 1 - t);
      const c = counts.get(offset) ?? [0, 0];
      counts.set(offset, [c[0] + 1, c[1] + peak]);
      total++;
    });
  }
  return [...counts].sort((a, b) => b[1][0] - a[1][0])
    .map(([offset, [c, peakSum]]) => ({ offset, share: c / total, meanPeak: peakSum / c }));
}
