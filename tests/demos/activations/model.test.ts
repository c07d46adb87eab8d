import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maximumWhere } from '../../../src/demos/activations/describe-maximum.ts';
import { clampCrosshair, explorerNumbers, sampleGrid } from '../../../src/demos/activations/model.ts';
import type { ActivationName } from '../../../src/nn/activations.ts';

// Closed forms, written independently of the engine.
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const sigmoidPrime = (x: number) => Math.exp(-x) / (1 + Math.exp(-x)) ** 2;
const tanhPrime = (x: number) => 1 / Math.cosh(x) ** 2;

const stateFor = (show: ActivationName[], range = 6, x = 0) => ({ show, range, x });
const curveOf = (name: ActivationName, range = 6, x = 0) => explorerNumbers(stateFor([name], range, x)).curves[0];

describe('activation explorer model', () => {
  it('finds max σ′ = 1/4 at x = 0 (σ(0)(1 − σ(0)) = ½ · ½)', () => {
    const { maximum } = curveOf('sigmoid');
    expect(maximum.value).toBeCloseTo(0.25, 14);
    expect(maximum.from).toBe(0);
    expect(maximum.to).toBe(0);
    expect(maximumWhere(maximum)).toBe('x = 0');
  });

  it('finds max tanh′ = 1 at x = 0 (sech²(0) = 1)', () => {
    const { maximum } = curveOf('tanh');
    expect(maximum.value).toBeCloseTo(1, 14);
    expect([maximum.from, maximum.to]).toEqual([0, 0]);
  });

  it('keeps the maxima whatever the window (σ′ ≤ 0.25, tanh′ ≤ 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 20, noNaN: true }), (range) => {
        const [s, t] = explorerNumbers(stateFor(['sigmoid', 'tanh'], range)).curves;
        expect(s.maximum.value).toBeCloseTo(0.25, 12);
        expect(t.maximum.value).toBeCloseTo(1, 12);
      }),
      { numRuns: 25 },
    );
  });

  it('has ReLU′ = 1 for every x > 0 and 0 for x ≤ 0, a plateau that starts after 0', () => {
    const { dy, y, maximum } = curveOf('relu');
    const xs = sampleGrid(6);
    xs.forEach((x, i) => {
      expect(dy[i]).toBe(x > 0 ? 1 : 0);
      expect(y[i]).toBe(Math.max(0, x));
    });
    expect(maximum.value).toBe(1);
    expect(maximum.lower).toEqual({ x: 0, inclusive: false });
    expect(maximum.upper).toBeNull();
    expect(maximumWhere(maximum)).toBe('x > 0');
  });

  it('tells ELU (f′(0) = e⁰ = 1) from ReLU: its plateau includes 0', () => {
    expect(maximumWhere(curveOf('elu').maximum)).toBe('x ≥ 0');
    expect(maximumWhere(curveOf('leakyRelu').maximum)).toBe('x > 0');
  });

  it('matches the closed forms of σ, σ′ and tanh′ on the whole grid', () => {
    const [s, t] = explorerNumbers(stateFor(['sigmoid', 'tanh'], 10)).curves;
    sampleGrid(10).forEach((x, i) => {
      expect(s.y[i]).toBeCloseTo(sigmoid(x), 14);
      expect(s.dy[i]).toBeCloseTo(sigmoidPrime(x), 14);
      expect(t.y[i]).toBeCloseTo(Math.tanh(x), 14);
      expect(t.dy[i]).toBeCloseTo(tanhPrime(x), 14);
    });
  });

  it('has softplus′ = σ', () => {
    const { dy } = curveOf('softplus', 8);
    sampleGrid(8).forEach((x, i) => {
      expect(dy[i]).toBeCloseTo(sigmoid(x), 14);
    });
  });

  it('reads f and f′ at the crosshair from the closed forms (x = 2)', () => {
    const numbers = explorerNumbers(stateFor(['sigmoid', 'tanh', 'relu'], 6, 2));
    const [s, t, r] = numbers.curves.map((c) => c.atCrosshair);
    expect(numbers.crosshair).toBe(2);
    expect(s.y).toBeCloseTo(sigmoid(2), 14);
    expect(s.dy).toBeCloseTo(sigmoidPrime(2), 14); // 0.104994…
    expect(t.dy).toBeCloseTo(tanhPrime(2), 14); // 0.070651…
    expect(r).toEqual({ y: 2, dy: 1 });
  });

  it('keeps the crosshair inside the window', () => {
    expect(clampCrosshair(5, 3)).toBe(3);
    expect(clampCrosshair(-5, 3)).toBe(-3);
    expect(explorerNumbers(stateFor(['relu'], 2, 7)).crosshair).toBe(2);
  });

  it('puts x = 0 on the grid and spans exactly −range … range', () => {
    const xs = sampleGrid(7.3);
    expect(xs[0]).toBe(-7.3);
    expect(xs[xs.length - 1]).toBe(7.3);
    expect(xs[(xs.length - 1) / 2]).toBe(0);
  });

  it('always shows 0 … 1 on the f′ axis, so σ′ looks as small as it is', () => {
    const { dfDomain } = explorerNumbers(stateFor(['sigmoid']));
    expect(dfDomain[0]).toBeLessThan(0);
    expect(dfDomain[1]).toBeGreaterThan(1);
  });

  it('handles an empty selection', () => {
    const numbers = explorerNumbers(stateFor([]));
    expect(numbers.curves).toEqual([]);
    expect(numbers.fDomain.every(Number.isFinite)).toBe(true);
  });
});
