import { ticks } from 'd3-array';
import { powerOfTen } from '../../ui/log-axis.ts';
import type { GradientChain } from './model.ts';

/** Fallback when nothing is above 0 (every gradient exactly 0). */
const EMPTY_DOMAIN: [number, number] = [1e-3, 1e2];
const MIN_DECADES = 2;
/** 10⁻³²³ is the smallest power of ten a double holds (1e-324 is 0): the axis ends there. */
const LOWEST_DECADE = -323;

/**
 * One log-axis domain for every column (so bar heights compare across activations),
 * from whole powers of ten around all non-zero |∂Φ/∂b_k| and ceilings.
 */
export function gradientDomain(chains: readonly GradientChain[]): [number, number] {
  let low = Infinity;
  let high = 0;
  for (const chain of chains) {
    for (const values of [chain.gradients, chain.ceiling]) {
      for (const value of values) {
        const magnitude = Math.abs(value);
        if (magnitude > 0 && Number.isFinite(magnitude)) {
          low = Math.min(low, magnitude);
          high = Math.max(high, magnitude);
        }
      }
    }
  }
  if (high === 0) return EMPTY_DOMAIN;
  const top = Math.ceil(Math.log10(high) + 1e-9);
  const bottom = Math.max(LOWEST_DECADE, Math.min(Math.floor(Math.log10(low) - 1e-9), top - MIN_DECADES));
  return [powerOfTen(bottom), powerOfTen(top)];
}

/**
 * The few powers of ten a slide labels on that axis (two or three, e.g. 1 and 10⁻⁵⁰): at the
 * slide's type size more would crowd a plot a third of the slide high.
 */
export function slideDecadeTicks(domain: readonly [number, number]): number[] {
  return ticks(Math.round(Math.log10(domain[0])), Math.round(Math.log10(domain[1])), 2).map(powerOfTen);
}

/** Half-width of the z axis of the f′ plots: wide enough for the z values, between 4 and 12. */
export function zHalfWidth(chains: readonly GradientChain[]): number {
  let widest = 0;
  for (const chain of chains) for (const z of chain.z) if (Number.isFinite(z)) widest = Math.max(widest, Math.abs(z));
  return Math.min(12, Math.max(4, Math.ceil(widest + 0.5)));
}
