/**
 * The made tasks and data sets the notebooks train on, as plain typed arrays (no tfjs): toy 2-D
 * classification and regression data (notebooks 01–03), the long-dependency and bracket sequence
 * tasks with their feature and per-distance scoring helpers (04–06), and the digit-reversal
 * sequence-to-sequence task (09). Tiny Shakespeare, the one real corpus, lives in lib/text/.
 * @module
 */
export * from "./toy_data.ts";
export * from "./seq_tasks.ts";
export * from "./seq_features.ts";
export * from "./reverse_task.ts";
export * from "./char_tagging.ts";
export * from "./cued_recall.ts";
export * from "./seq_batch.ts";
