import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkedInputs } from '../../../src/demos/backprop/expression.ts';
import {
  descend,
  descentHistory,
  divergenceLimit,
  type IterationRecord,
  isSensible,
  type LearningRates,
} from '../../../src/demos/backprop/iterations.ts';
import { backpropModel, reachableIteration } from '../../../src/demos/backprop/model.ts';
import { backpropSchema, MAX_ITERATIONS } from '../../../src/demos/backprop/schema.ts';
import { defaultState } from '../../../src/ui/url-state/index.ts';

const defaults = defaultState(backpropSchema);
const SLIDES: WorkedInputs = { x: 2, t: 10, a: 2, b: 1 };

/** The first record of the bare loop that is not sensible, or null: the oracle for `descend`. */
function firstDiverged(records: readonly IterationRecord[]): number | null {
  const limit = divergenceLimit(records[0].phi);
  const k = records.findIndex((record) => !isSensible(record, limit));
  return k < 0 ? null : k;
}

// The URL schema's ranges, so the properties cover every state a link can ask for.
const inputFields = {
  x: fc.double({ min: -5, max: 5, noNaN: true }),
  t: fc.double({ min: -20, max: 20, noNaN: true }),
  a: fc.double({ min: -5, max: 5, noNaN: true }),
  b: fc.double({ min: -5, max: 5, noNaN: true }),
};
const inputs = fc.record(inputFields);
const rate = fc.double({ min: 0.001, max: 0.1, noNaN: true });
const rates = fc.record({ a: rate, b: rate });
const state = fc
  .record({
    ...inputFields,
    alphaA: rate,
    alphaB: rate,
    iter: fc.integer({ min: 0, max: MAX_ITERATIONS }),
    step: fc.integer({ min: 0, max: backpropSchema.step.max }),
  })
  .map((s) => ({ ...defaults, ...s }));

describe('where a run diverges (iterations.ts)', () => {
  it('Φ = 4 from the slides’ numbers with α = 0.03 stops at the last update before Φ passes 10⁶·max(Φ₀, 1)', () => {
    const raw = descentHistory(SLIDES, { a: 0.03, b: 0.03 }, 12);
    const run = descend(SLIDES, { a: 0.03, b: 0.03 }, 12);
    const limit = divergenceLimit(raw[0].phi);
    expect(limit).toBe(1e6 * Math.max(raw[0].phi, 1));
    expect(run.divergesAt).not.toBeNull();
    const at = run.divergesAt!;
    expect(run.records).toEqual(raw.slice(0, at));
    expect(run.records.every((r) => r.phi <= limit)).toBe(true);
    expect(raw[at].phi).toBeGreaterThan(limit);
    // Well before the numbers overflow: the last record shown is a number a person can read.
    expect(raw.slice(0, at + 2).every((r) => Number.isFinite(r.phi))).toBe(true);
  });

  it('counts Φ past the limit, NaN and ∞ anywhere in a record as diverged; Φ₀ below 1 gets the limit of Φ₀ = 1', () => {
    const record = { a: 1, b: 1, phi: 1, gradA: 1, gradB: 1 };
    expect(isSensible(record, 10)).toBe(true);
    expect(isSensible({ ...record, phi: 11 }, 10)).toBe(false);
    for (const key of Object.keys(record)) {
      expect(isSensible({ ...record, [key]: Number.NaN }, 10)).toBe(false);
      expect(isSensible({ ...record, [key]: Number.NEGATIVE_INFINITY }, 10)).toBe(false);
    }
    expect(divergenceLimit(0)).toBe(divergenceLimit(1));
  });

  it('descend = the bare loop cut before its first diverged record, looking one update ahead', () => {
    fc.assert(
      fc.property(inputs, rates, fc.integer({ min: 0, max: 30 }), (start, r: LearningRates, n) => {
        const raw = descentHistory(start, r, n + 1);
        const first = firstDiverged(raw);
        const run = descend(start, r, n);
        expect(run.divergesAt).toBe(first);
        expect(run.records).toEqual(raw.slice(0, first === null ? n + 1 : Math.min(first, n + 1)));
      }),
      { numRuns: 300 },
    );
  });

  it('on every state the sliders reach, a run that passes the limit never comes back under it', () => {
    // The sliders' grids: x in steps of 0.5 (not 0, where nothing can recover), t in 1, a and b in 0.1.
    const grid = fc.record({
      x: fc.integer({ min: 1, max: 10 }).chain((k) => fc.constantFrom(k / 2, -k / 2)),
      t: fc.integer({ min: -20, max: 20 }),
      a: fc.integer({ min: -50, max: 50 }).map((k) => k / 10),
      b: fc.integer({ min: -50, max: 50 }).map((k) => k / 10),
    });
    fc.assert(
      fc.property(grid, rates, (start, r) => {
        const raw = descentHistory(start, r, MAX_ITERATIONS);
        const limit = divergenceLimit(raw[0].phi);
        const first = raw.findIndex((record) => !(record.phi <= limit));
        if (first < 0) return;
        expect(raw.slice(first).every((record) => !(record.phi <= limit))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('the model of a diverging run (model.ts)', () => {
  const numbersOnScreen = (model: ReturnType<typeof backpropModel>) => [
    ...model.graph.nodes.flatMap((node) => [node.value, node.grad]),
    ...model.graph.edges.map((edge) => edge.local),
    ...Object.values(model.gradient),
    ...Object.values(model.finiteDifference),
    ...Object.values(model.updated),
    ...model.history.flatMap((r) => [r.a, r.b, r.phi, r.gradA, r.gradB]),
  ];

  it('shows only finite numbers for every URL state, at the URL’s update or the last one before divergence', () => {
    fc.assert(
      fc.property(state, (s) => {
        const model = backpropModel(s);
        expect(numbersOnScreen(model).every(Number.isFinite)).toBe(true);
        expect(model.history).toHaveLength(model.iteration + 1);
        expect(model.iteration).toBeLessThanOrEqual(s.iter);
        if (model.iteration < s.iter) expect(model.divergesAt).toBe(model.iteration + 1);
        if (model.divergesAt !== null) expect(model.canIterate).toBe(false);
        const limit = divergenceLimit(model.history[0].phi);
        expect(model.history.every((r) => r.phi <= limit)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('clamps ?alphaA=0.1&alphaB=0.1&iter=100 to the last update before the bare loop passes the limit', () => {
    const s = { ...defaults, alphaA: 0.1, alphaB: 0.1, iter: 100 };
    const model = backpropModel(s);
    const raw = descentHistory(SLIDES, { a: 0.1, b: 0.1 }, 100);
    expect(model.divergesAt).toBe(firstDiverged(raw));
    expect(model.iteration).toBe(firstDiverged(raw)! - 1);
    expect(model.history).toEqual(raw.slice(0, model.iteration + 1));
    expect(model.canIterate).toBe(false);
  });

  it('goes on normally where nothing diverges, and stops at MAX_ITERATIONS', () => {
    const calm = backpropModel({ ...defaults, iter: 40 });
    expect(calm.iteration).toBe(40);
    expect(calm.divergesAt).toBeNull();
    expect(calm.canIterate).toBe(true);
    expect(backpropModel({ ...defaults, iter: MAX_ITERATIONS }).canIterate).toBe(false);
  });

  it('+1 and +10 reach the wanted update, or the last one before divergence', () => {
    expect(reachableIteration(defaults, 10)).toBe(10);
    expect(reachableIteration(defaults, MAX_ITERATIONS + 10)).toBe(MAX_ITERATIONS);
    const wild = { ...defaults, alphaA: 0.03, alphaB: 0.03 };
    const last = backpropModel({ ...wild, iter: MAX_ITERATIONS }).iteration;
    expect(last).toBeLessThan(10);
    expect(reachableIteration(wild, 10)).toBe(last);
    expect(reachableIteration(wild, last - 1)).toBe(last - 1);
  });
});
