import { texNumber } from './math.ts';

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** An exponent in superscript digits for plain text and SVG labels: −12 → '⁻¹²'. */
export function superscript(exponent: number | string): string {
  return [...String(exponent)].map((c) => SUPERSCRIPT[c] ?? c).join('');
}

/**
 * A number as plain text (SVG labels, table cells), rounded like `texNumber` for every double
 * (subnormals and the largest ones too): "2.3×10⁻⁸", "−4", "∞", with a real minus sign.
 */
export function numberText(value: number, digits = 3): string {
  const tex = texNumber(value, digits);
  if (tex === '\\text{NaN}') return 'NaN';
  if (tex.endsWith('\\infty')) return tex.startsWith('-') ? '−∞' : '∞';
  const power = /^(.*) \\times 10\^\{(-?\d+)\}$/.exec(tex);
  const plain = power ? `${power[1]}×10${superscript(power[2]!)}` : tex;
  return plain.replace(/^-/, '−');
}

/** A number to be multiplied or subtracted in TeX: negative values and powers of ten get parentheses. */
export function factorTex(value: number, digits = 3): string {
  const tex = texNumber(value, digits);
  return value < 0 || tex.includes('\\times') ? `(${tex})` : tex;
}
