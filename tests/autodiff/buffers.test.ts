import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/autodiff/buffers.ts';
import { BufferPool, backward, gelu, mul, reusingBuffers, silu, sum, tensor, zeroGrad } from '../../src/autodiff/index.ts';
import type { ActivationName } from '../../src/nn/activations.ts';
import { datasetTensors, makeDataset } from '../../src/nn/datasets.ts';
import { createMlp, mlpParameters } from '../../src/nn/mlp.ts';
import { Sgd } from '../../src/nn/sgd.ts';
import { type Batch, trainStep } from '../../src/nn/training.ts';

function training(activation: ActivationName, pool: BufferPool | null) {
  const mlp = createMlp({ hiddenLayers: 5, width: 8, activation, initializer: 'xavier', seed: 3 });
  const sgd = new Sgd(mlpParameters(mlp), { learningRate: 0.2, momentum: 0.9 });
  const step = (batch: Batch) => (pool ? reusingBuffers(pool, () => trainStep(mlp, sgd, batch)) : trainStep(mlp, sgd, batch)).loss;
  return { mlp, step };
}

const batchOf = (count: number) => datasetTensors(makeDataset('circles', { count, noise: 0.1, seed: 5 }));

describe('BufferPool and reusingBuffers', () => {
  it.each(['sigmoid', 'relu', 'gelu'] as const)(
    '%s: training with a pool gives exactly the losses and weights of training without',
    (activation) => {
      const batch = batchOf(48);
      const plain = training(activation, null);
      const pooled = training(activation, new BufferPool());
      const plainLosses = Array.from({ length: 30 }, () => plain.step(batch));
      const pooledLosses = Array.from({ length: 30 }, () => pooled.step(batch));
      expect(pooledLosses).toEqual(plainLosses);
      expect(mlpParameters(pooled.mlp).map((p) => Array.from(p.data))).toEqual(mlpParameters(plain.mlp).map((p) => Array.from(p.data)));
    },
  );

  it('after the first step, steps on the same batch create no array', () => {
    const pool = new BufferPool();
    const { step } = training('tanh', pool);
    const batch = batchOf(32);
    step(batch);
    const afterFirst = pool.created;
    expect(afterFirst).toBeGreaterThan(20); // values and gradients of every layer's ops
    for (let i = 0; i < 10; i++) step(batch);
    expect(pool.created).toBe(afterFirst);
  });

  it('a batch of another size gets new arrays and still the same numbers as without a pool', () => {
    const pool = new BufferPool();
    const pooled = training('relu', pool);
    const plain = training('relu', null);
    for (const count of [32, 20, 32, 64]) {
      const batch = batchOf(count);
      expect(pooled.step(batch)).toBe(plain.step(batch));
    }
  });

  it('hands out zero-filled arrays, so reused gradients do not carry the last use over', () => {
    const pool = new BufferPool();
    const x = tensor([0.5, -1, 2]);
    const gradientOnce = () => {
      zeroGrad([x]);
      reusingBuffers(pool, () => backward(sum(mul(silu(x), gelu(x)))));
      return Array.from(x.grad);
    };
    const first = gradientOnce();
    expect(gradientOnce()).toEqual(first);
    expect(gradientOnce()).toEqual(first);
  });

  it('a tensor made in one use is overwritten by the next use of the same pool (the documented price)', () => {
    const pool = new BufferPool();
    const x = tensor([1, 2]);
    const doubled = reusingBuffers(pool, () => mul(x, 2));
    reusingBuffers(pool, () => mul(x, 3));
    expect(Array.from(doubled.data)).toEqual([3, 6]);
  });

  it('refuses a nested use of the same pool, and restores the outer state when compute throws', () => {
    const pool = new BufferPool();
    expect(() => reusingBuffers(pool, () => reusingBuffers(pool, () => 0))).toThrow(/already in use/);
    expect(() =>
      reusingBuffers(pool, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    const created = pool.created;
    allocate(4); // outside any use: a new array, not the pool's
    expect(pool.created).toBe(created);
    expect(reusingBuffers(pool, () => allocate(4))).toHaveLength(4); // the pool is usable again
  });
});
