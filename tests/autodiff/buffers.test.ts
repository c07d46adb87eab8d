import { constants, PerformanceObserver } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import {
  add,
  BufferPool,
  backward,
  gelu,
  mul,
  noGrad,
  pow,
  reusingBuffers,
  scalar,
  silu,
  sub,
  sum,
  type Tensor,
  tensor,
  topologicalOrder,
  zeroGrad,
} from '../../src/autodiff/index.ts';
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

/**
 * Heap growth and minor (young-generation) collections while `work` runs; a collection means allocation
 * filled the young generation. Measured again, up to `attempts` times, while a run shows a collection,
 * and the least is kept: optimized code the JIT finished late (its compiler thread short of a core,
 * with other test files beside this one) can leave a run in code that still allocates. Code that
 * allocates on every step collects in every run.
 */
async function leastAllocationDuring(work: () => void, attempts = 3): Promise<{ bytes: number; minorCollections: number }> {
  let least = await allocationDuring(work);
  for (let attempt = 1; attempt < attempts && least.minorCollections > 0; attempt++) {
    const next = await allocationDuring(work);
    if (next.minorCollections < least.minorCollections || (next.minorCollections === least.minorCollections && next.bytes < least.bytes))
      least = next;
  }
  return least;
}

async function allocationDuring(work: () => void): Promise<{ bytes: number; minorCollections: number }> {
  let minorCollections = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if ((entry as unknown as { detail: { kind: number } }).detail.kind === constants.NODE_PERFORMANCE_GC_MINOR) minorCollections++;
  });
  observer.observe({ entryTypes: ['gc'] });
  const before = process.memoryUsage().heapUsed;
  work();
  const bytes = process.memoryUsage().heapUsed - before;
  await new Promise((resolve) => setTimeout(resolve, 20)); // gc entries arrive as a task
  observer.disconnect();
  return { bytes, minorCollections };
}

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

  it('after the first step, steps on the same batch create no array and no node', () => {
    const pool = new BufferPool();
    const { step } = training('tanh', pool);
    const batch = batchOf(32);
    step(batch);
    const afterFirst = { arrays: pool.created, nodes: pool.createdNodes };
    expect(afterFirst.arrays).toBeGreaterThan(20); // values and gradients of every layer's ops
    expect(afterFirst.nodes).toBe(6 + 5 + 1); // 6 linear layers, 5 activations, the loss
    for (let i = 0; i < 10; i++) step(batch);
    expect({ arrays: pool.created, nodes: pool.createdNodes }).toEqual(afterFirst);
  });

  it('refills the same node objects each step, with the same graph as a fresh build', () => {
    const pool = new BufferPool();
    const x = tensor([0.5, -1, 2], [3], 'x');
    const build = () => sum(mul(silu(x), 3));
    const describe = (root: Tensor) => topologicalOrder(root).map((n) => [n.op, n.label, n.inputs.length, Array.from(n.data)]);
    const first = reusingBuffers(pool, build);
    const firstNodes = topologicalOrder(first);
    const second = reusingBuffers(pool, build);
    expect(second).toBe(first); // the same object, refilled
    expect(topologicalOrder(second)).toEqual(firstNodes);
    expect(describe(second)).toEqual(describe(build()));
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

  it('a position refilled with another shape of the same size keeps its arrays and takes the new shape', () => {
    const pool = new BufferPool();
    const wide = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    const tall = tensor([6, 5, 4, 3, 2, 1], [3, 2]);
    const first = reusingBuffers(pool, () => mul(wide, wide));
    const created = pool.created;
    const second = reusingBuffers(pool, () => mul(tall, tall));
    expect(second).toBe(first);
    expect(pool.created).toBe(created);
    expect(second.shape).toEqual([3, 2]);
    expect(Array.from(second.data)).toEqual([36, 25, 16, 9, 4, 1]);
  });

  it('a position first made under noGrad, then recorded with the same shape, gets a gradient array and the right gradient', () => {
    const pool = new BufferPool();
    const x = scalar(3);
    const square = () => mul(x, x);
    const unrecorded = reusingBuffers(pool, () => noGrad(square));
    expect(unrecorded.requiresGrad).toBe(false);
    const recorded = reusingBuffers(pool, () => {
      const y = square();
      backward(y);
      return y;
    });
    expect(recorded).toBe(unrecorded); // the same node, refitted
    expect(recorded.requiresGrad).toBe(true);
    expect(recorded.grad.length).toBe(1);
    expect(x.grad[0]).toBe(6);
    reusingBuffers(pool, () => noGrad(square)); // and back: no gradient kept for nothing
    expect(recorded.grad.length).toBe(0);
  });

  it('a node the same op makes again takes this use inputs, exponent and a zero gradient, and loses its label', () => {
    const pool = new BufferPool();
    const a = scalar(2, 'a');
    const b = scalar(5, 'b');
    const first = reusingBuffers(pool, () => {
      const y = pow(a, 2);
      y.label = 'y';
      backward(y);
      return y;
    });
    expect(first.grad[0]).toBe(1);
    zeroGrad([a, b]);
    const second = reusingBuffers(pool, () => pow(b, 3));
    expect(second).toBe(first); // the same node, refilled
    expect(second.inputs).toHaveLength(1);
    expect(second.inputs[0]).toBe(b);
    expect([second.op, second.attribute, second.label, second.item(), second.grad[0]]).toEqual(['pow', 3, '', 125, 0]);
    backward(second);
    expect([a.grad[0], b.grad[0]]).toEqual([0, 75]); // 3b²
  });

  it('a constant made again at its position takes this use value, with a zero gradient and no label', () => {
    const pool = new BufferPool();
    const x = scalar(3);
    const first = reusingBuffers(pool, () => {
      const y = add(x, 5);
      backward(y);
      return y;
    });
    const five = first.inputs[1];
    five.label = 'five';
    expect(five.grad[0]).toBe(1);
    const second = reusingBuffers(pool, () => add(x, 7));
    expect(second.inputs[1]).toBe(five); // the same node, refilled
    expect([five.op, five.item(), five.grad[0], five.label, second.item()]).toEqual(['const', 7, 0, '', 10]);
  });

  it('a position that held another op takes the new op, its inputs and, for a constant, a scalar shape', () => {
    const pool = new BufferPool();
    const v = tensor([1, 2, 3], [3], 'v');
    const s = scalar(3, 's');
    reusingBuffers(pool, () => sum(mul(v, v))); // positions 0 and 1: a vector product and its sum
    const y = reusingBuffers(pool, () => {
      const out = add(s, 5); // position 0 a constant, position 1 the sum
      backward(out);
      return out;
    });
    const five = y.inputs[1];
    expect([five.op, five.shape, five.size, five.grad.length, five.item()]).toEqual(['const', [], 1, 1, 5]);
    expect([y.op, y.inputs.length, y.item(), s.grad[0], five.grad[0]]).toEqual(['add', 2, 8, 1, 1]);
    const squared = reusingBuffers(pool, () => pow(s, 2)); // position 0 again: a one-input op where the constant was
    expect([squared.op, squared.inputs.length, squared.attribute, squared.item()]).toEqual(['pow', 1, 2, 9]);
    expect(squared.inputs[0]).toBe(s);
  });

  it('under noGrad, a position that held another op of the same shape takes the new op name', () => {
    const pool = new BufferPool();
    const x = scalar(3);
    const product = reusingBuffers(pool, () => noGrad(() => mul(x, x)));
    const sum = reusingBuffers(pool, () => noGrad(() => add(x, x)));
    expect(sum).toBe(product); // the same node, refilled
    expect([sum.op, sum.item(), sum.inputs.length]).toEqual(['add', 6, 0]);
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
    const created = { arrays: pool.created, nodes: pool.createdNodes };
    const x = tensor([1, 2, 3, 4]);
    mul(x, 2); // outside any use: a new node and arrays, not the pool's
    expect({ arrays: pool.created, nodes: pool.createdNodes }).toEqual(created);
    expect(Array.from(reusingBuffers(pool, () => mul(x, 2)).data)).toEqual([2, 4, 6, 8]); // the pool is usable again
    expect(pool.createdNodes).toBe(created.nodes + 2); // the constant 2 and the product
  });
});

describe('no allocation after the first step', () => {
  it('W3: the worked example rebuilt, differentiated and updated 100,000 times allocates nothing', async () => {
    const leaves = [scalar(2, 'x'), scalar(10, 't'), scalar(2, 'a'), scalar(1, 'b')];
    const [x, t, a, b] = leaves;
    const sgd = new Sgd([a, b], { learningRate: 0.01 });
    const pool = new BufferPool();
    const forwardAndBackward = () => backward(pow(sub(add(mul(b, add(mul(a, x), 5)), 3), t), 2));
    let gradientSum = 0;
    let stepsRun = 0;
    const step = () => {
      a.data[0] = 2;
      b.data[0] = 1;
      zeroGrad(leaves);
      reusingBuffers(pool, forwardAndBackward);
      gradientSum += b.grad[0];
      stepsRun++;
      sgd.step();
    };
    for (let i = 0; i < 20_000; i++) step(); // the JIT settles
    const made = { arrays: pool.created, nodes: pool.createdNodes };
    expect(made).toEqual({ arrays: 16, nodes: 8 }); // 6 ops and 2 constants, each a value and a gradient
    const steps = 100_000;
    gradientSum = 0;
    stepsRun = 0;
    const { bytes, minorCollections } = await leastAllocationDuring(() => {
      for (let i = 0; i < steps; i++) step();
    });
    expect(stepsRun).toBeGreaterThanOrEqual(steps);
    expect(gradientSum).toBe(36 * stepsRun);
    expect([a.data[0], b.data[0]]).toEqual([2 - 0.01 * 8, 1 - 0.01 * 36]);
    expect({ arrays: pool.created, nodes: pool.createdNodes }).toEqual(made);
    // A node, its two arrays and an inputs array are ~200 bytes: 8 per step would be 160 MB here,
    // ten collections of the young generation. One may come anyway if the tests before this one
    // left it nearly full; then the heap shrinks instead of growing.
    expect(minorCollections).toBeLessThanOrEqual(1);
    expect(bytes).toBeLessThan(steps / 10);
  });

  it('W1: a training step (2 → 10×16 → 1, 256 points) creates no array and no node; it allocates only its result objects', async () => {
    const mlp = createMlp({ hiddenLayers: 10, width: 16, activation: 'tanh', initializer: 'xavier', seed: 1 });
    const sgd = new Sgd(mlpParameters(mlp), { learningRate: 0.1 });
    const batch = datasetTensors(makeDataset('twoSpirals', { count: 256, noise: 0, seed: 1 }));
    const pool = new BufferPool();
    const step = () => reusingBuffers(pool, () => trainStep(mlp, sgd, batch));
    for (let i = 0; i < 200; i++) step(); // the JIT settles (its own allocations would count below)
    const made = { arrays: pool.created, nodes: pool.createdNodes };
    const steps = 1000;
    const { bytes, minorCollections } = await leastAllocationDuring(() => {
      for (let i = 0; i < steps; i++) step();
    });
    expect({ arrays: pool.created, nodes: pool.createdNodes }).toEqual(made);
    // The step's result ({ loss, pass }, the pass and its list of pre-activations), where one
    // layer's value and gradient arrays alone are 2 × 32 KB, and its nodes ~5 KB a step.
    expect(minorCollections).toBeLessThanOrEqual(1);
    expect(bytes / steps).toBeLessThan(512);
  });
});
