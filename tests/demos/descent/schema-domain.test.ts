import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceCeil, plotDomain } from '../../../src/demos/descent/domain.ts';
import { descend } from '../../../src/demos/descent/model.ts';
import { descentSchema, MAX_STEPS } from '../../../src/demos/descent/schema.ts';
import { readState, writeState } from '../../../src/ui/url-state/index.ts';

describe('descent URL schema', () => {
  it('defaults to α = 0.1, y₀ = 15, t = 10, no step yet', () => {
    expect(readState(descentSchema, '')).toEqual({ state: { alpha: 0.1, y0: 15, t: 10, k: 0 }, notices: [] });
  });

  it('falls back with a notice for junk', () => {
    const { state, notices } = readState(descentSchema, 'alpha=<script>alert(1)</script>&k=-5&y0=1e9&zzz=1');
    expect(state).toEqual({ alpha: 0.1, y0: 20, t: 10, k: 0 });
    expect(notices.map((n) => n.reason)).toEqual(['not-a-number', 'out-of-range', 'out-of-range', 'unknown-param']);
  });

  it('never throws and always yields a valid state for random query strings', () => {
    const key = fc.constantFrom('alpha', 'y0', 't', 'k', 'lang', 'from', 'other', '');
    const raw = fc.oneof(fc.string(), fc.double().map(String), fc.integer().map(String));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, raw), { maxLength: 8 }), fc.string(), (pairs, junk) => {
        const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') + junk;
        const { state } = readState(descentSchema, query);
        expect(state.alpha).toBeGreaterThanOrEqual(0.01);
        expect(state.alpha).toBeLessThanOrEqual(1.2);
        for (const v of [state.y0, state.t]) expect(Math.abs(v)).toBeLessThanOrEqual(20);
        expect(Number.isInteger(state.k) && state.k >= 0 && state.k <= MAX_STEPS).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips the regime presets', () => {
    for (const alpha of [0.1, 0.5, 0.75, 1, 1.1]) {
      const state = { alpha, y0: 15, t: 10, k: 3 };
      expect(readState(descentSchema, writeState(descentSchema, state)).state).toEqual(state);
    }
  });
});

describe('plot range', () => {
  it('rounds up to a round number', () => {
    expect([0.7, 1, 5.75, 11, 51, 99].map(niceCeil)).toEqual([0.8, 1, 6, 15, 60, 100]);
  });

  it('always holds y₀ and every iterate, centred on t', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1.2, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.integer({ min: 0, max: 50 }),
        (alpha, y0, k) => {
          const iterates = descend(y0, 10, alpha, k);
          const domain = plotDomain(10, iterates);
          expect(domain.center).toBe(10);
          iterates.forEach((it) => {
            expect(Math.abs(it.gap)).toBeLessThanOrEqual(domain.halfWidth);
          });
        },
      ),
    );
  });
});
