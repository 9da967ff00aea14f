/**
 * Layer 2: the scratch MLP in tfjs, seeded toy data, the three gradient-descent variants with a
 * two-parameter model for loss-surface plots, and per-layer probes of deep MLPs (notebooks 01–03).
 * @module
 */
export * from "./to_tensors.ts";
export * from "./tf_losses.ts";
export * from "./tf_mlp.ts";
export * from "./linear_regression.ts";
export * from "./probe_deep_mlp.ts";
export * from "./computation_graph.ts";
export * from "./residual_mlp.ts";
