import katex from 'katex';
import 'katex/dist/katex.min.css';

/** Renders TeX into an element; a bad formula shows KaTeX's red error text instead of throwing. */
export function renderTex(target: HTMLElement, tex: string, displayMode = false): void {
  katex.render(tex, target, { displayMode, throwOnError: false, strict: 'error', output: 'htmlAndMathml' });
}

/** TeX for a number as a demo shows it: scientific notation with a real ×10ⁿ for tiny values. */
export function texNumber(value: number, digits = 3): string {
  if (Number.isNaN(value)) return '\\text{NaN}';
  if (!Number.isFinite(value)) return value > 0 ? '\\infty' : '-\\infty';
  if (value === 0) return '0';
  let exponent = Math.floor(Math.log10(Math.abs(value)));
  if (exponent >= -3 && exponent < 5) return String(Number(value.toPrecision(digits)));
  let mantissa = Number((value / 10 ** exponent).toPrecision(digits));
  // 9.9996e-5 rounds to a mantissa of 10: carry it into the exponent.
  if (Math.abs(mantissa) >= 10) {
    mantissa = Number((mantissa / 10).toPrecision(digits));
    exponent += 1;
  }
  return `${mantissa} \\times 10^{${exponent}}`;
}
