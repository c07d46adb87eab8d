/**
 * What gradient descent does on Φ(y) = (y − t)², read off the learning rate alone:
 * Φ′(y) = 2(y − t), so y ← y − αΦ′(y) gives y − t ← (1 − 2α)(y − t): every step multiplies
 * the gap to t by the same factor.
 */
export type Regime = 'monotone' | 'oneStep' | 'oscillating' | 'stuck' | 'diverging' | 'still';

export function gapFactor(alpha: number): number {
  return 1 - 2 * alpha;
}

export function regimeOf(alpha: number): Regime {
  const r = gapFactor(alpha);
  if (r === 0) return 'oneStep'; // α = 0.5
  if (r === 1) return 'still'; // α = 0: no step at all
  if (r === -1) return 'stuck'; // α = 1: jumps between t ± |y₀ − t| for ever
  if (Math.abs(r) > 1) return 'diverging';
  return r > 0 ? 'monotone' : 'oscillating';
}
