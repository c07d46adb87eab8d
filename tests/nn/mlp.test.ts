import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backward, bceWithLogits, mse, sigmoid, type Tensor, tensor, topologicalOrder } from '../../src/autodiff/index.ts';
import { ACTIVATION_NAMES } from '../../src/nn/activations.ts';
import { INITIALIZER_NAMES } from '../../src/nn/initializers.ts';
import { createMlp, forward, mlpParameters } from '../../src/nn/mlp.ts';
import { maxGradientError, numericalGradients } from '../autodiff/finite-difference.ts';

const base = { activation: 'relu', initializer: 'he', seed: 1 } as const;

describe('createMlp', () => {
  it('builds input → hidden layers → one logit, with weights [fanIn, fanOut] and zero biases', () => {
    const mlp = createMlp({ ...base, hiddenLayers: 10, width: 16 });
    expect(mlp.layers).toHaveLength(11);
    expect(mlp.layers[0].weights.shape).toEqual([2, 16]);
    expect(mlp.layers[5].weights.shape).toEqual([16, 16]);
    expect(mlp.layers[10].weights.shape).toEqual([16, 1]);
    expect(mlp.layers.every((l) => l.bias.data.every((b) => b === 0))).toBe(true);
    expect(mlpParameters(mlp)).toHaveLength(22);
    expect(mlp.layers[0].weights.label).toBe('W1');
  });

  it('accepts depth 1–100 and width 1–256, and nothing else', () => {
    expect(createMlp({ ...base, hiddenLayers: 1, width: 1 }).layers).toHaveLength(2);
    expect(createMlp({ ...base, hiddenLayers: 100, width: 4 }).layers).toHaveLength(101);
    expect(createMlp({ ...base, hiddenLayers: 1, width: 256 }).layers[0].weights.shape).toEqual([2, 256]);
    for (const [hiddenLayers, width] of [
      [0, 4],
      [101, 4],
      [3, 0],
      [3, 257],
      [2.5, 4],
    ]) {
      expect(() => createMlp({ ...base, hiddenLayers, width })).toThrow(RangeError);
    }
  });

  it('same options and seed → identical weights; another seed → different ones', () => {
    const weights = (seed: number) => mlpParameters(createMlp({ ...base, hiddenLayers: 3, width: 8, seed })).map((p) => Array.from(p.data));
    expect(weights(9)).toEqual(weights(9));
    expect(weights(9)).not.toEqual(weights(10));
  });

  it('draws each initializer from its distribution', () => {
    const stats = (initializer: (typeof INITIALIZER_NAMES)[number]) => {
      const w = createMlp({ ...base, initializer, hiddenLayers: 2, width: 200 }).layers[1].weights.data; // 200 × 200
      const mean = w.reduce((s, x) => s + x, 0) / w.length;
      const std = Math.sqrt(w.reduce((s, x) => s + (x - mean) ** 2, 0) / w.length);
      return { std, max: Math.max(...w.map(Math.abs)) };
    };
    const xavierLimit = Math.sqrt(6 / 400);
    expect(stats('xavier').max).toBeLessThanOrEqual(xavierLimit);
    expect(stats('xavier').std).toBeCloseTo(xavierLimit / Math.sqrt(3), 3);
    expect(stats('he').std).toBeCloseTo(Math.sqrt(2 / 200), 3);
    expect(stats('normal').std).toBeCloseTo(1, 1);
    expect(stats('smallUniform').max).toBeLessThanOrEqual(0.5);
    expect(stats('smallUniform').std).toBeCloseTo(1 / Math.sqrt(12), 2);
  });
});

describe('forward', () => {
  it('returns one logit per sample and the pre-activations of every hidden layer', () => {
    const mlp = createMlp({ ...base, hiddenLayers: 3, width: 5 });
    const pass = forward(mlp, tensor(new Float64Array(14), [7, 2]));
    expect(pass.logits.shape).toEqual([7, 1]);
    expect(pass.preActivations).toHaveLength(3);
    expect(pass.preActivations.every((z) => z.shape[0] === 7 && z.shape[1] === 5)).toBe(true);
  });

  it('computes σ(x·W + b) layer by layer (checked by hand for one hidden unit)', () => {
    const mlp = createMlp({ ...base, activation: 'sigmoid', hiddenLayers: 1, width: 1 });
    mlp.layers[0].weights.data.set([0.5, -1]);
    mlp.layers[0].bias.data.set([0.25]);
    mlp.layers[1].weights.data.set([2]);
    mlp.layers[1].bias.data.set([-1]);
    const logit = forward(mlp, tensor([1, 2], [1, 2])).logits.item();
    expect(logit).toBeCloseTo(2 / (1 + Math.exp(-(0.5 - 2 + 0.25))) - 1, 15);
  });
});

describe('gradients of random small MLPs', () => {
  it('match central finite differences for every parameter and input (relative error ≤ 1e-6)', () => {
    fc.assert(
      fc.property(
        fc.record({
          hiddenLayers: fc.integer({ min: 1, max: 3 }),
          width: fc.integer({ min: 1, max: 4 }),
          batch: fc.integer({ min: 1, max: 4 }),
          activation: fc.constantFrom(...ACTIVATION_NAMES),
          initializer: fc.constantFrom(...INITIALIZER_NAMES),
          seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          loss: fc.constantFrom('bce', 'mse'),
        }),
        fc.infiniteStream(fc.double({ min: -2, max: 2, noNaN: true })),
        (options, numbers) => {
          const mlp = createMlp(options);
          // Random biases too, so the check does not depend on their zero start.
          for (const layer of mlp.layers)
            layer.bias.data.forEach((_, i, b) => {
              b[i] = numbers.next().value * 0.5;
            });
          const inputs = tensor(
            Array.from({ length: options.batch * 2 }, () => numbers.next().value),
            [options.batch, 2],
          );
          const targets = tensor(
            Array.from({ length: options.batch }, () => (numbers.next().value > 0 ? 1 : 0)),
            [options.batch, 1],
          );
          const loss = (): Tensor => {
            const { logits } = forward(mlp, inputs);
            return options.loss === 'bce' ? bceWithLogits(logits, targets) : mse(sigmoid(logits), targets);
          };
          const root = loss();
          const kinked = ['relu', 'leakyRelu', 'elu'].includes(options.activation);
          fc.pre(
            !kinked || !topologicalOrder(root).some((n) => n.op === options.activation && n.inputs[0].data.some((v) => Math.abs(v) < 1e-4)),
          );
          backward(root);
          const wrt = [...mlpParameters(mlp), inputs];
          const analytic = wrt.map((t) => Float64Array.from(t.grad));
          expect(maxGradientError(analytic, numericalGradients(loss, wrt))).toBeLessThanOrEqual(1e-6);
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });
});
