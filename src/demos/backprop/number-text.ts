import { texNumber } from '../../ui/math.ts';

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/** '-12' → '⁻¹²'. */
export function superscript(digits: string): string {
  return [...digits].map((c) => SUPERSCRIPT[c] ?? c).join('');
}

/**
 * A number as plain text (SVG labels, table cells), rounded like `texNumber`:
 * "2.3×10⁻⁸", "−4", "∞", with a real minus sign. Used by both of this worker's demos;
 * it belongs beside `texNumber` in src/ui/math.ts.
 */
export function numberText(value: number, digits = 3): string {
  const tex = texNumber(value, digits);
  if (tex === '\\text{NaN}') return 'NaN';
  if (tex.endsWith('\\infty')) return tex.startsWith('-') ? '−∞' : '∞';
  const power = /^(.*) \\times 10\^\{(-?\d+)\}$/.exec(tex);
  const plain = power ? `${power[1]}×10${superscript(power[2])}` : tex;
  return plain.replace(/^-/, '−');
}
