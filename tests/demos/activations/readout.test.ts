import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maximumWhere, shortX } from '../../../src/demos/activations/describe-maximum.ts';
import { estimateWidth } from '../../../src/demos/activations/label-size.ts';
import { placeLabels } from '../../../src/demos/activations/place-labels.ts';
import { fixedText, readoutNumber, shortReadoutNumber } from '../../../src/demos/activations/readout-number.ts';
import { superscript } from '../../../src/ui/number-text.ts';

describe('readoutNumber', () => {
  it('writes ordinary values with four decimals', () => {
    expect(readoutNumber(0.25)).toBe('0.2500');
    expect(readoutNumber(-0.98661)).toBe('−0.9866');
    expect(readoutNumber(0)).toBe('0');
  });

  it('writes tiny values with a power of ten instead of 0.0000', () => {
    // σ′(−10) = e⁻¹⁰ / (1 + e⁻¹⁰)² = 4.5396…×10⁻⁵
    expect(readoutNumber(4.5396e-5)).toBe('4.540×10⁻⁵');
    expect(superscript(-12)).toBe('⁻¹²');
  });

  it('drops trailing zeros for labels', () => {
    expect(shortReadoutNumber(0.25)).toBe('0.25');
    expect(shortReadoutNumber(1)).toBe('1');
    expect(shortReadoutNumber(1.1289)).toBe('1.1289');
  });
});

describe('negative numbers as shown', () => {
  it('carry a real minus sign (U+2212), never a hyphen', () => {
    expect(readoutNumber(-4.5396e-5)).toBe('−4.540×10⁻⁵');
    expect(shortReadoutNumber(-0.25)).toBe('−0.25');
    expect(fixedText(-2, 2)).toBe('−2.00');
    expect(shortX(-1.25)).toBe('−1.25');
    expect(maximumWhere({ value: 1, from: -1, to: 1, lower: { x: -1.5, inclusive: false }, upper: { x: 1.5, inclusive: true } })).toBe(
      '−1.5 < x ≤ 1.5',
    );
  });

  it('drop the sign of a value that rounds to zero', () => {
    expect(fixedText(-0.001, 2)).toBe('0.00');
    expect(fixedText(-0, 2)).toBe('0.00');
    expect(shortX(-0.001)).toBe('0');
  });
});

describe('placeLabels', () => {
  it('never places two labels on top of each other, and keeps them inside the plot', () => {
    const area = { width: 400, height: 240 };
    const label = fc.record({
      text: fc.constantFrom('max 1', 'sigmoid′ max 0.25', 'ReLU′ = 1 (x > 0)'),
      x: fc.double({ min: 0, max: 400, noNaN: true }),
      y: fc.double({ min: 0, max: 240, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(label, { maxLength: 6 }), (labels) => {
        const placed = placeLabels(
          labels.map((l) => ({
            text: l.text,
            candidates: [
              { x: l.x + 10, y: l.y - 8, anchor: 'start' as const },
              { x: l.x - 10, y: l.y - 8, anchor: 'end' as const },
              { x: l.x, y: l.y + 24, anchor: 'middle' as const },
            ],
          })),
          area,
          17,
        );
        const boxes = placed.map((p) => {
          const w = estimateWidth(p.text, 17);
          const left = p.anchor === 'start' ? p.x : p.anchor === 'end' ? p.x - w : p.x - w / 2;
          return { left, right: left + w, top: p.y - 17, bottom: p.y + 0.25 * 17 };
        });
        boxes.forEach((a, i) => {
          expect(a.left).toBeGreaterThanOrEqual(0);
          expect(a.right).toBeLessThanOrEqual(area.width);
          boxes.slice(i + 1).forEach((b) => {
            const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
            expect(overlap).toBe(false);
          });
        });
      }),
    );
  });
});
