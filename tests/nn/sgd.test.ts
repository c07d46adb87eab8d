import { describe, expect, it } from 'vitest';
import { backward, pow, sub, tensor, zeroGrad } from '../../src/autodiff/index.ts';
import { Sgd } from '../../src/nn/sgd.ts';

describe('Sgd', () => {
  it('applies v ← μv − η∇w, w ← w + v (hand-computed two steps)', () => {
    const w = tensor([1]);
    const sgd = new Sgd([w], { learningRate: 0.1, momentum: 0.9 });
    w.grad[0] = 2;
    sgd.step(); // v = −0.2, w = 0.8
    expect(w.data[0]).toBeCloseTo(0.8, 15);
    expect(sgd.lastUpdate(w)[0]).toBeCloseTo(-0.2, 15);
    sgd.step(); // v = 0.9·(−0.2) − 0.2 = −0.38, w = 0.42
    expect(w.data[0]).toBeCloseTo(0.42, 15);
    expect(sgd.lastUpdate(w)[0]).toBeCloseTo(-0.38, 15);
  });

  it('is plain gradient descent without momentum', () => {
    const w = tensor([1, -1]);
    const sgd = new Sgd([w], { learningRate: 0.5 });
    w.grad.set([1, -4]);
    sgd.step();
    expect(Array.from(w.data)).toEqual([0.5, 1]);
  });

  it('minimizes (w − 3)² with gradients from the engine', () => {
    const w = tensor([0]);
    const sgd = new Sgd([w], { learningRate: 0.1, momentum: 0.5 });
    for (let i = 0; i < 200; i++) {
      zeroGrad([w]);
      backward(pow(sub(w, 3), 2));
      sgd.step();
    }
    expect(w.data[0]).toBeCloseTo(3, 8);
  });

  it('refuses to report a parameter it does not optimize', () => {
    expect(() => new Sgd([], { learningRate: 1 }).lastUpdate(tensor([1]))).toThrow();
  });
});
