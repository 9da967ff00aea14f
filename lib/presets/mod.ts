/**
 * Every notebook's sizes, one file per notebook (`NN_topic.ts`), each with its full-mode values
 * (what students get) and the quick-mode overrides CI uses side by side, through `quickOr`
 * (lib/util/env.ts): notebooks never branch on the mode themselves.
 * @module
 */
export * from "./01_chain_rule.ts";
export * from "./02_gradient_descent.ts";
export * from "./03_backprop_pitfalls.ts";
export * from "./04_rnn_bptt.ts";
export * from "./05_vanishing_gradients.ts";
export * from "./06_lstm_gru.ts";
export * from "./07_char_lstm.ts";
export * from "./08_residual.ts";
export * from "./09_attention.ts";
