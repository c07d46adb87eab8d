import { describe, expect, it } from 'vitest';
import { palette } from '../../src/ui/palette.ts';
import { composite, contrastRatio, isLargeText, parseColor, requiredContrast } from './wcag.ts';

describe('WCAG contrast arithmetic', () => {
  it('parses computed colours', () => {
    expect(parseColor('rgb(29, 78, 216)')).toEqual([29, 78, 216, 1]);
    expect(parseColor('rgba(8, 20, 44, 0.5)')).toEqual([8, 20, 44, 0.5]);
    expect(parseColor('rgb(8 20 44 / 50%)')).toEqual([8, 20, 44, 0.5]);
    expect(parseColor('#c2410c')).toEqual([194, 65, 12, 1]);
    expect(() => parseColor('hsl(0 0% 0%)')).toThrow();
  });

  it('gives the textbook ratios', () => {
    const [white, black] = [parseColor('#ffffff'), parseColor('#000000')];
    expect(contrastRatio(white, black)).toBeCloseTo(21, 5);
    expect(contrastRatio(black, white)).toBeCloseTo(21, 5);
    expect(contrastRatio(white, white)).toBe(1);
    // #767676 on white is the classic smallest grey that passes 4.5:1.
    expect(contrastRatio(parseColor('#767676'), white)).toBeCloseTo(4.54, 2);
  });

  it('composites translucent colours over opaque ones', () => {
    expect(composite([0, 0, 0, 0.5], [255, 255, 255, 1])).toEqual([127.5, 127.5, 127.5, 1]);
    expect(composite([10, 20, 30, 1], [255, 255, 255, 1])).toEqual([10, 20, 30, 1]);
  });

  it('knows large text: 24px, or 18.66px bold', () => {
    expect(isLargeText(24, 400)).toBe(true);
    expect(isLargeText(20, 700)).toBe(true);
    expect(isLargeText(20, 400)).toBe(false);
    expect(requiredContrast(16, 400)).toBe(4.5);
    expect(requiredContrast(28, 400)).toBe(3);
  });

  it('the palette colours the theme uses for text reach 4.5:1 on paper', () => {
    const paper = parseColor(palette.paper);
    for (const name of ['ink', 'muted', 'accent', 'primary'] as const) {
      expect(contrastRatio(parseColor(palette[name]), paper), name).toBeGreaterThanOrEqual(4.5);
    }
  });
});
