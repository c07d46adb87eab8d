import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/autodiff/index.ts';
import { collapseStack, type LinearLayer, linearNumbers, runStack, stackLayers } from '../../../src/demos/composition/model-linear.ts';
import { BETWEEN_ACTIVATIONS, type BetweenActivation } from '../../../src/demos/composition/schema.ts';

/** W = w_k ⋯ w_1 and B from B ← w_i B + b_i: the collapse written out by hand. */
function collapseByHand(layers: readonly LinearLayer[]): { w: number; b: number } {
  return layers.reduce((acc, l) => ({ w: l.w * acc.w, b: l.w * acc.b + l.b }), { w: 1, b: 0 });
}

const closedForm: Record<BetweenActivation, (z: number) => number> = {
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: Math.tanh,
  relu: (z) => Math.max(0, z),
};

function maxSecondDifference(ys: ArrayLike<number>): number {
  let max = 0;
  for (let i = 1; i + 1 < ys.length; i++) max = Math.max(max, Math.abs(ys[i + 1] - 2 * ys[i] + ys[i - 1]));
  return max;
}
const span = (ys: ArrayLike<number>) => Math.max(...Array.from(ys)) - Math.min(...Array.from(ys));

const cases = fc.record({
  seed: fc.integer({ min: 1, max: 9999 }),
  k: fc.integer({ min: 1, max: 10 }),
  act: fc.constantFrom(...BETWEEN_ACTIVATIONS),
});

describe('stacked linear maps', () => {
  it('collapse to one line W x + B, equal to the product worked out by hand', () => {
    fc.assert(
      fc.property(cases, ({ seed, k, act }) => {
        const numbers = linearNumbers(seed, k, act);
        const byHand = collapseByHand(numbers.layers);
        const scale = Math.max(1, Math.abs(byHand.w), Math.abs(byHand.b));
        expect(Math.abs(numbers.collapsed.w - byHand.w)).toBeLessThan(1e-9 * scale);
        expect(Math.abs(numbers.collapsed.b - byHand.b)).toBeLessThan(1e-9 * scale);
        numbers.xs.forEach((x, i) => {
          expect(Math.abs(numbers.linear[i] - (byHand.w * x + byHand.b))).toBeLessThan(1e-9 * scale * 4);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('has no curvature: every second difference is rounding noise', () => {
    fc.assert(
      fc.property(cases, ({ seed, k, act }) => {
        const { linear } = linearNumbers(seed, k, act);
        expect(maxSecondDifference(linear)).toBeLessThan(1e-9 * Math.max(1, span(linear)));
      }),
      { numRuns: 40 },
    );
  });

  it('bends once an activation sits between layers (k ≥ 2): second differences far from 0', () => {
    fc.assert(
      fc.property(
        cases.filter((c) => c.k >= 2),
        ({ seed, k, act }) => {
          const { xs, bent } = linearNumbers(seed, k, act);
          // Curvature without units: |Δ²y| / h² is y″, times (window width)² / (range of y).
          // A line gives ~1e-10 (see above); a visible bend gives order 1 or more.
          const h = xs[1] - xs[0];
          const width = xs[xs.length - 1] - xs[0];
          expect((maxSecondDifference(bent) / h ** 2) * (width ** 2 / span(bent))).toBeGreaterThan(1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('computes the bent stack as w_k A(⋯A(w_1 x + b_1)⋯) + b_k with the closed-form activations', () => {
    for (const act of BETWEEN_ACTIVATIONS) {
      const { layers, xs, bent } = linearNumbers(7, 4, act);
      xs.forEach((x, i) => {
        const byHand = layers.reduce((h, l, j) => (j < layers.length - 1 ? closedForm[act](l.w * h + l.b) : l.w * h + l.b), x);
        expect(bent[i]).toBeCloseTo(byHand, 9);
      });
    }
  });

  it('puts every bend inside the window: each pre-activation changes sign on the grid', () => {
    for (const act of BETWEEN_ACTIVATIONS) {
      for (const seed of [1, 2, 3, 42]) {
        const { layers, xs } = linearNumbers(seed, 6, act);
        let h = Array.from(xs);
        layers.slice(0, -1).forEach((l) => {
          const z = h.map((v) => l.w * v + l.b);
          expect(Math.min(...z)).toBeLessThan(0);
          expect(Math.max(...z)).toBeGreaterThan(0);
          h = z.map(closedForm[act]);
        });
      }
    }
  });

  it('is the same for the same seed, and a k = 1 stack equals w₁x + b₁ in both panels', () => {
    const xs = [-1, 0, 1];
    expect(stackLayers(5, 3, 'tanh', xs)).toEqual(stackLayers(5, 3, 'tanh', xs));
    const { layers, linear, bent } = linearNumbers(5, 1, 'relu');
    expect(Array.from(bent)).toEqual(Array.from(linear));
    expect(collapseStack(layers)).toEqual(collapseByHand(layers));
  });

  it('runs through the engine with the activation applied k − 1 times', () => {
    const layers = [
      { w: 2, b: -1 },
      { w: -3, b: 0.5 },
    ];
    const y = runStack(layers, 'relu', tensor([0, 1]));
    expect(Array.from(y.data)).toEqual([-3 * Math.max(0, -1) + 0.5, -3 * Math.max(0, 1) + 0.5]);
  });
});
