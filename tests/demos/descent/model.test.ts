import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plotDomain } from '../../../src/demos/descent/domain.ts';
import { descend, descentModel, isShowable, LARGEST_GAP, lossAndSlope, lossCurve } from '../../../src/demos/descent/model.ts';
import { gapFactor, regimeOf } from '../../../src/demos/descent/regime.ts';
import { descentSchema, MAX_STEPS } from '../../../src/demos/descent/schema.ts';

const alpha = fc.double({ min: 0.01, max: 1.2, noNaN: true });
const position = fc.double({ min: -20, max: 20, noNaN: true });

describe('Φ(y) = (y − t)² through the engine', () => {
  it('gives Φ and Φ′ = 2(y − t) (hand-derived) at a few points', () => {
    expect(lossAndSlope(15, 10)).toEqual({ gap: 5, phi: 25, slope: 10 });
    expect(lossAndSlope(7.5, 10)).toEqual({ gap: -2.5, phi: 6.25, slope: -5 });
    expect(Array.from(lossCurve([8, 10, 13], 10))).toEqual([4, 0, 9]);
  });
});

describe('iterates', () => {
  it('follow the closed form y_k − t = (1 − 2α)^k (y₀ − t)', () => {
    fc.assert(
      fc.property(alpha, position, position, fc.integer({ min: 0, max: 50 }), (a, y0, t, steps) => {
        descend(y0, t, a, steps).forEach(({ k, y }) => {
          const expected = (1 - 2 * a) ** k * (y0 - t);
          // A step rounds y − t to within a few ε of |y| + |t|, and each later step multiplies that
          // error by |1 − 2α|, as it does y − t itself: so the error grows with k and with |1 − 2α|^k.
          const growth = Math.max(1, Math.abs(1 - 2 * a) ** k);
          const tolerance = 1e-12 * (k + 1) * (Math.abs(expected) + growth * (Math.abs(y0) + Math.abs(t) + 1));
          expect(Math.abs(y - t - expected)).toBeLessThanOrEqual(tolerance);
        });
      }),
      // A start 7.7e-6 from t at α ≈ 1.18: the error made in y₀ − t, multiplied 45 times by 1.37.
      { numRuns: 300, examples: [[1.1835444838725453, 19.9999923463249, 19.99999999999999, 45]] },
    );
  });

  it('slide 10’s example: from y₀ = 15 with t = 10 and α = 0.1, y goes 15, 14, 13.2, 12.56', () => {
    const ys = descend(15, 10, 0.1, 3).map((it) => it.y);
    [15, 14, 13.2, 12.56].forEach((y, k) => {
      expect(ys[k]).toBeCloseTo(y, 12);
    });
  });

  it('α = 0.5 lands on t in one step; α = 1 bounces between y₀ and 2t − y₀', () => {
    expect(descend(15, 10, 0.5, 1)[1].y).toBe(10);
    expect(descend(15, 10, 1, 4).map((it) => it.y)).toEqual([15, 5, 15, 5, 15]);
  });

  it('the model’s next point is one more step of the same rule', () => {
    const model = descentModel({ alpha: 0.75, y0: 15, t: 10, k: 2 });
    expect(model.iterates.map((it) => it.y)).toEqual([15, 7.5, 11.25]);
    expect(model.next).toBe(9.375);
  });
});

describe('regimes, named from α alone', () => {
  it.each([
    [0.1, 'monotone', 0.8],
    [0.5, 'oneStep', 0],
    [0.75, 'oscillating', -0.5],
    [1, 'stuck', -1],
    [1.1, 'diverging', -1.2],
  ] as const)('α = %s → %s (factor %s)', (a, regime, factor) => {
    expect(regimeOf(a)).toBe(regime);
    expect(gapFactor(a)).toBeCloseTo(factor, 15);
  });

  it('covers the edges: α = 0 does not move, α < 0 moves away', () => {
    expect(regimeOf(0)).toBe('still');
    expect(regimeOf(-0.1)).toBe('diverging');
    expect(regimeOf(0.49)).toBe('monotone');
    expect(regimeOf(0.51)).toBe('oscillating');
    expect(regimeOf(0.99)).toBe('oscillating');
    expect(regimeOf(1.01)).toBe('diverging');
  });

  it('agrees with what the iterates do', () => {
    fc.assert(
      fc.property(alpha, (a) => {
        const gaps = descend(15, 10, a, 3).map((it) => Math.abs(it.gap));
        const regime = regimeOf(a);
        if (regime === 'diverging') expect(gaps[3]).toBeGreaterThan(gaps[0]);
        if (regime === 'monotone' || regime === 'oscillating') expect(gaps[3]).toBeLessThan(gaps[0]);
      }),
    );
  });
});

describe('numbers past the largest double', () => {
  it('are out of the URL’s reach: at its largest α and k, from the farthest start, the next step is finite too', () => {
    const worst = { alpha: descentSchema.alpha.max, y0: descentSchema.y0.min, t: descentSchema.t.max, k: MAX_STEPS };
    const model = descentModel(worst);
    expect(model.iterates).toHaveLength(MAX_STEPS + 1);
    expect(model.iterates.every(isShowable)).toBe(true);
    expect(model.nextIsShowable).toBe(true);
  });

  it('stop the descent at the last iterate whose Φ stays below 10³⁰⁸, and the model says no further step can be shown', () => {
    const model = descentModel({ alpha: 1.2, y0: -20, t: 20, k: 5000 });
    const last = model.iterates[model.iterates.length - 1];
    expect(model.iterates.length).toBeGreaterThan(MAX_STEPS);
    expect(last.k).toBeLessThan(5000);
    expect(model.iterates.every(isShowable)).toBe(true);
    expect([model.next, model.factor].every(Number.isFinite)).toBe(true);
    // One more step and Φ = (y − t)², the first number to overflow, passes 10³⁰⁸.
    expect(model.nextIsShowable).toBe(false);
    expect(Math.abs(model.next - 20)).toBeGreaterThan(LARGEST_GAP);
    expect(lossAndSlope(model.next, 20).phi).toBeGreaterThan(1e308);
  });

  it('leave the plot range finite and holding every iterate shown: Φ at its ends is still a double', () => {
    const iterates = descend(-20, 20, 1.2, 5000);
    const { halfWidth } = plotDomain(20, iterates);
    expect(Number.isFinite(halfWidth ** 2 * 1.08)).toBe(true);
    iterates.forEach((it) => {
      expect(Math.abs(it.gap)).toBeLessThanOrEqual(halfWidth);
    });
  });

  it('never reach a shown iterate, whatever the rate and the start', () => {
    fc.assert(
      fc.property(alpha, position, position, fc.integer({ min: 0, max: 3000 }), (a, y0, t, k) => {
        descend(y0, t, a, k).forEach((it) => {
          expect(isShowable(it)).toBe(true);
        });
      }),
      { numRuns: 40 },
    );
  });
});
