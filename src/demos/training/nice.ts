import { powerOfTen } from '../../ui/log-axis.ts';

/** The smallest of 1, 2, 5 × 10ᵏ that is ≥ value (axis ends that change rarely while a run grows). */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * power >= value * (1 - 1e-12)) return m * power;
  return 10 * power;
}

/** A log axis [10^a, 10^b] holding every positive finite value, at least `minDecades` wide. */
export function logDomain(values: Iterable<number>, minDecades: number): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) continue;
    low = Math.min(low, Math.floor(Math.log10(v)));
    high = Math.max(high, Math.ceil(Math.log10(v)));
  }
  if (low > high) [low, high] = [-minDecades, 0];
  if (high - low < minDecades) low = high - minDecades;
  return [powerOfTen(low), powerOfTen(high)];
}
