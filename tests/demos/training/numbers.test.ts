import { describe, expect, it } from 'vitest';
import { boundaryGridSize, MAX_GRID, MIN_GRID } from '../../../src/demos/training/boundary-grid.ts';
import { diagnose } from '../../../src/demos/training/diagnosis.ts';
import { createHistory } from '../../../src/demos/training/history.ts';
import { logDomain, niceCeil } from '../../../src/demos/training/nice.ts';
import type { RunMetrics } from '../../../src/demos/training/trainer.ts';

const metrics = (gradNorms: number[], extra: Partial<RunMetrics> = {}): RunMetrics => ({
  step: 5, loss: 0.69, accuracy: 0.5, gradNorms: Float64Array.from(gradNorms), updateNorms: new Float64Array(gradNorms.length),
  deadShares: new Float64Array(gradNorms.length - 1), diverged: false, ...extra,
});

describe('diagnosis', () => {
  it('reads the ratio of the first to the last layer’s gradient', () => {
    expect(diagnose(metrics([2e-9, 1e-4, 0.1]), 'sigmoid')).toEqual({ kind: 'vanishing', ratio: 2e-8 });
    expect(diagnose(metrics([0.05, 0.1]), 'relu')).toEqual({ kind: 'flowing', ratio: 0.5 });
    expect(diagnose(metrics([2e-4, 0.1]), 'sigmoid')).toEqual({ kind: 'weak', ratio: 2e-3 });
  });

  it('names a stalled network, dead ReLUs and divergence', () => {
    expect(diagnose(metrics([3e-9, 4e-9]), 'sigmoid')).toEqual({ kind: 'stalled', firstLayer: 3e-9 });
    expect(diagnose(metrics([0.05, 0.1, 0.1], { deadShares: Float64Array.of(0.25, 0.75) }), 'relu')).toEqual({ kind: 'dead', layer: 2, share: 0.75 });
    expect(diagnose(metrics([0.05, 0.1, 0.1], { deadShares: Float64Array.of(0.25, 0.75) }), 'tanh').kind).toBe('flowing');
    expect(diagnose(metrics([Number.NaN, 1], { diverged: true, step: 4 }), 'relu')).toEqual({ kind: 'diverged', step: 4 });
    expect(diagnose(metrics([0, 0], { step: 0 }), 'relu')).toEqual({ kind: 'notStarted' });
  });
});

describe('history', () => {
  it('never holds more than its capacity and still spans the whole run', () => {
    const history = createHistory(100);
    for (let step = 1; step <= 100_000; step++) history.add({ step, loss: 1, accuracy: 1, gradNorms: new Float64Array(1) });
    expect(history.entries.length).toBeLessThanOrEqual(100);
    expect(history.entries.length).toBeGreaterThanOrEqual(50);
    expect(history.entries[0].step).toBeLessThan(100_000 / 50);
    expect(history.entries.at(-1)!.step).toBeGreaterThan(100_000 * 0.98);
    const steps = history.entries.map((e) => e.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });
});

describe('axes and grid', () => {
  it('rounds up to 1, 2, 5 × 10ᵏ', () => {
    expect([0.7, 1, 3, 11, 51, 99, 4000].map(niceCeil)).toEqual([1, 1, 5, 20, 100, 100, 5000]);
  });

  it('spans whole decades, at least the minimum, ignoring zeros and NaN', () => {
    expect(logDomain([2e-9, 0.3, 0, Number.NaN], 4)).toEqual([1e-9, 1]);
    expect(logDomain([0.02, 0.05], 4)).toEqual([1e-5, 0.1]);
  });

  it('keeps the boundary grid within its budget', () => {
    expect(boundaryGridSize(10, 16)).toBe(MAX_GRID);
    expect(boundaryGridSize(50, 64)).toBe(MIN_GRID);
    const size = boundaryGridSize(20, 32);
    expect(size * size * (20 * 32 * 32)).toBeLessThanOrEqual(8e6);
  });
});
