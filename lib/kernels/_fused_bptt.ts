/**
 * Internal: the options of the fused ops' backward pass, shared by lstm_fused.ts, gru_fused.ts and
 * rnn_fused.ts: where truncated BPTT stops, gate-gradient buffers that are zero where it never
 * writes, and the per-step report of ∂L/∂h_t to `onBackwardStep` (what lib/scratch's BpttHooks
 * `onStep` reports), which notebook 05 turns into its heatmaps.
 * @module
 */
import type { Info, KernelCtx } from "./_kernel_ctx.ts";
import type { FusedOptions, SeqInfo } from "./_fused_common.ts";

/**
 * The first step the backward pass reaches: T − k for `truncate` k, else 0.
 *
 * @param fn the op's name, for the error
 * @param opts the op's options
 * @param T sequence length
 * @returns the step t0 where BPTT stops
 * @throws {RangeError} if truncate is not an integer in [1, T]
 */
export function firstBackwardStep(fn: string, opts: FusedOptions, T: number): number {
  const k = opts.truncate ?? T;
  if (!(Number.isInteger(k) && k >= 1 && k <= T)) {
    throw new RangeError(`${fn}: truncate ${k} must be an integer in [1, ${T}]`);
  }
  return T - k;
}

/**
 * A gate-gradient buffer the backward loop fills for steps t0..T−1: zero-filled when BPTT is
 * truncated (t0 > 0), since the skipped steps' rows are never written and wasm's buffers start
 * uninitialised; left unfilled otherwise (every row gets written, no extra pass).
 *
 * @param ctx kernel context
 * @param shape the buffer's shape
 * @param t0 the first step the backward pass reaches
 * @returns a buffer the caller frees
 */
export function gateGradBuffer(ctx: KernelCtx, shape: number[], t0: number): Info {
  return t0 > 0 ? ctx.zeros(shape) : ctx.alloc(shape);
}

/**
 * Report ∂L/∂h_t (upstream gradient of step t plus what came back from t+1) to the hook.
 *
 * @param s the input description (row order)
 * @param t the step
 * @param H hidden size
 * @param dy the upstream gradients of every step, live view // [rows, H]
 * @param dhNext the gradient from step t+1 // [N·H]
 * @param hook the callback
 * @param dc the LSTM's ∂L/∂c_t from step t+1 (copied) // [N·H]
 */
export function reportBackwardStep(
  s: SeqInfo,
  t: number,
  H: number,
  dy: Float32Array,
  dhNext: Float32Array,
  hook: NonNullable<FusedOptions["onBackwardStep"]>,
  dc?: Float32Array,
): void {
  const total = new Float32Array(s.N * H);
  for (let n = 0; n < s.N; n++) {
    for (let j = 0, k = n * H, q = s.row(t, n) * H; j < H; j++) {
      total[k + j] = dy[q + j] + dhNext[k + j];
    }
  }
  hook(t, total, dc?.slice());
}
