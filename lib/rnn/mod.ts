/**
 * Layer 2: recurrent networks on tfjs and the tools around the scratch ones: conversion to and from
 * PyTorch's nn.RNN/nn.LSTM/nn.GRU layout, CS231n's plain-RNN functions (as `cs231n.*`), gradient
 * clipping, the gradient-norm probes of notebook 05, and the trainable sequence layers (RNNLayer,
 * LSTMLayer, GRULayer over fused one-op-per-sequence kernels with hand-written BPTT), the made
 * sequence tasks, scratch classifier, window MLP and presets of notebooks 04–06, and the char
 * language model of notebook 07. See each file's header for the notebook that teaches it.
 * @module
 */
export * from "./pytorch_layout.ts";
export * from "./cs231n.ts";
export * from "./clip.ts";
export * from "./grad_norms.ts";
export * from "./keras_layout.ts";
export * from "./recurrent_init.ts";
export * from "./seq_classifier.ts";
export * from "./seq_classifier_eval.ts";
export * from "./tf_seq_model.ts";
export * from "./recurrent_layer.ts";
export * from "./lstm_plain.ts";
export * from "./gru_plain.ts";
export * from "./rnn_plain.ts";
export * from "./char_lm.ts";
export * from "./recurrent_stack.ts";
export * from "./attention.ts";
export * from "./seq2seq.ts";
export * from "./bidirectional.ts";
export * from "./tagger.ts";
export * from "./sgd_update.ts";
