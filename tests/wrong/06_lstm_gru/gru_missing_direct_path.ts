/**
 * Wrong answer of notebook 06: the GRU step backward forgets that hPrev also reaches hNext
 * directly, through z ⊙ hPrev, and keeps only the paths through the gates' matmuls.
 * @module
 */
import {
  gruStepBackward as courseBackward,
  type GruStepCache,
  type GruStepGrads,
  type Matrix,
  matrix,
} from "../../../lib/scratch/mod.ts";

/** One GRU step backward without dhNext ⊙ z in dhPrev. */
export function gruStepBackward(dhNext: Matrix, cache: GruStepCache): GruStepGrads {
  const g = courseBackward(dhNext, cache);
  const dhPrev = matrix(
    ...g.dhPrev.shape,
    g.dhPrev.data.map((v, k) => v - dhNext.data[k] * cache.z.data[k]),
  );
  return { ...g, dhPrev };
}

/** Which check each wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "06.6-gru-step-backward": /direct path/,
};
