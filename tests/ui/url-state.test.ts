import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultState, param, readState, writeState } from '../../src/ui/url-state/index.ts';

const schema = {
  depth: param.int(1, 100, 10),
  lr: param.number(0.0001, 10, 0.1),
  act: param.enum(['sigmoid', 'tanh', 'relu'] as const, 'sigmoid'),
  show: param.set(['sigmoid', 'tanh', 'relu', 'elu'] as const, ['sigmoid', 'tanh', 'relu']),
  play: param.bool(false),
};

function isValid(state: ReturnType<typeof defaultState<typeof schema>>): boolean {
  return (
    Number.isInteger(state.depth) &&
    state.depth >= 1 &&
    state.depth <= 100 &&
    Number.isFinite(state.lr) &&
    state.lr >= 0.0001 &&
    state.lr <= 10 &&
    ['sigmoid', 'tanh', 'relu'].includes(state.act) &&
    state.show.every((v) => ['sigmoid', 'tanh', 'relu', 'elu'].includes(v)) &&
    typeof state.play === 'boolean'
  );
}

describe('readState', () => {
  it('gives the defaults for an empty query', () => {
    const { state, notices } = readState(schema, '');
    expect(state).toEqual({ depth: 10, lr: 0.1, act: 'sigmoid', show: ['sigmoid', 'tanh', 'relu'], play: false });
    expect(notices).toEqual([]);
  });

  it('reads valid values without notices', () => {
    const { state, notices } = readState(schema, 'depth=50&lr=0.5&act=relu&show=elu,relu&play=1');
    expect(state).toEqual({ depth: 50, lr: 0.5, act: 'relu', show: ['relu', 'elu'], play: true });
    expect(notices).toEqual([]);
  });

  it.each([
    ['depth=-5', 'depth', 1, 'out-of-range'],
    ['depth=1e9', 'depth', 100, 'out-of-range'],
    ['depth=abc', 'depth', 10, 'not-a-number'],
    ['depth=', 'depth', 10, 'not-a-number'],
    ['depth=Infinity', 'depth', 10, 'not-a-number'],
    ['depth=2.6', 'depth', 3, 'rounded'],
    ['act=foo', 'act', 'sigmoid', 'unknown-value'],
    ['act=<script>alert(1)</script>', 'act', 'sigmoid', 'unknown-value'],
    ['play=maybe', 'play', false, 'unknown-value'],
  ])('%s falls back with a notice', (query, name, expected, reason) => {
    const { state, notices } = readState(schema, query);
    expect((state as Record<string, unknown>)[name]).toEqual(expected);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ param: name, reason, used: String(expected === false ? '0' : expected) });
  });

  it('drops unknown members of a set and says so', () => {
    const { state, notices } = readState(schema, 'show=relu,bogus');
    expect(state.show).toEqual(['relu']);
    expect(notices[0]).toMatchObject({ param: 'show', reason: 'unknown-value', used: 'relu' });
  });

  it('ignores unknown and repeated parameters with a notice, keeping the first', () => {
    const { state, notices } = readState(schema, 'zzz=1&depth=5&depth=7');
    expect(state.depth).toBe(5);
    expect(notices.map((n) => n.reason)).toEqual(['unknown-param', 'repeated']);
  });

  it('does not treat inherited object keys as parameters', () => {
    const { state, notices } = readState(schema, '__proto__=1&constructor=2&toString=3');
    expect(state).toEqual(defaultState(schema));
    expect(notices.every((n) => n.reason === 'unknown-param')).toBe(true);
  });

  it('cuts long garbage in notices', () => {
    const { notices } = readState(schema, `act=${'x'.repeat(500)}`);
    expect(notices[0]!.given.length).toBeLessThanOrEqual(41);
  });

  it('never throws and always yields a valid state for random query strings', () => {
    const key = fc.constantFrom('depth', 'lr', 'act', 'show', 'play', 'other', '');
    const pair = fc.tuple(key, fc.oneof(fc.string(), fc.double().map(String), fc.integer().map(String)));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 8 }), fc.string(), (pairs, junk) => {
        const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') + junk;
        const { state } = readState(schema, query);
        expect(isValid(state)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('writeState', () => {
  it('writes only what differs from the defaults, in schema order', () => {
    const state = { ...defaultState(schema), play: true, depth: 30 };
    expect(writeState(schema, state)).toBe('depth=30&play=1');
    expect(writeState(schema, defaultState(schema))).toBe('');
  });

  it('round-trips every state it can read', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0.0001, max: 10, noNaN: true }),
        fc.constantFrom('sigmoid', 'tanh', 'relu' as const),
        fc.subarray(['sigmoid', 'tanh', 'relu', 'elu'] as const),
        fc.boolean(),
        (depth, lr, act, show, play) => {
          const first = readState(schema, writeState(schema, { depth, lr, act, show, play })).state;
          const again = readState(schema, writeState(schema, first));
          expect(again.state).toEqual(first);
          expect(again.notices).toEqual([]);
        },
      ),
    );
  });
});

describe('a name parameter (the sync name)', () => {
  const named = { sync: param.name() };

  it.each(['talk', 'slide-19', 'A_1', 'x'.repeat(40)])('reads %s as given and writes it back', (name) => {
    const { state, notices } = readState(named, `sync=${name}`);
    expect(state.sync).toBe(name);
    expect(notices).toEqual([]);
    expect(writeState(named, state)).toBe(`sync=${name}`);
  });

  it('is empty, and not written, when not given or given empty', () => {
    expect(readState(named, '').state.sync).toBe('');
    expect(readState(named, 'sync=')).toEqual({ state: { sync: '' }, notices: [] });
    expect(writeState(named, { sync: '' })).toBe('');
  });

  it.each(['two words', 'x'.repeat(41), 'präsentation', 'a/b', '<script>'])('falls back to none with a notice for %s', (raw) => {
    const { state, notices } = readState(named, new URLSearchParams({ sync: raw }));
    expect(state.sync).toBe('');
    expect(notices).toEqual([expect.objectContaining({ param: 'sync', reason: 'unknown-value', used: '' })]);
  });
});
