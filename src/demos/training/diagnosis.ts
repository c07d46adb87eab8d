import type { ActivationName } from '../../nn/activations.ts';
import type { RunMetrics } from './trainer.ts';

/**
 * The one-line reading of a run's numbers, as data (the view words it in the page's language).
 * Order of concern: diverged, no gradient at all, a vanishing first layer, dead ReLUs, a weakened
 * first layer, healthy.
 */
export type Diagnosis =
  | { readonly kind: 'notStarted' }
  | { readonly kind: 'diverged'; readonly step: number }
  | { readonly kind: 'stalled'; readonly firstLayer: number }
  | { readonly kind: 'vanishing'; readonly ratio: number }
  | { readonly kind: 'weak'; readonly ratio: number }
  | { readonly kind: 'dead'; readonly layer: number; readonly share: number }
  | { readonly kind: 'flowing'; readonly ratio: number };

/** Below this, every layer's gradient is too small to move the weights in any number of steps shown. */
export const STALLED_NORM = 1e-6;
/** First layer below 1/1000 of the last: the input side learns a thousand times slower. */
export const VANISHING_RATIO = 1e-3;
/** Below 1/10 of the last layer's: the gradient gets through, weakened. */
export const WEAK_RATIO = 0.1;
export const DEAD_SHARE = 0.5;

export function diagnose(metrics: RunMetrics, activation: ActivationName): Diagnosis {
  if (metrics.diverged) return { kind: 'diverged', step: metrics.step };
  if (metrics.step === 0) return { kind: 'notStarted' };
  const norms = metrics.gradNorms;
  const first = norms[0];
  const last = norms[norms.length - 1];
  let largest = 0;
  for (const n of norms) largest = Math.max(largest, n);
  if (largest < STALLED_NORM) return { kind: 'stalled', firstLayer: first };
  const ratio = first / last;
  if (ratio < VANISHING_RATIO) return { kind: 'vanishing', ratio };
  if (activation === 'relu') {
    let worst = -1;
    metrics.deadShares.forEach((share, layer) => { if (worst < 0 || share > metrics.deadShares[worst]) worst = layer; });
    if (worst >= 0 && metrics.deadShares[worst] >= DEAD_SHARE) return { kind: 'dead', layer: worst + 1, share: metrics.deadShares[worst] };
  }
  return ratio < WEAK_RATIO ? { kind: 'weak', ratio } : { kind: 'flowing', ratio };
}
