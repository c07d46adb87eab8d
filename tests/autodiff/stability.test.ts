import { describe, expect, it } from 'vitest';
import type { Tensor } from '../../src/autodiff/index.ts';
import * as ad from '../../src/autodiff/index.ts';

const STABLE_UNARY: Record<string, (x: Tensor) => Tensor> = {
  sigmoid: ad.sigmoid,
  tanh: ad.tanh,
  relu: ad.relu,
  leakyRelu: (x) => ad.leakyRelu(x),
  elu: (x) => ad.elu(x),
  gelu: ad.gelu,
  silu: ad.silu,
  softplus: ad.softplus,
};

const ALL_UNARY: Record<string, (x: Tensor) => Tensor> = {
  ...STABLE_UNARY,
  neg: ad.neg,
  exp: ad.exp,
  log: ad.log,
  pow: (x) => ad.pow(x, 2),
  sum: ad.sum,
  mean: ad.mean,
};

describe('stability at extreme inputs', () => {
  it.each(Object.keys(STABLE_UNARY))('%s: finite value and gradient at ±1000 and ±1e300', (name) => {
    const x = ad.tensor([-1e300, -1000, -50, 50, 1000, 1e300]);
    const y = STABLE_UNARY[name](x);
    ad.backward(y);
    expect(y.data.every(Number.isFinite)).toBe(true);
    expect(x.grad.every(Number.isFinite)).toBe(true);
  });

  it('sigmoid and softplus saturate to the right limits', () => {
    const x = ad.tensor([-1000, 1000]);
    expect(Array.from(ad.sigmoid(x).data)).toEqual([0, 1]);
    expect(Array.from(ad.softplus(x).data)).toEqual([0, 1000]);
  });

  it('tanh is finite everywhere, infinities included', () => {
    const x = ad.tensor([-Infinity, -1e308, 1e308, Infinity]);
    const y = ad.tanh(x);
    ad.backward(y);
    expect(Array.from(y.data)).toEqual([-1, -1, 1, 1]);
    expect(Array.from(x.grad)).toEqual([0, 0, 0, 0]);
  });

  it('binary cross-entropy on logits ±1000 is finite: 0 when right, 1000 when wrong', () => {
    const logits = ad.tensor([1000, -1000, 1000, -1000]);
    const labels = ad.tensor([1, 0, 0, 1]);
    const loss = ad.bceWithLogits(logits, labels);
    ad.backward(loss);
    expect(loss.item()).toBe(2000 / 4);
    expect(Array.from(logits.grad)).toEqual([0, 0, 0.25, -0.25]);
  });
});

describe('NaN inputs', () => {
  // Linear ops have a constant derivative (−1, 1, 1/n), so only their value is NaN.
  const LINEAR = new Set(['neg', 'sum', 'mean']);

  it.each(Object.keys(ALL_UNARY))('%s: NaN in → NaN value (and NaN gradient unless linear), no throw', (name) => {
    const x = ad.tensor([NaN]);
    const y = ALL_UNARY[name](x);
    expect(() => ad.backward(y)).not.toThrow();
    expect(Number.isNaN(y.data[0])).toBe(true);
    expect(Number.isNaN(x.grad[0])).toBe(!LINEAR.has(name));
  });

  it('relu passes nothing back through a unit that is off, not even an infinite gradient (0·∞ would be NaN)', () => {
    const x = ad.tensor([-1, 0, 2]);
    ad.backward(ad.sum(ad.mul(ad.relu(x), Number.POSITIVE_INFINITY)));
    expect(Array.from(x.grad)).toEqual([0, 0, Number.POSITIVE_INFINITY]);
  });

  it('propagates through binary ops, matmul and losses', () => {
    const nan = ad.tensor([NaN, 1], [1, 2]);
    const w = ad.tensor([1, 2], [2, 1]);
    expect(Number.isNaN(ad.matmul(nan, w).item())).toBe(true);
    expect(Number.isNaN(ad.add(nan, 1).data[0])).toBe(true);
    expect(Number.isNaN(ad.bceWithLogits(ad.tensor([NaN]), ad.tensor([1])).item())).toBe(true);
    expect(Number.isNaN(ad.mse(ad.tensor([NaN]), ad.tensor([1])).item())).toBe(true);
  });
});
