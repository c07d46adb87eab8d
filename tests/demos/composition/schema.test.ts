import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BETWEEN_ACTIVATIONS, compositionSchema, MODES } from '../../../src/demos/composition/schema.ts';
import { readState, writeState } from '../../../src/ui/url-state/index.ts';

const keys = [...Object.keys(compositionSchema), 'zzz', 'depth', ''];
const junk = fc.oneof(
  fc.string(),
  fc.constantFrom('-5', '1e9', 'NaN', '2.5', '', '<script>alert(1)</script>', 'linear', 'compose', 'relu', 'tanh', '1', '0', 'true'),
  fc.double().map(String),
  fc.integer().map(String),
);
const query = fc
  .array(fc.tuple(fc.constantFrom(...keys), junk), { maxLength: 8 })
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

describe('composition URL schema', () => {
  it('never throws and always yields a valid state, for any query string', () => {
    fc.assert(
      fc.property(fc.oneof(query, fc.string()), (q) => {
        const { state } = readState(compositionSchema, q);
        expect(MODES).toContain(state.mode);
        expect(BETWEEN_ACTIVATIONS).toContain(state.act);
        expect(Number.isInteger(state.k) && state.k >= 1 && state.k <= 10).toBe(true);
        expect(Number.isInteger(state.seed) && state.seed >= 1 && state.seed <= 9999).toBe(true);
        expect(state.xr >= 0.5 && state.xr <= 3).toBe(true);
        expect(typeof state.log).toBe('boolean');
        const again = readState(compositionSchema, writeState(compositionSchema, state));
        expect(again.state).toEqual(state);
        expect(again.notices).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('opens on the slide-7 example: compose, k = 2', () => {
    expect(readState(compositionSchema, '').state).toMatchObject({ mode: 'compose', k: 2 });
  });

  it('falls back with a notice for junk', () => {
    const { state, notices } = readState(compositionSchema, 'k=-5&mode=<script>alert(1)</script>&zzz=1&seed=1e9');
    expect(state).toMatchObject({ k: 1, mode: 'compose', seed: 9999 });
    expect(notices.map((n) => n.param).sort()).toEqual(['k', 'mode', 'seed', 'zzz']);
  });
});
