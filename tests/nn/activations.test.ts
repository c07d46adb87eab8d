import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, ACTIVATIONS, type ActivationName, isActivationName, sampleActivation } from '../../src/nn/activations.ts';

/*
 * Each activation's value and derivative, written here independently of the engine
 * (where possible in a different but equivalent form), checked on a grid.
 */
const sigma = (x: number) => 1 / (1 + Math.exp(-x));
const C = Math.sqrt(2 / Math.PI);
const u = (x: number) => C * (x + 0.044715 * x ** 3);

const CLOSED_FORMS: Record<ActivationName, { f: (x: number) => number; df: (x: number) => number }> = {
  sigmoid: { f: sigma, df: (x) => Math.exp(-x) / (1 + Math.exp(-x)) ** 2 },
  tanh: { f: Math.tanh, df: (x) => 1 / Math.cosh(x) ** 2 },
  relu: { f: (x) => Math.max(x, 0), df: (x) => (x > 0 ? 1 : 0) },
  leakyRelu: { f: (x) => (x > 0 ? x : 0.01 * x), df: (x) => (x > 0 ? 1 : 0.01) },
  elu: { f: (x) => (x > 0 ? x : Math.exp(x) - 1), df: (x) => (x > 0 ? 1 : Math.exp(x)) },
  // GELU, tanh approximation: ½x(1 + tanh u); d/dx = ½(1 + tanh u) + ½x sech²(u) u′.
  gelu: {
    f: (x) => 0.5 * x * (1 + Math.tanh(u(x))),
    df: (x) => 0.5 * (1 + Math.tanh(u(x))) + (0.5 * x * C * (1 + 3 * 0.044715 * x * x)) / Math.cosh(u(x)) ** 2,
  },
  silu: { f: (x) => x / (1 + Math.exp(-x)), df: (x) => (1 + Math.exp(-x) + x * Math.exp(-x)) / (1 + Math.exp(-x)) ** 2 },
  softplus: { f: (x) => Math.log(1 + Math.exp(x)), df: sigma },
};

const grid = Array.from({ length: 241 }, (_, i) => -6 + i * 0.05);

describe('the activation table', () => {
  it('lists the eight activations, each once', () => {
    expect([...ACTIVATION_NAMES].sort()).toEqual(['elu', 'gelu', 'leakyRelu', 'relu', 'sigmoid', 'silu', 'softplus', 'tanh']);
    for (const name of ACTIVATION_NAMES) expect(ACTIVATIONS[name].name).toBe(name);
    expect(isActivationName('relu')).toBe(true);
    expect(isActivationName('toString')).toBe(false);
  });

  it.each(ACTIVATION_NAMES)('%s: value and derivative (from backward) match the closed form on a grid', (name) => {
    const { y, dy } = sampleActivation(name, grid);
    grid.forEach((x, i) => {
      expect(y[i]).toBeCloseTo(CLOSED_FORMS[name].f(x), 12);
      expect(dy[i]).toBeCloseTo(CLOSED_FORMS[name].df(x), 12);
    });
  });

  it.each(ACTIVATION_NAMES)('%s: formulas are valid KaTeX', (name) => {
    const { formula, derivative, label } = ACTIVATIONS[name];
    expect(label.length).toBeGreaterThan(0);
    expect(() => katex.renderToString(formula, { throwOnError: true })).not.toThrow();
    expect(() => katex.renderToString(derivative, { throwOnError: true })).not.toThrow();
  });

  it.each(ACTIVATION_NAMES)('%s: formula and derivative are written with its symbol', (name) => {
    const { symbol, formula, derivative } = ACTIVATIONS[name];
    expect(formula.startsWith(`${symbol}(x)`)).toBe(true);
    expect(derivative.startsWith(`${symbol}'(x)`)).toBe(true);
  });

  it('says GELU is the tanh approximation', () => {
    expect(ACTIVATIONS.gelu.formula).toContain('\\tanh');
  });
});

describe('facts the slides rely on', () => {
  it('σ′ peaks at 0.25, at x = 0', () => {
    const xs = Array.from({ length: 2001 }, (_, i) => -10 + i * 0.01);
    const { dy } = sampleActivation('sigmoid', xs);
    const peak = Math.max(...dy);
    expect(peak).toBe(0.25);
    expect(xs[dy.indexOf(peak)]).toBeCloseTo(0, 12);
  });

  it("tanh′(0) = 1 and it is tanh′'s maximum", () => {
    const { dy } = sampleActivation('tanh', [-0.5, 0, 0.5]);
    expect(dy[1]).toBe(1);
    expect(dy[0]).toBeLessThan(1);
    expect(dy[2]).toBeLessThan(1);
  });

  it('derivatives at the kink are defined: relu′(0) = 0, leakyRelu′(0) = 0.01, elu′(0) = 1', () => {
    expect(sampleActivation('relu', [0]).dy[0]).toBe(0);
    expect(sampleActivation('leakyRelu', [0]).dy[0]).toBe(0.01);
    expect(sampleActivation('elu', [0]).dy[0]).toBe(1);
  });

  it('relu′ is exactly 1 for every positive input (no shrinking factor)', () => {
    const { dy } = sampleActivation('relu', [1e-9, 0.5, 3, 1e6]);
    expect(Array.from(dy)).toEqual([1, 1, 1, 1]);
  });
});
