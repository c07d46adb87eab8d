import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backpropSchema, FOCUS_VALUES, MAX_ITERATIONS, REVEAL_STEPS } from '../../../src/demos/backprop/schema.ts';
import { readState, type StateOf, writeState } from '../../../src/ui/url-state/index.ts';

type State = StateOf<typeof backpropSchema>;

function isValid(state: State): boolean {
  const inRange = (v: number, lo: number, hi: number) => Number.isFinite(v) && v >= lo && v <= hi;
  return (
    inRange(state.x, -5, 5) &&
    inRange(state.t, -20, 20) &&
    inRange(state.a, -5, 5) &&
    inRange(state.b, -5, 5) &&
    inRange(state.alphaA, 0.001, 0.1) &&
    inRange(state.alphaB, 0.001, 0.1) &&
    Number.isInteger(state.step) &&
    inRange(state.step, 0, REVEAL_STEPS) &&
    Number.isInteger(state.iter) &&
    inRange(state.iter, 0, MAX_ITERATIONS) &&
    (FOCUS_VALUES as readonly string[]).includes(state.focus)
  );
}

describe('backprop URL schema', () => {
  it('defaults to the slides’ numbers: x=2, t=10, a=2, b=1', () => {
    const { state, notices } = readState(backpropSchema, '');
    expect(state).toMatchObject({ x: 2, t: 10, a: 2, b: 1, alphaA: 0.01, alphaB: 0.01, step: 0, iter: 0, focus: 'none' });
    expect(notices).toEqual([]);
  });

  it('reads the slide links without notices', () => {
    expect(readState(backpropSchema, 'step=13&focus=b').notices).toEqual([]);
    expect(readState(backpropSchema, 'step=13&focus=a').state).toMatchObject({ step: 13, focus: 'a' });
  });

  it('falls back with a notice for junk, never keeping markup', () => {
    const { state, notices } = readState(backpropSchema, 'step=-5&iter=1e9&focus=<script>alert(1)</script>&zzz=1&x=abc');
    expect(state).toMatchObject({ step: 0, iter: MAX_ITERATIONS, focus: 'none', x: 2 });
    expect(notices.map((n) => n.param).sort()).toEqual(['focus', 'iter', 'step', 'x', 'zzz']);
  });

  it('never throws and always yields a valid state for random query strings', () => {
    const key = fc.constantFrom(...Object.keys(backpropSchema), 'lang', 'from', 'other', '');
    const raw = fc.oneof(fc.string(), fc.double().map(String), fc.integer().map(String), fc.constantFrom(...FOCUS_VALUES));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, raw), { maxLength: 10 }), fc.string(), (pairs, junk) => {
        const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') + junk;
        expect(isValid(readState(backpropSchema, query).state)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips every valid state', () => {
    const state = fc.record({
      x: fc.double({ min: -5, max: 5, noNaN: true }),
      t: fc.double({ min: -20, max: 20, noNaN: true }),
      a: fc.double({ min: -5, max: 5, noNaN: true }),
      b: fc.double({ min: -5, max: 5, noNaN: true }),
      alphaA: fc.double({ min: 0.001, max: 0.1, noNaN: true }),
      alphaB: fc.double({ min: 0.001, max: 0.1, noNaN: true }),
      step: fc.integer({ min: 0, max: REVEAL_STEPS }),
      iter: fc.integer({ min: 0, max: MAX_ITERATIONS }),
      focus: fc.constantFrom(...FOCUS_VALUES),
    });
    fc.assert(
      fc.property(state, (s) => {
        const first = readState(backpropSchema, writeState(backpropSchema, s));
        expect(first.notices).toEqual([]);
        expect(readState(backpropSchema, writeState(backpropSchema, first.state)).state).toEqual(first.state);
      }),
    );
  });
});
