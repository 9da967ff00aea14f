/**
 * The graded-exercise system: exercises and checks, assertions with student-facing hints, score
 * tables, and fresh loading of the student's file. `deno task grade` (tools/grade.ts) runs the same
 * checks, plus hidden ones, in a subprocess with no permissions.
 * @module
 */
export * from "./check.ts";
export * from "./expect.ts";
export * from "./report.ts";
export * from "./load.ts";
export * from "./grade.ts";
export * from "./sandbox.ts";
