import { describe, expect, it } from 'vitest';
import { boundaryGridSize, MAX_GRID, MIN_GRID } from '../../../src/demos/training/boundary-grid.ts';
import {
  createDiagnosisTracker,
  type DiagnosisSample,
  firstToLastRatio,
  HOLD,
  LEARNED_ACCURACY,
  LEARNED_EXIT,
  MIN_SAMPLES,
  readWindow,
  SAMPLE_EVERY,
  WINDOW,
} from '../../../src/demos/training/diagnosis.ts';
import { createHistory } from '../../../src/demos/training/history.ts';
import { logDomain, niceCeil } from '../../../src/demos/training/nice.ts';

type SampleOptions = { loss?: number; accuracy?: number; gradNorms?: number[]; deadShares?: number[] };
const sample = (
  step: number,
  { loss = 0.69, accuracy = 0.5, gradNorms = [0.05, 0.1], deadShares = [0] }: SampleOptions = {},
): DiagnosisSample => ({ step, loss, accuracy, gradNorms: Float64Array.from(gradNorms), deadShares: Float64Array.from(deadShares) });
/** `count` samples SAMPLE_EVERY steps apart, each from `at(i)`. */
const samples = (count: number, at: (i: number) => SampleOptions) =>
  Array.from({ length: count }, (_, i) => sample((i + 1) * SAMPLE_EVERY, at(i)));

describe('diagnosis of one window', () => {
  it('calls a falling loss learning, and says when layer 1 hardly gets any of it', () => {
    const falling = samples(WINDOW, (i) => ({ loss: 0.69 - 0.01 * i }));
    // Easing down to ln 2 at 50 %: it only learns to say 50 %, which is no learning.
    const towardsChance = samples(WINDOW, (i) => ({ loss: 1.2 - 0.015 * i, accuracy: 0.5 }));
    expect(readWindow(towardsChance, 0.5, false, 'notStarted').kind).toBe('plateau');
    expect(
      readWindow(
        samples(WINDOW, (i) => ({ loss: 1.2 - 0.015 * i, accuracy: 0.7 })),
        0.5,
        false,
        'notStarted',
      ).kind,
    ).toBe('learning');
    // A creeping plateau: enough to be called learning from the start, not enough to leave 'plateau'.
    const creeping = samples(WINDOW, (i) => ({ loss: 0.55 * (1 - 0.001 * i), accuracy: 0.68 }));
    expect(readWindow(creeping, 0.5, false, 'notStarted').kind).toBe('learning');
    expect(readWindow(creeping, 0.5, false, 'plateau').kind).toBe('plateau');
    expect(readWindow(falling, 0.5, false, 'notStarted')).toEqual({ kind: 'learning', ratio: expect.closeTo(0.5, 9) });
    const topOnly = samples(WINDOW, (i) => ({ loss: 0.69 - 0.01 * i, gradNorms: [1e-9, 0.1] }));
    expect(readWindow(topOnly, 1e-8, false, 'notStarted')).toMatchObject({ kind: 'learning', ratio: expect.closeTo(1e-8, 15) });
  });

  it('calls high accuracy learned, and keeps it down to the lower exit threshold', () => {
    expect(
      readWindow(
        samples(WINDOW, () => ({ accuracy: LEARNED_ACCURACY })),
        1,
        false,
        'notStarted',
      ).kind,
    ).toBe('learned');
    const between = samples(WINDOW, () => ({ accuracy: (LEARNED_ACCURACY + LEARNED_EXIT) / 2 }));
    expect(readWindow(between, 1, false, 'notStarted').kind).not.toBe('learned');
    expect(readWindow(between, 1, false, 'learned').kind).toBe('learned');
  });

  it('names the likeliest cause of a loss that stays put', () => {
    const flat = (options: SampleOptions) => samples(WINDOW, () => options);
    // Vanishing now, or from the start even if every layer has since shrunk alike.
    expect(readWindow(flat({ gradNorms: [1e-9, 0.1] }), 1, false, 'notStarted')).toMatchObject({
      kind: 'vanishing',
      ratio: expect.closeTo(1e-8, 15),
    });
    expect(readWindow(flat({ gradNorms: [3e-9, 4e-9] }), 2e-8, false, 'notStarted')).toEqual({ kind: 'vanishing', ratio: 2e-8 });
    expect(readWindow(flat({ deadShares: [0.25, 0.75], gradNorms: [0.05, 0.1, 0.1] }), 1, true, 'notStarted')).toEqual({
      kind: 'dead',
      layer: 2,
      share: 0.75,
    });
    expect(readWindow(flat({ deadShares: [0.25, 0.75], gradNorms: [0.05, 0.1, 0.1] }), 1, false, 'notStarted').kind).toBe('plateau');
    expect(readWindow(flat({ gradNorms: [1e-7, 2e-7] }), 1, false, 'notStarted')).toEqual({ kind: 'stalled', largest: 2e-7 });
    expect(readWindow(flat({ loss: 0.55 }), 1, false, 'notStarted')).toEqual({ kind: 'plateau', loss: 0.55, accuracy: 0.5 });
  });
});

describe('diagnosis over a run', () => {
  it('says the ratio at the start before its first reading, then reads the window', () => {
    const tracker = createDiagnosisTracker([1e-9, 0.1], false);
    expect(tracker.current).toEqual({ kind: 'notStarted', ratio: 1e-8 });
    samples(MIN_SAMPLES - 1, () => ({})).forEach((s) => {
      tracker.add(s);
    });
    expect(tracker.current.kind).toBe('notStarted');
    tracker.add(sample(MIN_SAMPLES * SAMPLE_EVERY));
    expect(tracker.current.kind).toBe('vanishing');
  });

  it('does not flicker: a reading must hold for HOLD samples before it replaces the shown one', () => {
    const tracker = createDiagnosisTracker([0.05, 0.1], false);
    samples(WINDOW, () => ({ loss: 0.5 })).forEach((s) => {
      tracker.add(s);
    });
    expect(tracker.current.kind).toBe('plateau');
    let changes = 0;
    let shown = tracker.current.kind;
    // Accuracy wobbling across the learned threshold every other sample.
    samples(200, (i) => ({ loss: 0.5, accuracy: i % 2 === 0 ? 0.96 : 0.85 })).forEach((s) => {
      tracker.add(s);
      if (tracker.current.kind !== shown) changes++;
      shown = tracker.current.kind;
    });
    expect(changes).toBe(0);
    samples(HOLD, () => ({ loss: 0.5, accuracy: 0.97 })).forEach((s) => {
      tracker.add(s);
    });
    expect(tracker.current.kind).toBe('learned');
  });

  it('shows divergence at once and keeps it', () => {
    const tracker = createDiagnosisTracker([0.05, 0.1], true);
    samples(WINDOW, () => ({ accuracy: 0.99 })).forEach((s) => {
      tracker.add(s);
    });
    tracker.diverged(314);
    samples(WINDOW, () => ({ accuracy: 0.99 })).forEach((s) => {
      tracker.add(s);
    });
    expect(tracker.current).toEqual({ kind: 'diverged', step: 314 });
  });

  it('compares layer 1 with the last layer, and calls a zero last layer no evidence', () => {
    expect(firstToLastRatio([2e-9, 1e-4, 0.1])).toBeCloseTo(2e-8, 20);
    expect(firstToLastRatio([0.3, 0])).toBe(1);
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
