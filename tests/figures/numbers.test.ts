import { describe, expect, it } from 'vitest';
import { backpropNumbers } from '../../src/figures/slides/backprop-example.ts';
import { backpropFactorsFigure } from '../../src/figures/slides/backprop-factors.ts';
import { backpropGraphFigure } from '../../src/figures/slides/backprop-graph.ts';
import { DESCENT_EXAMPLE, descentStep } from '../../src/figures/slides/descent-parabola.ts';
import { composedDegree } from '../../src/figures/slides/stacked-functions.ts';
import { gradientChain, magnitudeTex } from '../../src/figures/slides/vanishing-chain.ts';

describe('the backprop worked example', () => {
  it('matches the hand-derived numbers of the talk', () => {
    const n = backpropNumbers();
    expect(n).toMatchObject({ x: 2, t: 10, a: 2, b: 1 });
    expect(n.x1).toBe(9);
    expect(n.y).toBe(12);
    expect(n.phi).toBe(4);
    expect(n.dPhiDy).toBe(4); // 2(y − t)
    expect(n.dyDb).toBe(9); // x₁
    expect(n.dyDx1).toBe(1); // b
    expect(n.dx1Da).toBe(2); // x
    expect(n.dx1Dx).toBe(2); // a
    expect(n.dPhiDb).toBe(36);
    expect(n.dPhiDa).toBe(8);
  });

  it('prints the products in the highlighted figures', () => {
    const labelText = (state: 'gradB' | 'gradA') => backpropGraphFigure(state).labels.map((l) => l.text);
    expect(labelText('gradB')).toContain('∂Φ/∂b=4×9=36');
    expect(labelText('gradA')).toContain('∂Φ/∂a=4×1×2=8');
    const valueTags = (state: 'plain' | 'values') =>
      backpropGraphFigure(state)
        .labels.filter((l) => l.text.startsWith('='))
        .map((l) => l.text);
    expect(valueTags('plain')).toEqual([]);
    expect(valueTags('values').sort()).toEqual(['=1', '=10', '=12', '=2', '=2', '=4', '=9']);
  });

  it('grows the product by one factor per layer towards the input on the summary figure', () => {
    const products = backpropFactorsFigure()
      .labels.filter((l) => l.text.startsWith('='))
      .map((l) => l.text);
    expect(products).toEqual(['=4×9', '=4×1×2', '=4×1×2×⋯']);
  });
});

describe('other figure arithmetic', () => {
  it('takes one descent step from y = 12 to 11', () => {
    expect(descentStep(DESCENT_EXAMPLE)).toMatchObject({ slope: 4, yNew: 11 });
  });

  it('multiplies by σ′(0) = 0.25 per layer', () => {
    const chain = gradientChain(10);
    expect(chain[0]).toBe(1);
    expect(chain[1]).toBeCloseTo(0.25, 12);
    expect(chain[10]).toBeCloseTo(0.25 ** 10, 15);
    expect(magnitudeTex(chain[2])).toBe('0.0625');
    expect(magnitudeTex(chain[10])).toBe('9.5 \\times 10^{-7}');
  });

  it('doubles the degree of composed quadratics up to 1024', () => {
    expect([1, 2, 3, 10].map(composedDegree)).toEqual([2, 4, 8, 1024]);
  });
});
