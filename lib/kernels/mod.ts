/**
 * The fast path: fused recurrent ops (one tfjs op per sequence for the RNN, LSTM and GRU, with
 * hand-written BPTT) and the fused output layer + softmax cross-entropy, all on tfjs-wasm's fast
 * matMul. Files here import only tfjs and each other; `fusedSupported()` says whether the current
 * backend can run them. The teaching layers in lib/rnn/ build on these; the `_`-prefixed files are
 * internals shared by the ops.
 * @module
 */
export * from "./rnn_fused.ts";
export * from "./lstm_fused.ts";
export * from "./gru_fused.ts";
export * from "./dense_cross_entropy.ts";
export type { EmbeddedIds, FusedOptions, SeqInput } from "./_fused_common.ts";
export { fusedSupported } from "./_kernel_ctx.ts";
