import { describe, expect, it } from 'vitest';
import { isRecording } from '../../src/autodiff/grad-mode.ts';
import { add, backward, mul, neg, noGrad, scalar, tanh, tensor, topologicalOrder, zeroGrad } from '../../src/autodiff/index.ts';

describe('backward()', () => {
  it('accumulates when a value is used twice: d(x·x)/dx = 2x', () => {
    const x = scalar(3);
    backward(mul(x, x));
    expect(x.grad[0]).toBe(6);
  });

  it('sums the contributions of every path: d(xy + x)/dx = y + 1', () => {
    const x = scalar(3);
    const y = scalar(-5);
    backward(add(mul(x, y), x));
    expect(x.grad[0]).toBe(-4);
    expect(y.grad[0]).toBe(3);
  });

  it('visits a shared node once (diamond): d(tanh(x)·tanh(x))/dx = 2 tanh(x)(1 − tanh²x)', () => {
    const x = scalar(0.7);
    const h = tanh(x);
    backward(mul(h, h));
    const th = Math.tanh(0.7);
    expect(x.grad[0]).toBeCloseTo(2 * th * (1 - th * th), 14);
  });

  it('orders inputs before the values made from them', () => {
    const x = scalar(1);
    const y = mul(x, 2);
    const z = add(y, x);
    const order = topologicalOrder(z);
    expect(order.at(-1)).toBe(z);
    expect(order.indexOf(x)).toBeLessThan(order.indexOf(y));
    expect(order.indexOf(y)).toBeLessThan(order.indexOf(z));
    expect(new Set(order).size).toBe(order.length);
  });

  it('handles a chain of 100,000 nodes without overflowing the stack', () => {
    const x = scalar(1.5);
    let y = x;
    for (let i = 0; i < 100_000; i++) y = neg(y); // an even number of negations: y = x
    expect(topologicalOrder(y)).toHaveLength(100_001);
    backward(y);
    expect(y.item()).toBe(1.5);
    expect(x.grad[0]).toBe(1);
  });

  it('accumulates across calls until zeroGrad', () => {
    const w = tensor([1, 2]);
    backward(mul(w, 3));
    backward(mul(w, 3));
    expect(Array.from(w.grad)).toEqual([6, 6]);
    zeroGrad([w]);
    expect(Array.from(w.grad)).toEqual([0, 0]);
  });
});

describe('noGrad()', () => {
  it('computes values but records no graph', () => {
    const x = scalar(2);
    const y = noGrad(() => mul(add(x, 1), x));
    expect(y.item()).toBe(6);
    expect(y.inputs).toHaveLength(0);
    expect(y.backwardStep).toBeNull();
    // Nothing to differentiate: no gradient array, and backward says so instead of silently doing nothing.
    expect(y.requiresGrad).toBe(false);
    expect(y.grad).toHaveLength(0);
    expect(() => backward(y)).toThrow(/no gradient.*noGrad/);
    expect(x.grad[0]).toBe(0);
  });

  it('restores recording afterwards, even when the computation throws', () => {
    expect(() =>
      noGrad(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(isRecording()).toBe(true);
    const x = scalar(2);
    const y = mul(x, x);
    expect(y.inputs).toEqual([x, x]);
  });
});
