/**
 * Layer 3 training tools used by every notebook: a resumable training loop with Adam/SGD, gradient
 * clipping by global norm, periodic evaluation and `onStep`/`onEval` callbacks (no plotting here:
 * notebooks wire the callbacks to lib/plot), divergence detection with a hint, and atomic
 * checkpoints, including the char language model's (weights, optimizer, vocabulary, config, step),
 * and the fused training loop of notebooks 04–05's sequence classifier.
 * @module
 */
export * from "./optimizers.ts";
export * from "./trainer.ts";
export * from "./diverged.ts";
export * from "./checkpoint.ts";
export * from "./char_lm_checkpoint.ts";
export * from "./char_lm_task.ts";
export * from "./char_lm_stateful.ts";
export * from "./char_lm_run.ts";
export * from "./depth_sweep.ts";
export * from "./fit_mse.ts";
export * from "./train_seq2seq.ts";
export * from "./train_tf_seq_classifier.ts";
export * from "./train_seq_options.ts";
export * from "./train_seq_model.ts";
export * from "./train_descent.ts";
export * from "./window_mlp.ts";
