/**
 * Layer 0 helpers: environment switches, a seeded RNG and numeric comparison.
 * @module
 */
export * from "./env.ts";
export * from "./rng.ts";
export * from "./all_close.ts";
export * from "./errors.ts";
export * from "./atomic_write.ts";
export * from "./repo_root.ts";
export * from "./table.ts";
export * from "./cli_args.ts";
export * from "./spread.ts";
