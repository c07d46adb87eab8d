import { describe, expect, it } from 'vitest';
import { createStepCost } from '../../../src/demos/training/step-cost.ts';

describe('the cost of a step with a core to itself', () => {
  it('is unknown before a first chunk, then the median step of the chunk before', () => {
    const cost = createStepCost();
    expect(cost.estimate).toBe(Number.POSITIVE_INFINITY);
    // Ten steps of 1.2 ms, two of them stretched while another thread had the core.
    for (const ms of [1.2, 1.2, 1.6, 1.2, 1.2, 1.2, 1.5, 1.2, 1.2, 1.2]) cost.add(ms);
    expect(cost.estimate).toBe(Number.POSITIVE_INFINITY); // only once the chunk is over
    cost.endChunk();
    expect(cost.estimate).toBe(1.2);
  });

  it('is at least 0.85 of the average: when a coarse timer reads most tiny steps as 0, or steps were stretched a lot', () => {
    const stretched = createStepCost();
    for (const ms of [1.2, 1.2, 5, 1.2, 1.2, 1.2, 9, 1.2, 1.2, 1.2]) stretched.add(ms);
    stretched.endChunk();
    expect(stretched.estimate).toBeCloseTo(0.85 * 2.36, 12); // its steps count for at least 0.85 of the time they took
    const cost = createStepCost();
    for (let i = 0; i < 100; i++) cost.add(i % 10 === 0 ? 0.1 : 0); // 100 steps in 1 ms
    cost.endChunk();
    expect(cost.estimate).toBeCloseTo(0.85 * 0.01, 12);
  });

  it('follows the last chunk, and forgets all on reset', () => {
    const cost = createStepCost();
    for (let i = 0; i < 5; i++) cost.add(2);
    cost.endChunk();
    for (let i = 0; i < 5; i++) cost.add(3);
    cost.endChunk();
    expect(cost.estimate).toBe(3);
    cost.endChunk(); // a chunk without steps changes nothing
    expect(cost.estimate).toBe(3);
    cost.reset();
    expect(cost.estimate).toBe(Number.POSITIVE_INFINITY);
  });
});
