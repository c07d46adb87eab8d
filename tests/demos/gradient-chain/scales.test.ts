import { describe, expect, it } from 'vitest';
import { chainInputs } from '../../../src/demos/gradient-chain/chain-inputs.ts';
import { gradientChain } from '../../../src/demos/gradient-chain/model.ts';
import { gradientDomain, slideDecadeTicks } from '../../../src/demos/gradient-chain/scales.ts';
import { CHAIN_ACTIVATIONS, gradientChainSchema } from '../../../src/demos/gradient-chain/schema.ts';
import { decadeTicks } from '../../../src/ui/log-axis.ts';
import { defaultState } from '../../../src/ui/url-state/index.ts';

describe('gradientDomain', () => {
  it('ends above 0 when a gradient is the smallest double (w = 5e-324, a valid URL value)', () => {
    const inputs = chainInputs({ ...defaultState(gradientChainSchema), w: 5e-324 });
    const chains = CHAIN_ACTIVATIONS.map((activation) => gradientChain(activation, inputs));
    expect(chains.some((chain) => chain.gradients.some((g) => g !== 0 && Math.abs(g) < 1e-323))).toBe(true);
    const [low, high] = gradientDomain(chains);
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThanOrEqual(1e-323);
    // A log axis down to 0 would have no lowest decade: its ticks never ended.
    expect(decadeTicks([low, high]).length).toBeLessThanOrEqual(5);
  });
});

describe('slideDecadeTicks', () => {
  it('labels two or three round powers of ten, within the axis, for the slides’ axes', () => {
    expect(slideDecadeTicks([1e-6, 1e1])).toEqual([1e-5, 1]);
    expect(slideDecadeTicks([1e-66, 1e2])).toEqual([1e-50, 1]);
    expect(slideDecadeTicks([1e-1, 1e1])).toEqual([1e-1, 1, 10]);
    for (const bottom of [-323, -100, -45, -12, -3, -2]) {
      const ticks = slideDecadeTicks([10 ** bottom, 100]);
      expect(ticks.length, `10^${bottom}`).toBeGreaterThanOrEqual(2);
      expect(ticks.length, `10^${bottom}`).toBeLessThanOrEqual(3);
      expect(Math.min(...ticks)).toBeGreaterThanOrEqual(10 ** bottom);
    }
  });
});
