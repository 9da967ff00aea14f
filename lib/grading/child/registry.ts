/**
 * Functions a check may pass to a student's function (03.2's gradient checker takes an `f`). A
 * function cannot cross the sandbox boundary, so the check sends its name (`namedFn("cubic")` in
 * lib/grading/remote.ts) and the child builds the function from this registry. Checks compute their
 * expected values from the same entries, in the grader's process.
 *
 * This file is loaded by the sandboxed child too, so it imports nothing.
 * @module
 */

/** f(p) = Σ pᵢ³ + p₀·p₁, a test function with curvature. */
export function cubic(p: Float64Array): number {
  return p.reduce((s, v) => s + v ** 3, 0) + p[0] * p[1];
}

/** The exact gradient of {@linkcode cubic}. */
export function cubicGrad(p: Float64Array): Float64Array {
  return p.map((v, i) => 3 * v * v + (i === 0 ? p[1] : i === 1 ? p[0] : 0));
}

/** The registry: name → function. Add an entry here to pass a new function to students. */
export const REGISTRY: Readonly<Record<string, (...args: never[]) => unknown>> = Object.freeze({
  cubic,
  /** q ↦ 3·q₀ */
  threeTimesFirst: (q: Float64Array) => 3 * q[0],
  /** q ↦ q₀³ */
  cubeOfFirst: (q: Float64Array) => q[0] ** 3,
});
