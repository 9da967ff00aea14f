/**
 * Everything the notebooks use, in one import: `import { initBackend, show, … } from "../lib/mod.ts"`.
 * The folders are layers (util → scratch → nn/rnn → text/train → plot/grading); see lib/README.md.
 * @module
 */
export * from "./backend.ts";
export * from "./util/mod.ts";
export * from "./scratch/mod.ts";
export * from "./nn/mod.ts";
export * from "./rnn/mod.ts";
export * from "./text/mod.ts";
export * from "./train/mod.ts";
export * from "./plot/mod.ts";
export * from "./grading/mod.ts";
