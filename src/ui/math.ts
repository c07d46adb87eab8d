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
