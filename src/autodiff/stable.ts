/**
 * Numerically stable scalar formulas shared by ops. Each avoids exp of a large positive
 * number, so results stay finite at ±1000 (and beyond); NaN still propagates as NaN.
 */

/** σ(x) = 1 / (1 + e^(−x)), evaluated through e^(−|x|) ≤ 1. */
export function stableSigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** softplus(x) = log(1 + eˣ) = max(x, 0) + log1p(e^(−|x|)). */
export function stableSoftplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}
