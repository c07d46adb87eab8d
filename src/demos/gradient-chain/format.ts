/** Plain-text numbers for labels and key figures (KaTeX is kept for the product). */
const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

export function superscript(n: number): string {
  return String(n).replace(/[-0-9]/g, (c) => SUPERSCRIPT[c]);
}

/** 0.105, −18.7, 9.54×10⁻⁷: the same thresholds as `texNumber`, so text and formula agree. */
export function plainNumber(value: number, digits = 3): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  let exponent = Math.floor(Math.log10(Math.abs(value)));
  const sign = value < 0 ? '−' : '';
  if (exponent >= -3 && exponent < 5) return sign + String(Number(Math.abs(value).toPrecision(digits)));
  let mantissa = Number((Math.abs(value) / 10 ** exponent).toPrecision(digits));
  if (mantissa >= 10) {
    mantissa = Number((mantissa / 10).toPrecision(digits));
    exponent += 1;
  }
  return `${sign}${mantissa}×10${superscript(exponent)}`;
}

/** Axis label for a log axis: only powers of ten are labelled (10⁻⁴⁵), the minor ticks stay blank. */
export function powerOfTenLabel(value: number): string {
  const exponent = Math.round(Math.log10(value));
  if (Math.abs(value / 10 ** exponent - 1) > 1e-9) return '';
  return exponent === 0 ? '1' : `10${superscript(exponent)}`;
}
