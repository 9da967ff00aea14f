/**
 * Reading a language model's loss. The cross-entropy loss is in nats per character (natural log);
 * dividing by ln 2 gives bits per character (the compression view: how many bits an ideal coder
 * would need per character), and exp(loss) gives the perplexity (the model is as unsure as a
 * uniform choice among that many characters). Before training, a model that predicts uniformly over
 * V characters scores ln V (≈ 4.17 nats for Tiny Shakespeare's 65), the first sanity check of
 * notebook 07.
 * @module
 */

/**
 * Convert a loss from nats to bits (divide by ln 2).
 *
 * @param nats loss in nats per character
 * @returns loss in bits per character
 * @example
 * ```ts
 * import { natsToBits } from "./loss_metrics.ts";
 * console.log(natsToBits(Math.LN2)); // 1
 * ```
 */
export function natsToBits(nats: number): number {
  return nats / Math.LN2;
}

/**
 * Convert a loss from bits to nats (multiply by ln 2).
 *
 * @param bits loss in bits per character
 * @returns loss in nats per character
 */
export function bitsToNats(bits: number): number {
  return bits * Math.LN2;
}

/**
 * Perplexity exp(loss): the effective number of equally likely next characters.
 *
 * @param nats loss in nats per character
 * @returns the perplexity (V for a uniform model over V characters)
 * @example
 * ```ts
 * import { perplexity } from "./loss_metrics.ts";
 * console.log(perplexity(Math.log(65))); // ≈ 65
 * ```
 */
export function perplexity(nats: number): number {
  return Math.exp(nats);
}

/**
 * The loss of a uniform prediction over V characters, ln V: where training should start.
 *
 * @param V vocabulary size
 * @returns ln V in nats (≈ 4.17 for V = 65)
 * @throws {RangeError} if V is not a positive integer
 * @example
 * ```ts
 * import { uniformLoss } from "./loss_metrics.ts";
 * console.log(uniformLoss(65).toFixed(2)); // 4.17
 * ```
 */
export function uniformLoss(V: number): number {
  if (!Number.isInteger(V) || V < 1) {
    throw new RangeError(`uniformLoss: V must be a positive integer, got ${V}`);
  }
  return Math.log(V);
}

/**
 * One line with the three readings of a loss.
 *
 * @param nats loss in nats per character
 * @param digits decimals shown (default 2)
 * @returns e.g. "1.52 nats/char = 2.19 bits/char, perplexity 4.57"
 * @example
 * ```ts
 * import { formatLoss } from "./loss_metrics.ts";
 * console.log(formatLoss(1.52)); // 1.52 nats/char = 2.19 bits/char, perplexity 4.57
 * ```
 */
export function formatLoss(nats: number, digits = 2): string {
  return `${nats.toFixed(digits)} nats/char = ${natsToBits(nats).toFixed(digits)} bits/char, ` +
    `perplexity ${perplexity(nats).toFixed(digits)}`;
}
