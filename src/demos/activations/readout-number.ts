import { superscript } from '../../ui/number-text.ts';

/** A number's text with a real minus sign (U+2212) in place of the hyphen-minus JavaScript writes. */
export function withMinusSign(text: string): string {
  return text.replace(/^-/, '\u2212');
}

/** `toFixed` as shown: a real minus sign, and none on a value that rounds to zero (0.00, not −0.00). */
export function fixedText(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-[0.]+$/.test(text) ? text.slice(1) : withMinusSign(text);
}

/**
 * A number as plain text for a readout: four decimals for ordinary sizes, and a real power of ten
 * for tiny ones, so that σ′(−10) reads 4.540×10⁻⁵ instead of a misleading 0.0000.
 */
export function readoutNumber(value: number, decimals = 4): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 10 ** -(decimals - 1) && magnitude < 1e6) return fixedText(value, decimals);
  const [mantissa, exponent] = value.toExponential(decimals - 1).split('e');
  return `${withMinusSign(mantissa)}×10${superscript(Number(exponent))}`;
}

/** The same without trailing zeros, for labels: 0.25, 1, 1.129. */
export function shortReadoutNumber(value: number): string {
  const text = readoutNumber(value);
  return text.includes('.') && !text.includes('×') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
