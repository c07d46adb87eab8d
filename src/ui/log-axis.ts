import { superscript } from './number-text.ts';

/*
 * Ticks and labels for a log axis that may span a few decades or a hundred: whole powers of ten at
 * round exponents (…, 10⁻⁴⁰, 10⁻²⁰, 1), so the labels never crowd however far a gradient falls.
 */

/** 10ᵉ as the nearest double to the decimal (10 ** −20 is one ulp off 1e-20). */
export function powerOfTen(exponent: number): number {
  return Number(`1e${exponent}`);
}

/** At most this many labelled powers of ten on the log axis. */
const MAX_DECADE_TICKS = 5;
const DECADE_STEPS = [1, 2, 5, 10, 20, 25, 50, 100];

/** Powers of ten at round exponents within `domain` (whole powers of ten), at most MAX_DECADE_TICKS of them. */
export function decadeTicks(domain: readonly [number, number]): number[] {
  const top = Math.round(Math.log10(domain[1]));
  const bottom = Math.round(Math.log10(domain[0]));
  const spacing = DECADE_STEPS.find((step) => (top - bottom) / step < MAX_DECADE_TICKS) ?? 100;
  const ticks: number[] = [];
  for (let e = Math.floor(top / spacing) * spacing; e >= bottom; e -= spacing) ticks.push(powerOfTen(e));
  return ticks;
}

/** Axis label for a log axis: only powers of ten are labelled (10⁻⁴⁵), other values stay blank. */
export function powerOfTenLabel(value: number): string {
  const exponent = Math.round(Math.log10(value));
  if (Math.abs(value / 10 ** exponent - 1) > 1e-9) return '';
  return exponent === 0 ? '1' : `10${superscript(exponent)}`;
}
