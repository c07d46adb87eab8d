import { describe, expect, it } from 'vitest';
import { backward, bceWithLogits, tensor } from '../../src/autodiff/index.ts';
import { deadUnitShares, layerGradientNorms, layerUpdateNorms } from '../../src/nn/diagnostics.ts';
import { createMlp, forward, mlpParameters } from '../../src/nn/mlp.ts';
import { Sgd } from '../../src/nn/sgd.ts';

/** 2 → 1 relu unit → 1 logit with hand-set weights, so every gradient can be derived on paper. */
function tinyNetwork() {
  const mlp = createMlp({ hiddenLayers: 1, width: 1, activation: 'relu', initializer: 'he', seed: 1 });
  mlp.layers[0].weights.data.set([0.5, 1]); // z₁ = 0.5·x₁ + 1·x₂ + 0
  mlp.layers[1].weights.data.set([-2]); //      logit = −2·relu(z₁) + 0
  const inputs = tensor([3, 4], [1, 2]); //     z₁ = 5.5, h = 5.5, logit = −11
  const labels = tensor([1], [1, 1]);
  return { mlp, inputs, labels };
}

describe('layerGradientNorms', () => {
  it('gives ‖∂L/∂W‖ per layer (derived by hand for a tiny network)', () => {
    const { mlp, inputs, labels } = tinyNetwork();
    backward(bceWithLogits(forward(mlp, inputs).logits, labels));
    const delta = 1 / (1 + Math.exp(11)) - 1; // ∂L/∂logit = σ(logit) − y
    // ∂L/∂W₂ = δ·h; ∂L/∂W₁ = δ·W₂·relu′(z₁)·x, whose norm is |2δ|·‖(3, 4)‖ = |2δ|·5
    const norms = layerGradientNorms(mlp);
    expect(norms[1]).toBeCloseTo(Math.abs(delta * 5.5), 14);
    expect(norms[0]).toBeCloseTo(Math.abs(2 * delta) * 5, 14);
  });
});

describe('layerUpdateNorms', () => {
  it('gives ‖ΔW‖ of the last step: η·‖∂L/∂W‖ on a first step without momentum', () => {
    const { mlp, inputs, labels } = tinyNetwork();
    const sgd = new Sgd(mlpParameters(mlp), { learningRate: 0.3 });
    expect(layerUpdateNorms(mlp, sgd)).toEqual([0, 0]);
    backward(bceWithLogits(forward(mlp, inputs).logits, labels));
    const gradients = layerGradientNorms(mlp);
    sgd.step();
    layerUpdateNorms(mlp, sgd).forEach((n, l) => {
      expect(n).toBeCloseTo(0.3 * gradients[l], 14);
    });
  });
});

describe('deadUnitShares', () => {
  it('counts units whose pre-activation is ≤ 0 for every sample', () => {
    const preActivations = [
      tensor([-1, 2, 0, -3, -0.5, 0], [2, 3]), // columns: dead, alive, dead (0 counts as inactive)
      tensor([1, -1], [1, 2]),
    ];
    expect(deadUnitShares({ logits: tensor([0], [1, 1]), preActivations })).toEqual([2 / 3, 0.5]);
  });

  it('reports a whole layer dead when its biases push every unit below zero', () => {
    const mlp = createMlp({ hiddenLayers: 2, width: 4, activation: 'relu', initializer: 'he', seed: 3 });
    mlp.layers[1].bias.data.fill(-100);
    const shares = deadUnitShares(forward(mlp, tensor([0.1, 0.2, -0.3, 0.4], [2, 2])));
    expect(shares[1]).toBe(1);
    // and no gradient reaches the first layer through dead units
    const { logits } = forward(mlp, tensor([0.1, 0.2, -0.3, 0.4], [2, 2]));
    backward(bceWithLogits(logits, tensor([1, 0], [2, 1])));
    expect(layerGradientNorms(mlp)[0]).toBe(0);
  });
});
