/**
 * Layer 3 text tools for the character-level language model of notebook 07 and the CLI: the Tiny
 * Shakespeare loader (verified, cached, atomic), a character vocabulary, the 90/10 split, random
 * contiguous batches, temperature/top-k sampling and generation, and loss metrics (bits per
 * character, perplexity).
 * @module
 */
export * from "./char_vocab.ts";
export * from "./generate.ts";
export * from "./get_batch.ts";
export * from "./sequential_batches.ts";
export * from "./loss_metrics.ts";
export * from "./sample_from_logits.ts";
export * from "./tiny_shakespeare.ts";
export * from "./train_val_split.ts";
