/**
 * The graded-exercise system: exercises and checks, assertions with student-facing hints, score
 * tables, the evaluators that run a student's functions where checks cannot be reached (a
 * no-permission subprocess for `deno task grade`, a Worker for check cells), and class grading.
 * @module
 */
export * from "./check.ts";
export * from "./expect.ts";
export * from "./report.ts";
export * from "./remote.ts";
export * from "./evaluator.ts";
export * from "./load.ts";
export * from "./grade.ts";
export * from "./sandbox.ts";
export * from "./submissions.ts";
