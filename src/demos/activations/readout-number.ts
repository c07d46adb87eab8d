import { superscript } from '../../ui/number-text.ts';

/**
 * A number as plain text for a readout: four decimals for ordinary sizes, and a real power of ten
 * for tiny ones, so that σ′(−10) reads 4.540×10⁻⁵ instead of a misleading 0.0000.
 */
export function readoutNumber(value: number, decimals = 4): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 10 ** -(decimals - 1) && magnitude < 1e6) return value.toFixed(decimals);
  const [mantissa, exponent] = value.toExponential(decimals - 1).split('e');
  return `${mantissa}×10${superscript(Number(exponent))}`;
}

/** The same without trailing zeros, for labels: 0.25, 1, 1.129. */
export function shortReadoutNumber(value: number): string {
  const text = readoutNumber(value);
  return text.includes('.') && !text.includes('×') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
