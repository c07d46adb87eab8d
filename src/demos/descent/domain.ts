import { type Iterate, LARGEST_GAP } from './model.ts';

/**
 * The y-range the parabola is drawn over: centred on t, wide enough for y₀ and every
 * iterate shown, rounded up to a round number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ) so it does
 * not jitter with every small change, and never so wide that Φ at its ends overflows.
 */
export interface PlotDomain {
  readonly center: number;
  readonly halfWidth: number;
}

const MARGIN = 1.15;
const MIN_HALF_WIDTH = 2;
const ROUND_STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];
/** The widest range: every iterate shown fits, and its Φ axis (up to halfWidth² × 1.08) is a finite double. */
export const MAX_HALF_WIDTH = LARGEST_GAP;

export function niceCeil(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const step = ROUND_STEPS.find((m) => m * power >= value) ?? 10;
  return step * power;
}

export function plotDomain(t: number, iterates: readonly Iterate[]): PlotDomain {
  const widest = Math.max(...iterates.map((it) => Math.abs(it.gap)).filter(Number.isFinite));
  return { center: t, halfWidth: Math.min(MAX_HALF_WIDTH, niceCeil(Math.max(MIN_HALF_WIDTH, widest * MARGIN))) };
}

export function sameDomain(p: PlotDomain, q: PlotDomain): boolean {
  return p.center === q.center && p.halfWidth === q.halfWidth;
}
