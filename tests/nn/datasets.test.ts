import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, datasetTensors, makeDataset } from '../../src/nn/datasets.ts';

const point = (inputs: Float64Array, i: number) => [inputs[2 * i], inputs[2 * i + 1]] as const;

describe('makeDataset', () => {
  it.each(DATASET_NAMES)('%s: count points, balanced 0/1 labels, same seed → same data', (name) => {
    const a = makeDataset(name, { count: 101, noise: 0.1, seed: 5 });
    const b = makeDataset(name, { count: 101, noise: 0.1, seed: 5 });
    const c = makeDataset(name, { count: 101, noise: 0.1, seed: 6 });
    expect(a.count).toBe(101);
    expect(a.inputs).toHaveLength(202);
    expect(a.labels.every((l) => l === 0 || l === 1)).toBe(true);
    expect(a.labels.filter((l) => l === 1)).toHaveLength(50);
    expect(a.inputs).toEqual(b.inputs);
    expect(a.labels).toEqual(b.labels);
    expect(a.inputs).not.toEqual(c.inputs);
    expect(a.inputs.every(Number.isFinite)).toBe(true);
  });

  it('adds noise with the requested standard deviation', () => {
    const clean = makeDataset('twoSpirals', { count: 4000, noise: 0, seed: 1 });
    const noisy = makeDataset('twoSpirals', { count: 4000, noise: 0.2, seed: 1 });
    let sumOfSquares = 0;
    for (let i = 0; i < clean.inputs.length; i++) sumOfSquares += (noisy.inputs[i] - clean.inputs[i]) ** 2;
    expect(Math.sqrt(sumOfSquares / clean.inputs.length)).toBeCloseTo(0.2, 1);
  });

  it('twoSpirals: the two arms are point reflections of each other, within the unit disk', () => {
    const { inputs, count } = makeDataset('twoSpirals', { count: 200, noise: 0, seed: 1 });
    for (let i = 0; i < count; i += 2) {
      const [x0, y0] = point(inputs, i);
      const [x1, y1] = point(inputs, i + 1);
      expect(x1).toBeCloseTo(-x0, 12);
      expect(y1).toBeCloseTo(-y0, 12);
      expect(Math.hypot(x0, y0)).toBeLessThanOrEqual(1);
    }
  });

  it('circles: class 1 inside radius 0.5, class 0 on the ring 0.7–1', () => {
    const { inputs, labels, count } = makeDataset('circles', { count: 300, noise: 0, seed: 2 });
    for (let i = 0; i < count; i++) {
      const r = Math.hypot(...point(inputs, i));
      if (labels[i] === 1) expect(r).toBeLessThan(0.5);
      else expect(r >= 0.7 && r <= 1).toBe(true);
    }
  });

  it('xor: label 1 exactly where the signs of x and y differ', () => {
    const { inputs, labels, count } = makeDataset('xor', { count: 300, noise: 0, seed: 3 });
    for (let i = 0; i < count; i++) {
      const [x, y] = point(inputs, i);
      expect(labels[i]).toBe(x * y < 0 ? 1 : 0);
    }
  });

  it('gaussianBlobs: class means near (−0.5, −0.5) and (0.5, 0.5)', () => {
    const { inputs, labels, count } = makeDataset('gaussianBlobs', { count: 2000, noise: 0, seed: 4 });
    const sums = [0, 0, 0, 0];
    for (let i = 0; i < count; i++) {
      sums[2 * labels[i]] += inputs[2 * i];
      sums[2 * labels[i] + 1] += inputs[2 * i + 1];
    }
    const means = sums.map((s) => s / (count / 2));
    for (const [m, expected] of means.map((m, k) => [m, k < 2 ? -0.5 : 0.5])) expect(Math.abs(m - expected)).toBeLessThan(0.03);
  });

  it('rejects a non-positive count', () => {
    expect(() => makeDataset('xor', { count: 0, noise: 0, seed: 1 })).toThrow(RangeError);
  });

  it('converts to tensors: inputs [count, 2], labels [count, 1]', () => {
    const { inputs, labels } = datasetTensors(makeDataset('xor', { count: 10, noise: 0, seed: 1 }));
    expect(inputs.shape).toEqual([10, 2]);
    expect(labels.shape).toEqual([10, 1]);
  });
});
