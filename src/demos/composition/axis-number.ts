import { superscript } from '../../ui/number-text.ts';

const MINUS = '\u2212';

/** Tick text that stays short at any size: 0.5, 120, 5×10⁷, −20; exact powers of ten as 10¹¹⁷. */
export function axisNumber(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e4) return String(Number(value.toPrecision(4))).replace('-', MINUS);
  const exponent = Math.floor(Math.log10(magnitude));
  const mantissa = Number((value / 10 ** exponent).toPrecision(2));
  if (Math.abs(mantissa) === 1) return `${mantissa < 0 ? MINUS : ''}10${superscript(exponent)}`;
  return `${String(mantissa).replace('-', MINUS)}×10${superscript(exponent)}`;
}

/**
 * Log-axis tick text: d3 puts a tick at every 1…9 × 10ⁿ; only powers of ten get a label,
 * plus 2 and 5 × 10ⁿ when the axis spans two decades or less.
 */
export function logAxisNumber(domain: readonly [number, number]): (value: number) => string {
  const decades = Math.log10(domain[1] / domain[0]);
  return (value) => {
    const leading = Number((value / 10 ** Math.floor(Math.log10(value) + 1e-9)).toPrecision(6));
    return leading === 1 || (decades <= 2 && (leading === 2 || leading === 5)) ? axisNumber(value) : '';
  };
}
