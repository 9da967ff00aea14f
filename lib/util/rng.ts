/**
 * A small seeded random number generator (mulberry32) for reproducible data, initialisation and
 * sampling. Every random draw in the course goes through an `Rng` the caller owns, so there is no
 * hidden global state.
 * @module
 */

/** A seeded generator of uniform, normal and integer draws. */
export class Rng {
  #state: number;

  /**
   * Make a generator.
   *
   * @param seed any integer; the same seed gives the same sequence
   * @example Two generators with one seed agree
   * ```ts
   * import { Rng } from "./rng.ts";
   * console.log(new Rng(1).uniform() === new Rng(1).uniform()); // true
   * ```
   */
  constructor(seed = 42) {
    this.#state = seed >>> 0;
  }

  /** A uniform draw in [0, 1). */
  uniform(): number {
    // mulberry32
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A standard normal draw (Box–Muller). */
  normal(): number {
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * A uniform integer in [0, n).
   *
   * @param n exclusive upper bound, a positive integer
   * @throws {RangeError} if n is not a positive integer
   */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) {
      throw new RangeError(`Rng.int: n must be a positive integer, got ${n}`);
    }
    return Math.floor(this.uniform() * n);
  }

  /**
   * A Float64Array of normal draws times `scale`.
   *
   * @param size number of draws
   * @param scale standard deviation
   */
  normalArray(size: number, scale = 1): Float64Array {
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) out[i] = this.normal() * scale;
    return out;
  }

  /**
   * A Float64Array of uniform draws in [lo, hi).
   *
   * @param size number of draws
   * @param lo lower bound
   * @param hi upper bound
   */
  uniformArray(size: number, lo = 0, hi = 1): Float64Array {
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) out[i] = lo + (hi - lo) * this.uniform();
    return out;
  }

  /**
   * A random permutation of 0..n-1 (Fisher–Yates).
   *
   * @param n length
   */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [p[i], p[j]] = [p[j], p[i]];
    }
    return p;
  }

  /** A fresh integer seed for a child generator or for tfjs. */
  seed(): number {
    return this.int(2 ** 31 - 1);
  }
}
