import { describe, expect, it } from 'vitest';
import {
  add,
  backward,
  bceWithLogits,
  dataTensor,
  div,
  exp,
  linear,
  log,
  matmul,
  mean,
  mse,
  mul,
  neg,
  pow,
  scalar,
  sub,
  sum,
  type Tensor,
  tensor,
  zeros,
} from '../../src/autodiff/index.ts';
import { maxGradientError, numericalGradients } from './finite-difference.ts';

function values(t: Tensor): number[] {
  return Array.from(t.data);
}

/** Analytic gradients of sum(f()) with respect to `wrt`, next to their finite-difference estimates. */
function checkGradients(f: () => Tensor, wrt: Tensor[]): number {
  const root = sum(f());
  wrt.forEach((t) => {
    t.grad.fill(0);
  });
  backward(root);
  const analytic = wrt.map((t) => Float64Array.from(t.grad));
  return maxGradientError(
    analytic,
    numericalGradients(() => sum(f()), wrt),
  );
}

describe('elementwise arithmetic', () => {
  const a = tensor([1, -2, 3.5]);
  const b = tensor([0.5, 4, -1]);

  it('computes values', () => {
    expect(values(add(a, b))).toEqual([1.5, 2, 2.5]);
    expect(values(sub(a, b))).toEqual([0.5, -6, 4.5]);
    expect(values(mul(a, b))).toEqual([0.5, -8, -3.5]);
    expect(values(div(a, b))).toEqual([2, -0.5, -3.5]);
    expect(values(neg(a))).toEqual([-1, 2, -3.5]);
    expect(values(pow(a, 2))).toEqual([1, 4, 12.25]);
    expect(values(exp(tensor([0, 1])))).toEqual([1, Math.E]);
    expect(values(log(tensor([1, Math.E])))).toEqual([0, 1]);
  });

  it('has gradients that match finite differences', () => {
    const positive = tensor([0.3, 1.7, 2.2]);
    for (const f of [
      () => add(a, b),
      () => sub(a, b),
      () => mul(a, b),
      () => div(a, b),
      () => neg(a),
      () => pow(a, 3),
      () => pow(positive, 0.5),
      () => pow(positive, -1.5),
      () => exp(a),
      () => log(positive),
    ]) {
      expect(checkGradients(f, [a, b, positive])).toBeLessThan(1e-6);
    }
  });

  it('broadcasts a size-1 operand and sums its gradient over the elements', () => {
    const s = scalar(2);
    const v = tensor([1, 2, 3]);
    const y = mul(v, s);
    expect(y.shape).toEqual([3]);
    expect(values(y)).toEqual([2, 4, 6]);
    backward(sum(y));
    expect(s.grad[0]).toBe(6);
    expect(Array.from(v.grad)).toEqual([2, 2, 2]);
    expect(values(sub(1, v))).toEqual([0, -1, -2]);
  });

  it('gives an empty result for an empty operand and a scalar, with nothing summed into the scalar’s gradient', () => {
    for (const op of [add, sub, mul, div]) {
      const empty = tensor([], [0]);
      const scalarOperand = scalar(2);
      for (const out of [op(empty, scalarOperand), op(scalarOperand, empty)]) {
        expect(out.shape).toEqual([0]);
        expect(out.size).toBe(0);
        const total = sum(out);
        backward(total);
        expect(total.item()).toBe(0);
      }
      expect(scalarOperand.grad[0]).toBe(0);
    }
  });

  it('rejects shapes that do not match', () => {
    expect(() => add(tensor([1, 2]), tensor([1, 2, 3]))).toThrow(RangeError);
  });

  it('rejects shapes of the same size and rank that are not the same shape, naming both', () => {
    const wide = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    const tall = tensor([1, 2, 3, 4, 5, 6], [3, 2]);
    for (const op of [add, sub, mul, div]) {
      expect(() => op(wide, tall)).toThrow(/shapes \[2, 3\] and \[3, 2\] do not match/);
    }
    expect(() => add(tensor([1, 2, 3]), tensor([1, 2, 3], [3, 1]))).toThrow(RangeError);
    expect(add(wide, tensor([1, 1, 1, 1, 1, 1], [2, 3])).shape).toEqual([2, 3]);
  });
});

describe('leaves', () => {
  it('refuse a shape that does not hold their values, or is not made of whole numbers', () => {
    expect(() => tensor([1, 2, 3], [2, 2])).toThrow(/shape \[2, 2\] does not hold 3 values/);
    expect(() => dataTensor([1, 2], [2.5])).toThrow(/whole number/);
    expect(() => zeros([-1, 2])).toThrow(/whole number/);
    expect(() => zeros([Number.NaN])).toThrow(/whole number/);
    expect(zeros([2, 3]).size).toBe(6);
  });

  it('keep their own copy of the shape', () => {
    const shape = [2, 2];
    const t = tensor([1, 2, 3, 4], shape);
    shape[0] = 4;
    expect(t.shape).toEqual([2, 2]);
  });
});

describe('matmul and linear', () => {
  const A = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
  const B = tensor([7, 8, 9, 10, 11, 12], [3, 2]);

  it('multiplies matrices', () => {
    const C = matmul(A, B);
    expect(C.shape).toEqual([2, 2]);
    // [1 2 3; 4 5 6]·[7 8; 9 10; 11 12] by hand
    expect(values(C)).toEqual([58, 64, 139, 154]);
  });

  it('computes a dense layer x·W + b, the bias added to every row', () => {
    const y = linear(A, B, tensor([10, 20]));
    expect(y.shape).toEqual([2, 2]);
    expect(values(y)).toEqual([68, 84, 149, 174]);
  });

  it('has gradients that match finite differences, for x, W and b', () => {
    const bias = tensor([0.1, -0.2]);
    const weights = tensor([0.3, -0.7, 1.1, 0.4, -0.5, 0.9], [3, 2]);
    expect(checkGradients(() => mul(matmul(A, weights), matmul(A, weights)), [A, weights])).toBeLessThan(1e-6);
    expect(checkGradients(() => mul(linear(A, weights, bias), linear(A, weights, bias)), [A, weights, bias])).toBeLessThan(1e-6);
  });

  it('computes no gradient for data: linear on a dataTensor still gives the weights and bias theirs', () => {
    const bias = tensor([0.1, -0.2]);
    const weights = tensor([0.3, -0.7, 1.1, 0.4, -0.5, 0.9], [3, 2]);
    const data = dataTensor([1, 2, 3, 4, 5, 6], [2, 3]);
    backward(sum(linear(data, weights, bias)));
    expect(data.requiresGrad).toBe(false);
    expect(data.grad).toHaveLength(0);
    // ∂Σ/∂W[p, j] = Σ over rows of x[row, p]; ∂Σ/∂b = rows.
    expect(Array.from(weights.grad)).toEqual([5, 5, 7, 7, 9, 9]);
    expect(Array.from(bias.grad)).toEqual([2, 2]);
  });

  it('rejects incompatible shapes', () => {
    expect(() => matmul(A, A)).toThrow(RangeError);
    expect(() => linear(A, B, tensor([1, 2, 3]))).toThrow(/bias of shape \[3\] does not fit 2 outputs/);
    expect(() => linear(A, A, tensor([1, 2, 3]))).toThrow(/linear: cannot multiply \[2, 3\] by \[2, 3\]/);
  });
});

describe('reductions and losses', () => {
  it('sums and averages to a scalar', () => {
    const x = tensor([1, 2, 3, 6]);
    expect(sum(x).shape).toEqual([]);
    expect(sum(x).item()).toBe(12);
    expect(mean(x).item()).toBe(3);
    backward(mean(x));
    expect(Array.from(x.grad)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('computes mean squared error', () => {
    const p = tensor([1, 2, 3]);
    const t = tensor([1, 4, 0]);
    expect(mse(p, t).item()).toBeCloseTo((0 + 4 + 9) / 3, 15);
    expect(checkGradients(() => mse(p, t), [p, t])).toBeLessThan(1e-6);
  });

  it('computes binary cross-entropy on logits as −[y log σ(z) + (1 − y) log(1 − σ(z))]', () => {
    const z = tensor([-1.5, 0, 2]);
    const y = tensor([0, 1, 1]);
    const sigma = (v: number) => 1 / (1 + Math.exp(-v));
    const expected = -(Math.log(1 - sigma(-1.5)) + Math.log(sigma(0)) + Math.log(sigma(2))) / 3;
    expect(bceWithLogits(z, y).item()).toBeCloseTo(expected, 14);
    expect(checkGradients(() => bceWithLogits(z, y), [z, y])).toBeLessThan(1e-6);
  });

  it('rejects predictions and targets of different sizes', () => {
    expect(() => mse(tensor([1, 2]), tensor([1]))).toThrow(RangeError);
    expect(() => bceWithLogits(tensor([1, 2]), tensor([1]))).toThrow(RangeError);
  });
});
