import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExpression, phiAt } from '../../../src/demos/backprop/expression.ts';
import { centralDifference } from '../../../src/demos/backprop/finite-difference.ts';
import { walkGraph } from '../../../src/demos/backprop/graph.ts';
import { descentHistory, evaluate } from '../../../src/demos/backprop/iterations.ts';
import { backpropModel } from '../../../src/demos/backprop/model.ts';
import { backpropSchema } from '../../../src/demos/backprop/schema.ts';
import { defaultState } from '../../../src/ui/url-state/index.ts';

const defaults = defaultState(backpropSchema);
const value = (model: ReturnType<typeof backpropModel>, label: string) => model.graph.nodes.find((n) => n.label === label)!.value;

// Ranges of the URL schema, so the properties cover every state a link can ask for.
const inputs = fc.record({
  x: fc.double({ min: -5, max: 5, noNaN: true }),
  t: fc.double({ min: -20, max: 20, noNaN: true }),
  a: fc.double({ min: -5, max: 5, noNaN: true }),
  b: fc.double({ min: -5, max: 5, noNaN: true }),
});
const rate = fc.double({ min: 0.001, max: 0.1, noNaN: true });

describe('the slides’ worked example (x=2, t=10, a=2, b=1)', () => {
  const model = backpropModel(defaults);

  it('forward: x₁ = 2·2+5 = 9, y = 1·9+3 = 12, Φ = (12−10)² = 4', () => {
    expect(value(model, 'x₁')).toBe(9);
    expect(value(model, 'y')).toBe(12);
    expect(value(model, 'Φ')).toBe(4);
  });

  it('backward: ∂Φ/∂b = 2(y−t)·x₁ = 36 and ∂Φ/∂a = 2(y−t)·b·x = 8', () => {
    expect(model.gradient).toEqual({ a: 8, b: 36 });
  });

  it('update: a_new = 2 − 8α_a and b_new = 1 − 36α_b for any learning rates', () => {
    fc.assert(
      fc.property(rate, rate, (alphaA, alphaB) => {
        const { updated } = backpropModel({ ...defaults, alphaA, alphaB });
        expect(updated.a).toBeCloseTo(2 - 8 * alphaA, 12);
        expect(updated.b).toBeCloseTo(1 - 36 * alphaB, 12);
      }),
    );
  });

  it('the second iteration starts from a = 1.92, b = 0.64, where Φ = (0.64·8.84 + 3 − 10)² = 1.80203776', () => {
    const [, second] = descentHistory({ x: 2, t: 10, a: 2, b: 1 }, { a: 0.01, b: 0.01 }, 1);
    expect(second.a).toBeCloseTo(1.92, 14);
    expect(second.b).toBeCloseTo(0.64, 14);
    expect(second.phi).toBeCloseTo(1.80203776, 12);
  });

  it('Φ goes down at every update with the default rates, and blows up with α = 0.03', () => {
    const calm = backpropModel({ ...defaults, iter: 30 }).history.map((r) => r.phi);
    calm.slice(1).forEach((phi, k) => {
      expect(phi).toBeLessThan(calm[k]);
    });
    expect(calm[30]).toBeLessThan(1e-10);
    const wild = backpropModel({ ...defaults, alphaA: 0.03, alphaB: 0.03, iter: 12 });
    expect(wild.history[3].phi).toBeGreaterThan(1000);
    // The bare loop overflows; the model stops before that (divergence.test.ts).
    const raw = descentHistory({ x: 2, t: 10, a: 2, b: 1 }, { a: 0.03, b: 0.03 }, 12);
    expect(Number.isFinite(raw[12].phi)).toBe(false);
    expect(wild.phiIncreased).toBe(true);
  });
});

describe('the graph walked from the engine', () => {
  const { a, b, phi } = buildExpression({ x: 2, t: 10, a: 2, b: 1 });
  const graph = walkGraph(phi, [a, b]);
  const labelOf = (i: number) => graph.nodes[i].label;

  it('has the nodes of x₁ = ax+5, y = bx₁+3, Φ = (y−t)², with the engine’s op names', () => {
    const ops = Object.fromEntries(graph.nodes.map((n) => [n.label, `${n.op}/${n.kind}`]));
    expect(ops).toEqual({
      x: 'input/input',
      t: 'input/input',
      a: 'input/parameter',
      b: 'input/parameter',
      5: 'const/const',
      3: 'const/const',
      ax: 'mul/op',
      'x₁': 'add/op',
      'bx₁': 'mul/op',
      y: 'add/op',
      'y−t': 'sub/op',
      Φ: 'pow/op',
    });
    expect(labelOf(graph.root)).toBe('Φ');
  });

  it('has one edge per op argument, each with its local derivative at the defaults', () => {
    const edges = graph.edges.map((e) => `${labelOf(e.from)}→${labelOf(e.to)} ${e.local}`).sort();
    expect(edges).toEqual(
      ['3→y 1', '5→x₁ 1', 'a→ax 2', 'ax→x₁ 1', 'b→bx₁ 9', 'bx₁→y 1', 't→y−t -1', 'x→ax 2', 'x₁→bx₁ 1', 'y−t→Φ 4', 'y→y−t 1'].sort(),
    );
  });

  it('lists every node after its inputs', () => {
    graph.nodes.forEach((node, i) => {
      node.inputs.forEach((j) => {
        expect(j).toBeLessThan(i);
      });
    });
  });

  it('chain rule: each gradient is the sum over consumers of (their gradient × the edge’s local derivative)', () => {
    fc.assert(
      fc.property(inputs, (v) => {
        const e = buildExpression(v);
        const g = walkGraph(e.phi, [e.a, e.b]);
        g.nodes.forEach((node, i) => {
          const out = g.edges.filter((edge) => edge.from === i);
          const expected = i === g.root ? 1 : out.reduce((s, edge) => s + g.nodes[edge.to].grad * edge.local, 0);
          expect(node.grad).toBeCloseTo(expected, 9);
        });
      }),
    );
  });
});

describe('gradients against independent computations', () => {
  it('match the hand-derived formulas 2(y−t)·b·x and 2(y−t)·x₁ on random inputs', () => {
    fc.assert(
      fc.property(inputs, ({ x, t, a, b }) => {
        const x1 = a * x + 5;
        const y = b * x1 + 3;
        const g = evaluate({ x, t, a, b });
        const scale = 1 + Math.abs(2 * (y - t)) * (Math.abs(b * x) + Math.abs(x1));
        expect(Math.abs(g.gradA - 2 * (y - t) * b * x)).toBeLessThan(1e-12 * scale);
        expect(Math.abs(g.gradB - 2 * (y - t) * x1)).toBeLessThan(1e-12 * scale);
        expect(g.phi).toBeCloseTo((y - t) ** 2, 6);
      }),
    );
  });

  it('agree with central differences of the forward function to 1e-6 (relative, floor 1)', () => {
    fc.assert(
      fc.property(inputs, (v) => {
        const g = evaluate(v);
        const fdA = centralDifference((a) => phiAt({ ...v, a }), v.a);
        const fdB = centralDifference((b) => phiAt({ ...v, b }), v.b);
        expect(Math.abs(fdA - g.gradA)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(g.gradA)));
        expect(Math.abs(fdB - g.gradB)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(g.gradB)));
      }),
      { numRuns: 300 },
    );
  });

  it('central difference of a cubic: (f(v+h) − f(v−h))/2h = 3v² + h² exactly in theory', () => {
    expect(centralDifference((v) => v ** 3, 2, 0.1)).toBeCloseTo(12.01, 10);
  });
});
