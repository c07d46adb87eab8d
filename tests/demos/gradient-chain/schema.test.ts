import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMPARISONS,
  type GradientChainState,
  gradientChainSchema,
  MAX_DEPTH,
  shownActivations,
  WEIGHT_MODES,
  Z_MODES,
} from '../../../src/demos/gradient-chain/schema.ts';
import { defaultState, readState, writeState } from '../../../src/ui/url-state/index.ts';

const schema = gradientChainSchema;

function isValid(state: GradientChainState): boolean {
  const inRange = (v: number, lo: number, hi: number) => Number.isFinite(v) && v >= lo && v <= hi;
  return (
    Number.isInteger(state.depth) &&
    inRange(state.depth, 1, MAX_DEPTH) &&
    Object.hasOwn(COMPARISONS, state.act) &&
    (WEIGHT_MODES as readonly string[]).includes(state.init) &&
    inRange(state.w, -2, 2) &&
    Number.isInteger(state.seed) &&
    inRange(state.seed, 0, 999) &&
    (Z_MODES as readonly string[]).includes(state.z) &&
    inRange(state.x, -4, 4) &&
    inRange(state.speed, 1, 60) &&
    Object.keys(state).length === Object.keys(schema).length
  );
}

describe('gradient-chain URL schema', () => {
  it('opens on slide 19’s state by default: ten layers, w = 1, x = 2, all three activations, the pulse through the whole chain', () => {
    const { state, notices } = readState(schema, '');
    expect(state).toEqual({ depth: 10, act: 'all', init: 'const', w: 1, seed: 1, z: 'forward', x: 2, step: MAX_DEPTH, speed: 4 });
    expect(notices).toEqual([]);
    expect(shownActivations(state.act)).toEqual(['sigmoid', 'tanh', 'relu']);
  });

  it('reads the links the deck uses', () => {
    expect(readState(schema, 'act=sigmoid').state.act).toBe('sigmoid');
    const slide23 = readState(schema, 'act=sigmoid-relu&depth=100&speed=20');
    expect(slide23.notices).toEqual([]);
    expect(shownActivations(slide23.state.act)).toEqual(['sigmoid', 'relu']);
    expect(slide23.state.depth).toBe(100);
  });

  it.each([
    ['depth=-5', 'depth', 1],
    ['depth=1e9', 'depth', 100],
    ['depth=2.5', 'depth', 3],
    ['act=foo', 'act', 'all'],
    ['act=<script>alert(1)</script>', 'act', 'all'],
    ['init=zeros', 'init', 'const'],
    ['w=NaN', 'w', 1],
    ['w=-7', 'w', -2],
    ['seed=1e6', 'seed', 999],
    ['z=maybe', 'z', 'forward'],
    ['speed=0', 'speed', 1],
  ])('%s falls back to %s = %s with a notice', (query, name, expected) => {
    const { state, notices } = readState(schema, query);
    expect((state as Record<string, unknown>)[name]).toBe(expected);
    expect(notices).toHaveLength(1);
  });

  it('always yields a valid state and never throws, whatever the query string', () => {
    const key = fc.oneof(fc.constantFrom(...Object.keys(schema), 'lang', 'from', 'zzz', '__proto__', 'constructor'), fc.string());
    const value = fc.oneof(
      fc.string(),
      fc.double().map(String),
      fc.integer().map(String),
      fc.constantFrom('', 'NaN', 'Infinity', '-0', '1e309', '<script>alert(1)</script>', ...Object.keys(COMPARISONS), ...WEIGHT_MODES),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 10 }), fc.string(), (pairs, junk) => {
        const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') + junk;
        const { state } = readState(schema, query);
        expect(isValid(state)).toBe(true);
        expect(shownActivations(state.act).length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips every state the controls can produce', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_DEPTH }),
        fc.constantFrom(...Object.keys(COMPARISONS)),
        fc.constantFrom(...WEIGHT_MODES),
        fc.integer({ min: -40, max: 40 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(...Z_MODES),
        fc.integer({ min: -40, max: 40 }),
        fc.double({ min: 1, max: 60, noNaN: true }),
        (depth, act, init, w20, seed, z, x10, speed) => {
          const state = { ...defaultState(schema), depth, act, init, w: w20 / 20, seed, z, x: x10 / 10, speed };
          const read = readState(schema, writeState(schema, state));
          expect(read.notices).toEqual([]);
          expect(readState(schema, writeState(schema, read.state)).state).toEqual(read.state);
          expect(isValid(read.state)).toBe(true);
        },
      ),
    );
  });
});
