const SUPERSCRIPT_DIGITS: Readonly<Record<string, string>> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/** An integer in superscript digits, for powers of ten in plain text and SVG: −5 → ⁻⁵. */
export function superscript(n: number): string {
  return String(n).replace(/[-0-9]/g, (c) => SUPERSCRIPT_DIGITS[c]);
}

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
