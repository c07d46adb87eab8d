import { describe, expect, it } from 'vitest';
import { add, backward, mul, pow, scalar, sub } from '../../src/autodiff/index.ts';

// The seed deck's example, derived by hand:
// x₁ = ax + 5 = 9, y = bx₁ + 3 = 12, Φ = (y − t)² = 4,
// ∂Φ/∂b = 2(y − t)·x₁ = 36, ∂Φ/∂a = 2(y − t)·b·x = 8, ∂Φ/∂x = 2(y − t)·b·a = 8, ∂Φ/∂t = −2(y − t) = −4.
function workedExample() {
  const x = scalar(2, 'x');
  const t = scalar(10, 't');
  const a = scalar(2, 'a');
  const b = scalar(1, 'b');
  const x1 = add(mul(a, x), 5);
  const y = add(mul(b, x1), 3);
  const phi = pow(sub(y, t), 2);
  return { x, t, a, b, x1, y, phi };
}

describe('the worked example through the engine', () => {
  it('computes the forward values', () => {
    const { x1, y, phi } = workedExample();
    expect(x1.item()).toBe(9);
    expect(y.item()).toBe(12);
    expect(phi.item()).toBe(4);
  });

  it('computes ∂Φ/∂b = 36 and ∂Φ/∂a = 8 by backward()', () => {
    const { x, t, a, b, phi } = workedExample();
    backward(phi);
    expect(b.grad[0]).toBe(36);
    expect(a.grad[0]).toBe(8);
    expect(x.grad[0]).toBe(8);
    expect(t.grad[0]).toBe(-4);
  });

  it('keeps the graph: op labels and inputs, down to the named leaves and constants', () => {
    const { x, t, a, b, x1, y, phi } = workedExample();
    expect(phi.op).toBe('pow');
    const difference = phi.inputs[0];
    expect(difference.op).toBe('sub');
    expect(difference.inputs).toEqual([y, t]);
    expect(y.op).toBe('add');
    expect(y.inputs[0].op).toBe('mul');
    expect(y.inputs[0].inputs).toEqual([b, x1]);
    expect(y.inputs[1].op).toBe('const');
    expect(y.inputs[1].item()).toBe(3);
    expect(x1.inputs[0].inputs).toEqual([a, x]);
    expect([x.label, t.label, a.label, b.label]).toEqual(['x', 't', 'a', 'b']);
    expect(x.op).toBe('input');
  });
});
