import { describe, expect, it } from 'vitest';
import { chainInputs } from '../../../src/demos/gradient-chain/chain-inputs.ts';
import { type GradientChainState, gradientChainSchema } from '../../../src/demos/gradient-chain/schema.ts';
import { defaultState } from '../../../src/ui/url-state/index.ts';

const state = (patch: Partial<GradientChainState>): GradientChainState => ({ ...defaultState(gradientChainSchema), ...patch });

describe('chainInputs', () => {
  it('uses w in every layer and pushes x forward by default', () => {
    const inputs = chainInputs(state({ depth: 7, w: 0.8, x: -1.5 }));
    expect([...inputs.weights]).toEqual(new Array(7).fill(0.8));
    expect(inputs.x).toBe(-1.5);
    expect(inputs.zTargets).toBeNull();
  });

  it('draws the same weights for the same seed, and others for another seed', () => {
    const a = chainInputs(state({ depth: 50, init: 'normal', seed: 4 }));
    const b = chainInputs(state({ depth: 50, init: 'normal', seed: 4 }));
    const c = chainInputs(state({ depth: 50, init: 'normal', seed: 5 }));
    expect(a.weights).toEqual(b.weights);
    expect(a.weights).not.toEqual(c.weights);
  });

  it('keeps drawn weights inside the initializer’s range for a 1-in, 1-out layer', () => {
    // Xavier: U(±√(6/(1+1))) = U(±√3); small uniform: U(±0.5).
    const xavier = chainInputs(state({ depth: 100, init: 'xavier', seed: 9 })).weights;
    expect(Math.max(...xavier.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(3));
    const small = chainInputs(state({ depth: 100, init: 'smallUniform', seed: 9 })).weights;
    expect(Math.max(...small.map(Math.abs))).toBeLessThanOrEqual(0.5);
  });

  it('draws z independently of how the weights are chosen', () => {
    const constant = chainInputs(state({ depth: 30, z: 'sampled', seed: 2 }));
    const drawn = chainInputs(state({ depth: 30, z: 'sampled', seed: 2, init: 'he' }));
    expect(constant.zTargets).not.toBeNull();
    expect(constant.zTargets).toEqual(drawn.zTargets);
    expect(constant.weights).not.toEqual(drawn.weights);
  });
});
