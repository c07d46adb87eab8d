import katex from 'katex';
import 'katex/dist/katex.min.css';

/** Renders TeX into an element; a bad formula shows KaTeX's red error text instead of throwing. */
export function renderTex(target: HTMLElement, tex: string, displayMode = false): void {
  katex.render(tex, target, { displayMode, throwOnError: false, strict: 'error', output: 'htmlAndMathml' });
}

/**
 * TeX for a number as a demo shows it: `digits` significant digits, plainly for 0.001 ≤ |v| < 10⁵,
 * otherwise as m × 10ⁿ. The digits come from `toExponential`, which rounds the double exactly and
 * carries 9.9996 into 10, and works for every double: dividing by 10ⁿ instead would overflow to ∞
 * below 10⁻³²³, where 10ⁿ is 0. −0 prints as 0.
 */
export function texNumber(value: number, digits = 3): string {
  if (Number.isNaN(value)) return '\\text{NaN}';
  if (!Number.isFinite(value)) return value > 0 ? '\\infty' : '-\\infty';
  if (value === 0) return '0';
  const [mantissa, exponentText] = value.toExponential(digits - 1).split('e');
  const exponent = Number(exponentText);
  if (exponent >= -3 && exponent < 5) return String(Number(value.toPrecision(digits)));
  return `${Number(mantissa)} \\times 10^{${exponent}}`;
}

/** Smallest type a formula is shrunk to; below it the box scrolls instead (still readable on a phone). */
const MIN_FIT_PX = 11;

/**
 * Shrinks the formula in `box` until it fits the box's width (KaTeX sizes everything in em, so one
 * font size scales it all), so that a narrow screen shows the whole formula instead of cutting it off.
 * KaTeX's fonts load on first use and change every width: while they load, fit again once they have.
 */
export function fitTexToWidth(box: HTMLElement): void {
  const formula = box.querySelector<HTMLElement>('.katex');
  if (!formula) return;
  if (document.fonts.status === 'loading') {
    void document.fonts.ready.then(() => {
      if (formula.isConnected) fitTexToWidth(box);
    });
  }
  formula.style.fontSize = '';
  // Spacing that is not in em (borders, rounding) makes one pass fall short now and then: refine twice.
  for (let pass = 0; pass < 3; pass++) {
    const room = box.clientWidth;
    const needed = box.scrollWidth;
    if (room === 0 || needed <= room) return;
    const size = Number.parseFloat(getComputedStyle(formula).fontSize);
    if (size <= MIN_FIT_PX) return;
    formula.style.fontSize = `${Math.max(MIN_FIT_PX, Math.floor(((size * room) / needed) * 10) / 10)}px`;
  }
}
