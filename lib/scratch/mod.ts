/**
 * Layer 1: neural-network pieces on plain Float64Arrays with hand-written backward passes and a
 * numeric gradient checker. No tfjs and no Deno APIs, so this folder runs in the grader's
 * no-permission sandbox. See each file's header for the notebook that teaches it.
 * @module
 */
export * from "./matrix.ts";
export * from "./dense.ts";
export * from "./activations.ts";
export * from "./losses.ts";
export * from "./temporal_softmax.ts";
export * from "./init.ts";
export * from "./mlp.ts";
export * from "./grad_check.ts";
export * from "./chain_rule.ts";
export * from "./tensor3.ts";
export * from "./rnn_cell.ts";
export * from "./rnn_sequence.ts";
export * from "./lstm_cell.ts";
export * from "./lstm_sequence.ts";
export * from "./gru_cell.ts";
export * from "./gru_sequence.ts";
export * from "./residual.ts";
export * from "./residual_mlp.ts";
export * from "./attention.ts";
export * from "./adam.ts";
