/**
 * Initialising the recurrent weights Wh, one of the remedies of notebook 05: Xavier-normal, a
 * scaled random orthogonal matrix (Saxe, McClelland & Ganguli 2014), whose singular values all
 * equal the scale, so its spectral radius and its largest singular value are exactly that scale,
 * and a scaled identity (Le, Jaitly & Hinton 2015, "IRNN"). Gated cells get one H×H block per gate.
 * Float64 matrices in the course layout, Wh [H, G·H].
 * @module
 */
import { type Matrix, matrix } from "../scratch/matrix.ts";
import type { Rng } from "../util/rng.ts";

/** How to draw Wh. */
export type RecurrentInit = "xavier" | "orthogonal" | "identity";

/**
 * A random orthogonal matrix Q [H, H] (QᵀQ = I), by Gram–Schmidt on a Gaussian matrix, times
 * `scale`: every singular value of the result equals |scale|.
 *
 * @param H the size
 * @param rng the random source
 * @param scale the factor (default 1)
 * @returns [H, H]
 * @throws {RangeError} if H is not a positive integer
 * @example Orthogonal rows have unit norm
 * ```ts
 * import { orthogonalMatrix } from "./recurrent_init.ts";
 * import { Rng } from "../util/rng.ts";
 * const Q = orthogonalMatrix(3, new Rng(0));
 * console.log(Math.hypot(...Q.data.subarray(0, 3)).toFixed(6)); // "1.000000"
 * ```
 */
export function orthogonalMatrix(H: number, rng: Rng, scale = 1): Matrix {
  if (!Number.isInteger(H) || H < 1) {
    throw new RangeError(`orthogonalMatrix: H must be a positive integer, got ${H}`);
  }
  const q = matrix(H, H, rng.normalArray(H * H));
  for (let i = 0; i < H; i++) {
    const row = q.data.subarray(i * H, (i + 1) * H);
    for (let k = 0; k < i; k++) { // remove the components along earlier rows (twice, for accuracy)
      for (let pass = 0; pass < 2; pass++) {
        const prev = q.data.subarray(k * H, (k + 1) * H);
        let dot = 0;
        for (let j = 0; j < H; j++) dot += row[j] * prev[j];
        for (let j = 0; j < H; j++) row[j] -= dot * prev[j];
      }
    }
    const norm = Math.hypot(...row);
    for (let j = 0; j < H; j++) row[j] /= norm;
  }
  for (let k = 0; k < q.data.length; k++) q.data[k] *= scale;
  return q;
}

/**
 * Recurrent weights Wh [H, G·H] for G gate blocks (1 RNN, 4 LSTM, 3 GRU), each block drawn
 * independently: "xavier" N(0, 1/H)·scale (spectral radius ≈ scale, largest singular value
 * ≈ 2·scale for large H), "orthogonal" Q·scale, "identity" I·scale.
 *
 * @param kind the scheme
 * @param H hidden size
 * @param G gate blocks
 * @param rng the random source
 * @param scale the factor (default 1)
 * @returns [H, G·H]
 * @throws {TypeError} for an unknown kind
 * @example
 * ```ts
 * import { recurrentWeights } from "./recurrent_init.ts";
 * import { Rng } from "../util/rng.ts";
 * console.log(recurrentWeights("identity", 2, 1, new Rng(0), 0.5).data); // [0.5, 0, 0, 0.5]
 * ```
 * @see notebook 05, "Remedy: initialisation"
 */
export function recurrentWeights(
  kind: RecurrentInit,
  H: number,
  G: number,
  rng: Rng,
  scale = 1,
): Matrix {
  const Wh = matrix(H, G * H); // [H, G·H]
  for (let g = 0; g < G; g++) {
    let block: Matrix;
    if (kind === "orthogonal") block = orthogonalMatrix(H, rng, scale);
    else if (kind === "identity") {
      block = matrix(H, H);
      for (let i = 0; i < H; i++) block.data[i * H + i] = scale;
    } else if (kind === "xavier") {
      block = matrix(H, H, rng.normalArray(H * H, scale / Math.sqrt(H)));
    } else throw new TypeError(`recurrentWeights: unknown init "${kind}"`);
    for (let i = 0; i < H; i++) {
      Wh.data.set(block.data.subarray(i * H, (i + 1) * H), i * G * H + g * H);
    }
  }
  return Wh;
}
