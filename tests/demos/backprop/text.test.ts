import { describe, expect, it } from 'vitest';
import { labelTex, partialTex } from '../../../src/demos/backprop/tex.ts';
import { factorTex, numberText, superscript } from '../../../src/ui/number-text.ts';

describe('numberText', () => {
  it('writes numbers as plain text with a real minus sign and powers of ten', () => {
    expect(numberText(36)).toBe('36');
    expect(numberText(-4)).toBe('−4');
    expect(numberText(0.0376)).toBe('0.0376');
    expect(numberText(2.3e-8)).toBe('2.3×10⁻⁸');
    expect(numberText(-1.34e283)).toBe('−1.34×10²⁸³');
    expect(numberText(Infinity)).toBe('∞');
    expect(numberText(-Infinity)).toBe('−∞');
    expect(numberText(NaN)).toBe('NaN');
    expect(superscript('-12')).toBe('⁻¹²');
  });
});

describe('TeX for labels and factors', () => {
  it('turns node labels into TeX, bracketing the ones with an operator', () => {
    expect(labelTex('x₁')).toBe('x_{1}');
    expect(labelTex('bx₁')).toBe('bx_{1}');
    expect(labelTex('y−t')).toBe('(y-t)');
    expect(labelTex('Φ')).toBe('\\Phi');
    expect(partialTex('a')).toBe('\\frac{\\partial \\Phi}{\\partial a}');
  });

  it('brackets negative factors so 4 × (−1) reads right', () => {
    expect(factorTex(9)).toBe('9');
    expect(factorTex(-1)).toBe('(-1)');
    expect(factorTex(0.05953154, 4)).toBe('0.05953');
  });
});
