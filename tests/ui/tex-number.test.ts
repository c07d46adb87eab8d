import { describe, expect, it } from 'vitest';
import { texNumber } from '../../src/ui/math.ts';
import { numberText } from '../../src/ui/number-text.ts';

describe('texNumber', () => {
  it('writes ordinary magnitudes plainly', () => {
    expect(texNumber(0.25)).toBe('0.25');
    expect(texNumber(36)).toBe('36');
    expect(texNumber(0)).toBe('0');
    expect(texNumber(-1.23456)).toBe('-1.23');
  });

  it('writes tiny and huge values with a power of ten', () => {
    expect(texNumber(0.25 ** 10)).toBe('9.54 \\times 10^{-7}');
    expect(texNumber(2.3e-8)).toBe('2.3 \\times 10^{-8}');
    expect(texNumber(123456)).toBe('1.23 \\times 10^{5}');
  });

  it('carries a mantissa that rounds up to 10 into the exponent', () => {
    expect(texNumber(9.9996e-5)).toBe('1 \\times 10^{-4}');
  });

  it('names non-finite values', () => {
    expect(texNumber(Number.NaN)).toBe('\\text{NaN}');
    expect(texNumber(Number.POSITIVE_INFINITY)).toBe('\\infty');
    expect(texNumber(Number.NEGATIVE_INFINITY)).toBe('-\\infty');
  });
});

describe('numberText', () => {
  it('writes numbers as the key figures show them, rounded like the formulas', () => {
    expect(numberText(0.25)).toBe('0.25');
    expect(numberText(-18.755)).toBe('−18.8');
    expect(numberText(0.25 ** 10)).toBe('9.54×10⁻⁷');
    expect(numberText(0)).toBe('0');
    expect(numberText(1.2e61)).toBe('1.2×10⁶¹');
  });
});
