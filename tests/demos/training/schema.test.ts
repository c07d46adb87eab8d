import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesScene, SCENES, sceneFill, sceneSettings } from '../../../src/demos/training/scenes.ts';
import { activeRuns, SCENE_NAMES, type TrainingState, trainingSchema } from '../../../src/demos/training/schema.ts';
import { ACTIVATION_NAMES } from '../../../src/nn/activations.ts';
import { DATASET_NAMES } from '../../../src/nn/datasets.ts';
import { INITIALIZER_NAMES } from '../../../src/nn/initializers.ts';
import { readState, writeState } from '../../../src/ui/url-state/index.ts';

const inRange = (v: number, min: number, max: number) => v >= min && v <= max;

function expectValid(state: TrainingState) {
  const s = trainingSchema;
  expect(SCENE_NAMES).toContain(state.scene);
  expect(DATASET_NAMES).toContain(state.data);
  expect(INITIALIZER_NAMES).toContain(state.init);
  expect(ACTIVATION_NAMES).toContain(state.run1);
  for (const run of [state.run2, state.run3]) expect([...ACTIVATION_NAMES, 'off']).toContain(run);
  for (const key of ['points', 'depth', 'width', 'batch', 'seed'] as const) {
    expect(Number.isInteger(state[key]) && inRange(state[key], s[key].min, s[key].max)).toBe(true);
  }
  expect(inRange(state.noise, 0, 0.5)).toBe(true);
  expect(inRange(state.lr, s.lr.min, s.lr.max)).toBe(true);
}

describe('training lab URL schema', () => {
  it('defaults to the W1 network (2 → 10×16 → 1, 256 points, full batch) with sigmoid, tanh and ReLU', () => {
    const { state, notices } = readState(trainingSchema, '');
    expect(notices).toEqual([]);
    expect(state).toMatchObject({ depth: 10, width: 16, points: 256, run1: 'sigmoid', run2: 'tanh', run3: 'relu', scene: 'custom' });
    expect(state.batch).toBeGreaterThanOrEqual(state.points);
    expect(activeRuns(state).map((r) => r.activation)).toEqual(['sigmoid', 'tanh', 'relu']);
  });

  it('falls back with a notice for junk and never keeps markup', () => {
    const { state, notices } = readState(trainingSchema, 'depth=-5&run1=<script>alert(1)</script>&width=1e9&lr=abc&zzz=1');
    expect(state).toMatchObject({ depth: 1, run1: 'sigmoid', width: 64, lr: 0.3 });
    expect(notices.map((n) => n.reason)).toEqual(['out-of-range', 'unknown-value', 'out-of-range', 'not-a-number', 'unknown-param']);
  });

  it('never throws and always yields a valid state for random query strings', () => {
    const key = fc.constantFrom(...Object.keys(trainingSchema), 'lang', 'from', 'other', '');
    const raw = fc.oneof(
      fc.string(),
      fc.double().map(String),
      fc.integer().map(String),
      fc.constantFrom(...ACTIVATION_NAMES, 'off', '<b>x</b>'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, raw), { maxLength: 10 }), fc.string(), (pairs, junk) => {
        const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') + junk;
        expectValid(readState(trainingSchema, query).state);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips any valid state through the URL', () => {
    const state = fc.record({
      scene: fc.constantFrom(...SCENE_NAMES),
      data: fc.constantFrom(...DATASET_NAMES),
      noise: fc.integer({ min: 0, max: 50 }).map((n) => n / 100),
      points: fc.integer({ min: 50, max: 1000 }),
      depth: fc.integer({ min: 1, max: 50 }),
      width: fc.integer({ min: 2, max: 64 }),
      run1: fc.constantFrom(...ACTIVATION_NAMES),
      run2: fc.constantFrom(...ACTIVATION_NAMES, 'off' as const),
      run3: fc.constantFrom(...ACTIVATION_NAMES, 'off' as const),
      init: fc.constantFrom(...INITIALIZER_NAMES),
      lr: fc.constantFrom(0.001, 0.03, 0.3, 1.5, 10),
      batch: fc.integer({ min: 1, max: 1000 }),
      seed: fc.integer({ min: 0, max: 9999 }),
    });
    fc.assert(
      fc.property(state, (s) => {
        expect(readState(trainingSchema, writeState(trainingSchema, s))).toEqual({ state: s, notices: [] });
      }),
    );
  });

  it('turns runs off only for runs 2 and 3', () => {
    expect(activeRuns({ run1: 'relu', run2: 'off', run3: 'tanh' })).toEqual([
      { slot: 0, activation: 'relu' },
      { slot: 2, activation: 'tanh' },
    ]);
    expect(readState(trainingSchema, 'run1=off').state.run1).toBe('sigmoid');
  });
});

describe('presenter scenes', () => {
  const base = readState(trainingSchema, '').state;

  it('fill in every setting the link does not give, and keep the ones it does', () => {
    const state = { ...base, scene: 'badInit' as const };
    expect(sceneFill(state, new Set(['scene']))).toMatchObject({ init: 'normal', depth: 10, run2: 'relu', run3: 'off', lr: 0.0003 });
    const filled = sceneFill(state, new Set(['scene', 'depth']));
    expect(filled).not.toHaveProperty('depth');
    expect(matchesScene({ ...state, ...filled })).toBe(true);
    expect(matchesScene({ ...state, ...filled, depth: 12 })).toBe(false);
    expect(sceneFill(base, new Set())).toEqual({});
  });

  it('each scene is a valid state and survives the URL', () => {
    for (const scene of Object.keys(SCENES) as (keyof typeof SCENES)[]) {
      const state = { ...base, ...sceneSettings(scene), scene };
      expect(readState(trainingSchema, writeState(trainingSchema, state))).toEqual({ state, notices: [] });
      expect(matchesScene(state)).toBe(true);
    }
  });
});
