import { describe, expect, it } from 'vitest';
import { datasetTensors, makeDataset } from '../../src/nn/datasets.ts';
import { createMlp, mlpParameters } from '../../src/nn/mlp.ts';
import { Sgd } from '../../src/nn/sgd.ts';
import { trainStep } from '../../src/nn/training.ts';

function run(seed: number, steps: number) {
  const dataset = makeDataset('twoSpirals', { count: 64, noise: 0.05, seed });
  const mlp = createMlp({ hiddenLayers: 4, width: 8, activation: 'tanh', initializer: 'xavier', seed });
  const sgd = new Sgd(mlpParameters(mlp), { learningRate: 0.1, momentum: 0.9 });
  const batch = datasetTensors(dataset);
  const losses = Array.from({ length: steps }, () => trainStep(mlp, sgd, batch).loss);
  return { dataset, weights: mlpParameters(mlp).map((p) => Array.from(p.data)), losses };
}

describe('trainStep', () => {
  it('same seed → identical data, weights and loss after 50 steps', () => {
    const a = run(11, 50);
    const b = run(11, 50);
    expect(a.dataset.inputs).toEqual(b.dataset.inputs);
    expect(a.weights).toEqual(b.weights);
    expect(a.losses).toEqual(b.losses);
    expect(run(12, 50).losses.at(-1)).not.toBe(a.losses.at(-1));
  });

  it('lowers the loss on separable blobs', () => {
    const batch = datasetTensors(makeDataset('gaussianBlobs', { count: 64, noise: 0, seed: 2 }));
    const mlp = createMlp({ hiddenLayers: 2, width: 8, activation: 'relu', initializer: 'he', seed: 2 });
    const sgd = new Sgd(mlpParameters(mlp), { learningRate: 0.1, momentum: 0.9 });
    const first = trainStep(mlp, sgd, batch).loss;
    let last = first;
    for (let i = 0; i < 50; i++) last = trainStep(mlp, sgd, batch).loss;
    expect(first).toBeGreaterThan(0.3);
    expect(last).toBeLessThan(0.1);
  });
});
