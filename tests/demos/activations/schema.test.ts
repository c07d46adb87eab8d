import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activationsSchema } from '../../../src/demos/activations/schema.ts';
import { ACTIVATION_NAMES } from '../../../src/nn/activations.ts';
import { readState, writeState } from '../../../src/ui/url-state/index.ts';

const keys = [...Object.keys(activationsSchema), 'zzz', 'depth', 'act', ''];
const junk = fc.oneof(
  fc.string(),
  fc.constantFrom('-5', '1e9', 'NaN', 'Infinity', '', '<script>alert(1)</script>', 'relu,foo', 'sigmoid,sigmoid', '0x10', ' 3 '),
  fc.double().map(String),
  fc.subarray([...ACTIVATION_NAMES, 'foo']).map((names) => names.join(',')),
);
const query = fc
  .array(fc.tuple(fc.constantFrom(...keys), junk), { maxLength: 8 })
  .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));

function expectValid(state: ReturnType<typeof readState<typeof activationsSchema>>['state']) {
  expect(state.show.every((name) => ACTIVATION_NAMES.includes(name))).toBe(true);
  expect(new Set(state.show).size).toBe(state.show.length);
  expect(state.range).toBeGreaterThanOrEqual(1);
  expect(state.range).toBeLessThanOrEqual(20);
  expect(state.x).toBeGreaterThanOrEqual(-20);
  expect(state.x).toBeLessThanOrEqual(20);
}

describe('activations URL schema', () => {
  it('never throws and always yields a valid state, for any query string', () => {
    fc.assert(
      fc.property(fc.oneof(query, fc.string()), (q) => {
        const { state } = readState(activationsSchema, q);
        expectValid(state);
        // What is written back reads the same, with nothing to correct.
        const again = readState(activationsSchema, writeState(activationsSchema, state));
        expect(again.state).toEqual(state);
        expect(again.notices).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('opens on sigmoid, tanh and ReLU, x ∈ [−6, 6], crosshair at 0', () => {
    expect(readState(activationsSchema, '').state).toEqual({ show: ['sigmoid', 'tanh', 'relu'], range: 6, x: 0 });
  });

  it('falls back with a notice for junk', () => {
    const { state, notices } = readState(activationsSchema, 'range=-5&x=1e9&show=relu,<script>&zzz=1');
    expect(state).toEqual({ show: ['relu'], range: 1, x: 20 });
    expect(notices.map((n) => n.param).sort()).toEqual(['range', 'show', 'x', 'zzz']);
  });
});
