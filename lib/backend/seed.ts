/**
 * Seeding. tfjs draws every random number that is not given an explicit seed (initializers,
 * `tf.randomNormal`, `tf.util.shuffle`, dropout) from `Math.random`, and offers no global seed. So
 * `initBackend()` replaces `Math.random` with a seeded generator (lib's {@link Rng}), and says so
 * in the line it prints; lib's own code passes explicit seeds wherever it can.
 * @module
 */
import { Rng } from "../util/rng.ts";

/**
 * Make `Math.random` (and so every tfjs op called without an explicit seed: initializers,
 * `tf.randomNormal`, `tf.util.shuffle`) draw from a seeded generator.
 *
 * @param seed integer seed
 */
export function seedEverything(seed: number): void {
  // Global patch, on purpose: the only way to seed tfjs's unseeded random ops.
  const rng = new Rng(seed);
  Math.random = () => rng.uniform();
}
