import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sliderText } from '../../src/ui/controls.ts';
import { texNumber } from '../../src/ui/math.ts';
import { numberText } from '../../src/ui/number-text.ts';

/*
 * Every class of double through both formatters: the text is well formed and, for a finite input,
 * reads back as the input to within the rounding of its digits. Subnormals are the case that once
 * printed "Infinity×10⁻³²³" (10ⁿ underflows to 0 below 10⁻³²³).
 */
const MIN_NORMAL = 2 ** -1022;
const classes = {
  normal: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => Math.abs(v) >= MIN_NORMAL),
  subnormal: fc.double({ min: -MIN_NORMAL, max: MIN_NORMAL, noNaN: true }).filter((v) => v !== 0 && Math.abs(v) < MIN_NORMAL),
  special: fc.constantFrom(
    0,
    -0,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    MIN_NORMAL,
    -MIN_NORMAL,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ),
};
const anyDouble = fc.oneof(classes.normal, classes.subnormal, classes.special);
const digits = fc.integer({ min: 1, max: 8 });

const TEX = /^(?<mantissa>-?\d+(?:\.\d+)?)(?: \\times 10\^\{(?<exponent>-?\d+)\})?$/;
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const PLAIN = /^(?<mantissa>−?\d+(?:\.\d+)?)(?:×10(?<exponent>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$/u;

/** Superscript digits and minus back to ASCII: '⁻³²³' → '-323'. */
const fromSuperscript = (text: string) => [...text].map((c) => (c === '⁻' ? '-' : String(SUPERSCRIPT_DIGITS.indexOf(c)))).join('');

/**
 * Whether mantissa × 10^exponent is `value` to within half a unit in the last of `digits` digits.
 * Both sides are scaled by 10^±10 near the ends of the range, so 1.8 × 10³⁰⁸ (the rounded largest
 * double) does not overflow when read back and a subnormal is compared with full precision.
 */
function readsBackAs(mantissa: string, exponent: number, value: number, digits: number): boolean {
  const shift = exponent > 300 ? -10 : exponent < -300 ? 10 : 0;
  const read = Number(`${mantissa}e${exponent + shift}`);
  const scaled = value * 10 ** shift;
  return Math.abs(read - scaled) <= 0.5 * 10 ** (1 - digits) * Math.abs(scaled) * (1 + 1e-9);
}

describe('texNumber on every class of double', () => {
  it('is well formed and reads back within rounding; NaN and ±∞ are named', () => {
    fc.assert(
      fc.property(anyDouble, digits, (value, d) => {
        const tex = texNumber(value, d);
        if (!Number.isFinite(value)) {
          expect(tex).toBe(Number.isNaN(value) ? '\\text{NaN}' : value > 0 ? '\\infty' : '-\\infty');
          return;
        }
        const parts = TEX.exec(tex)?.groups;
        expect(parts, tex).toBeDefined();
        const exponent = Number(parts!.exponent ?? 0);
        if (parts!.exponent !== undefined) expect(Math.abs(Number(parts!.mantissa))).toBeGreaterThanOrEqual(1);
        if (parts!.exponent !== undefined) expect(Math.abs(Number(parts!.mantissa))).toBeLessThan(10);
        expect(readsBackAs(parts!.mantissa, exponent, value, d), `${value} → ${tex}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('writes the smallest subnormal, the largest double and −0', () => {
    expect(texNumber(Number.MIN_VALUE)).toBe('4.94 \\times 10^{-324}');
    expect(texNumber(-Number.MAX_VALUE)).toBe('-1.8 \\times 10^{308}');
    expect(texNumber(-0)).toBe('0');
  });
});

describe('numberText on every class of double', () => {
  it('is well formed with a real minus sign (U+2212) and reads back within rounding', () => {
    fc.assert(
      fc.property(anyDouble, digits, (value, d) => {
        const text = numberText(value, d);
        expect(text).not.toContain('-');
        expect(text).not.toMatch(/Infinity|undefined|e/);
        if (!Number.isFinite(value)) {
          expect(text).toBe(Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '−∞');
          return;
        }
        const parts = PLAIN.exec(text)?.groups;
        expect(parts, text).toBeDefined();
        expect(parts!.mantissa.startsWith('−')).toBe(value < 0 && text !== '0');
        const mantissa = parts!.mantissa.replace('−', '-');
        const exponent = parts!.exponent === undefined ? 0 : Number(fromSuperscript(parts!.exponent));
        expect(readsBackAs(mantissa, exponent, value, d), `${value} → ${text}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('writes a subnormal as a power of ten, not as Infinity', () => {
    expect(numberText(5e-324)).toBe('4.94×10⁻³²⁴');
    expect(numberText(-1e-320)).toBe('−1×10⁻³²⁰');
  });
});

describe('slider values', () => {
  it('print as typed, with a real minus sign, and never in e-notation', () => {
    expect(sliderText(0.0003)).toBe('0.0003');
    expect(sliderText(-12.5)).toBe('\u221212.5');
    expect(sliderText(5e-324)).toBe(numberText(5e-324));
    expect(sliderText(1e21)).toBe(numberText(1e21));
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = sliderText(value);
        expect(text).not.toMatch(/[-e]/);
      }),
    );
  });
});
