import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../../src/nn/activations.ts';
import { sceneSettings } from '../../../src/demos/training/scenes.ts';
import type { SceneName } from '../../../src/demos/training/schema.ts';
import { createTrainer } from '../../../src/demos/training/trainer.ts';

/* What each presenter scene is meant to show, checked on the numbers the lab computes (Node, same code as the worker). */
function train(scene: Exclude<SceneName, 'custom'>, activation: ActivationName, steps: number) {
  const { run1: _r1, run2: _r2, run3: _r3, ...settings } = sceneSettings(scene);
  const trainer = createTrainer({ ...settings, activation });
  trainer.step();
  const first = trainer.metrics();
  for (let i = 1; i < steps && !trainer.diverged; i++) trainer.step();
  return { first, last: trainer.metrics() };
}

describe('presenter scenes show what the slides say', () => {
  it('deepSigmoid: layer 1’s gradient starts far below the last layer’s and the loss stays at log 2', () => {
    const { first, last } = train('deepSigmoid', 'sigmoid', 150);
    expect(first.gradNorms[0] / first.gradNorms[first.gradNorms.length - 1]).toBeLessThan(1e-6);
    expect(last.loss).toBeCloseTo(Math.log(2), 2);
    expect(last.accuracy).toBeLessThan(0.7);
  });

  it('reluLearns: ReLU passes 95 % accuracy within 150 steps; sigmoid on the same start does not', () => {
    expect(train('reluLearns', 'relu', 150).last.accuracy).toBeGreaterThan(0.95);
    expect(train('reluLearns', 'sigmoid', 150).last.accuracy).toBeLessThan(0.7);
  });

  it('badInit: the ReLU run diverges within a few steps, sigmoid and tanh stay finite', () => {
    const relu = train('badInit', 'relu', 20).last;
    expect(relu.diverged).toBe(true);
    expect(relu.step).toBeLessThan(10);
    for (const activation of ['sigmoid', 'tanh'] as const) expect(train('badInit', activation, 50).last.diverged).toBe(false);
  });

  it('dawn: at 20 layers sigmoid’s first gradient is below 10⁻¹⁰, ReLU still learns', () => {
    expect(train('dawn', 'sigmoid', 1).first.gradNorms[0]).toBeLessThan(1e-10);
    expect(train('dawn', 'relu', 250).last.accuracy).toBeGreaterThan(0.9);
  });
});
