import { describe, expect, it } from 'vitest';
import { createStepCost, RECENT_CHUNKS } from '../../../src/demos/training/step-cost.ts';

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

  it('is the lowest reading of the recent chunks: chunks stretched by other threads do not raise it, a cost that rose is followed', () => {
    const cost = createStepCost();
    const chunk = (ms: number) => {
      for (let i = 0; i < 5; i++) cost.add(ms);
      cost.endChunk();
    };
    chunk(2);
    chunk(3); // every step of this chunk shared its core
    expect(cost.estimate).toBe(2);
    for (let i = 1; i < RECENT_CHUNKS; i++) chunk(3);
    expect(cost.estimate).toBe(3); // the last RECENT_CHUNKS all took 3: that is the cost now
    chunk(2.5);
    expect(cost.estimate).toBe(2.5);
    cost.endChunk(); // a chunk without steps changes nothing
    expect(cost.estimate).toBe(2.5);
    cost.reset();
    expect(cost.estimate).toBe(Number.POSITIVE_INFINITY);
  });
});
