import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readableTicks, tickLabelWidth } from '../../../src/demos/descent/axis-ticks.ts';
import { MAX_HALF_WIDTH, plotDomain } from '../../../src/demos/descent/domain.ts';
import { descend } from '../../../src/demos/descent/model.ts';
import { numberText } from '../../../src/ui/number-text.ts';

/** The prediction axis as the parabola view lays it out: 262 (phone) to 650 (projector) pixels long. */
const room = (length: number) => ({ length, before: 90, after: 20, fontSize: 15 });

/** Each tick's label as a span of pixels along the axis. */
function labelSpans(domain: readonly [number, number], length: number) {
  return readableTicks(domain, room(length), numberText).map((value) => {
    const at = ((value - domain[0]) / (domain[1] - domain[0])) * length;
    const half = tickLabelWidth(numberText(value), 15) / 2;
    return { value, left: at - half, right: at + half };
  });
}

describe('prediction axis ticks', () => {
  it('keep the default view’s ticks: 4, 6, … 16 around t = 10', () => {
    expect(readableTicks([4, 16], room(650), numberText)).toEqual([4, 6, 8, 10, 12, 14, 16]);
  });

  it('stay apart, inside the picture and at least two, at every range the URL reaches, on a phone and a projector', () => {
    const alpha = fc.double({ min: 0.01, max: 1.2, noNaN: true });
    const position = fc.double({ min: -20, max: 20, noNaN: true });
    fc.assert(
      fc.property(alpha, position, position, fc.integer({ min: 0, max: 50 }), fc.integer({ min: 262, max: 650 }), (a, y0, t, k, length) => {
        const { center, halfWidth } = plotDomain(t, descend(y0, t, a, k));
        const spans = labelSpans([center - halfWidth, center + halfWidth], length);
        expect(spans.length).toBeGreaterThanOrEqual(2);
        spans.forEach((span, i) => {
          expect(span.left).toBeGreaterThanOrEqual(-90);
          expect(span.right).toBeLessThanOrEqual(length + 20);
          if (i > 0) expect(span.left).toBeGreaterThan(spans[i - 1].right);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('label the worst case of the URL (α = 1.2, k = 50, y₀ − t = −40) in powers of ten with a real minus', () => {
    const { center, halfWidth } = plotDomain(20, descend(-20, 20, 1.2, 50));
    const labels = readableTicks([center - halfWidth, center + halfWidth], room(262), numberText).map((v) => numberText(v));
    expect(labels).toEqual(['−5×10⁸', '0', '5×10⁸']);
  });

  it('still label an axis as wide as the plot range can get', () => {
    const spans = labelSpans([-MAX_HALF_WIDTH, MAX_HALF_WIDTH], 262);
    expect(spans.length).toBeGreaterThanOrEqual(2);
    spans.slice(1).forEach((span, i) => {
      expect(span.left).toBeGreaterThan(spans[i].right);
    });
  });
});
