/**
 * The error a shipped exercise stub throws, so graders and check cells can tell "not done yet"
 * from "wrong".
 * @module
 */

/** Thrown by an exercise stub until the student fills it in. */
export class NotImplementedError extends Error {
  /**
   * @param id the exercise's grade id, e.g. "01.1-dense-backward"
   */
  constructor(readonly id: string) {
    super(`Exercise ${id} is not implemented yet: fill in the function in notebooks/exercises/`);
    this.name = "NotImplementedError";
  }
}
