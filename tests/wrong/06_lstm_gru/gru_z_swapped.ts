/**
 * Wrong answer of notebook 06: the update gate's roles swapped, hNext = z ⊙ n + (1 − z) ⊙ hPrev
 * (some texts write the GRU this way; PyTorch and the course keep z ⊙ hPrev).
 * @module
 */
import {
  type GruStepCache,
  gruStepForward as courseForward,
  type Matrix,
  matrix,
} from "../../../lib/scratch/mod.ts";

/** One GRU step with z and 1 − z exchanged. */
export function gruStepForward(
  x: Matrix,
  hPrev: Matrix,
  Wx: Matrix,
  Wh: Matrix,
  bx: Float64Array,
  bh: Float64Array,
): { out: Matrix; cache: GruStepCache } {
  const { cache } = courseForward(x, hPrev, Wx, Wh, bx, bh);
  const { z, n } = cache;
  const out = matrix(
    ...hPrev.shape,
    z.data.map((zk, k) => zk * n.data[k] + (1 - zk) * hPrev.data[k]),
  );
  return { out, cache };
}

/** Which check each wrong answer must fail, and a pattern its hint must match. */
export const expectedFailures: Record<string, RegExp> = {
  "06.2-gru-step-forward": /OLD state/,
};
