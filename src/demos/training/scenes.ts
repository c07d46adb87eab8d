import type { ActivationName } from '../../nn/activations.ts';
import { defaultState } from '../../ui/url-state/index.ts';
import { type SceneName, type TrainingState, trainingSchema } from './schema.ts';

/** Every setting that changes what trains (everything but the scene itself, language and back link). */
export const TRAINING_KEYS = ['data', 'noise', 'points', 'depth', 'width', 'run1', 'run2', 'run3', 'init', 'lr', 'batch', 'seed'] as const;
export type TrainingKey = (typeof TRAINING_KEYS)[number];
export type TrainingSettings = Pick<TrainingState, TrainingKey>;

/** What a scene shows, as a claim a test checks on the numbers the lab computes (tests/demos/training/scenes.test.ts). */
export interface SceneClaim {
  /** Steps after which the claim holds (and keeps holding: the page says "after N steps"). */
  readonly steps: number;
  /** Runs that reach LEARNED_ACCURACY within `steps`. */
  readonly learns: readonly ActivationName[];
  /** Runs still at most STALLED_ACCURACY after `steps`, their diagnosis saying why. */
  readonly stalls: readonly ActivationName[];
}

export const LEARNED_ACCURACY = 0.95;
export const STALLED_ACCURACY = 0.75;

/**
 * Presenter scenes: the states the slides talk about, each with the claim its slide makes.
 * deepSigmoid (slide 19) — 10 layers under Xavier: sigmoid's first-layer gradient starts ~10⁻⁸ of the
 *   last's and the loss stays at ln 2; tanh (A′ ≤ 1, = 1 only at 0) learns at the same depth.
 * deepTanh (slide 20) — 40 layers at the default α = 0.3: tanh stalls too, and stays stalled. (At α = 0.1 it
 *   sits on an edge: after ~1,300 steps its loss jumps to 2.5 and falls back to ln 2, which float rounding
 *   alone moves earlier or later; at α ≤ 0.05 it learns, the tuning the slide's notes mention.)
 * reluLearns (slides 22–23) — 10 layers, He init: ReLU learns within a few hundred steps, sigmoid does not.
 * badInit — N(0, 1) weights: ReLU's first loss is in the hundreds and its gradients ~10³ (exploding), yet at
 *   a small α it recovers and learns; sigmoid saturates and its gradient vanishes. (α = 3×10⁻⁴: at 10⁻³
 *   such steep weights sit at the edge of stability, the loss wobbling from step to step.)
 * dawn (slides 24, 25) — 20 layers, He init: sigmoid stalls, ReLU learns.
 */
export const SCENES: Readonly<
  Record<Exclude<SceneName, 'custom'>, { readonly settings: Partial<TrainingSettings>; readonly claim: SceneClaim }>
> = {
  deepSigmoid: {
    settings: { run1: 'sigmoid', run2: 'tanh', run3: 'off' },
    claim: { steps: 1000, learns: ['tanh'], stalls: ['sigmoid'] },
  },
  deepTanh: {
    settings: { run1: 'sigmoid', run2: 'tanh', run3: 'off', depth: 40 },
    claim: { steps: 1000, learns: [], stalls: ['sigmoid', 'tanh'] },
  },
  reluLearns: {
    settings: { run1: 'sigmoid', run2: 'relu', run3: 'off', init: 'he', lr: 0.1 },
    claim: { steps: 1000, learns: ['relu'], stalls: ['sigmoid'] },
  },
  badInit: {
    settings: { run1: 'sigmoid', run2: 'relu', run3: 'off', init: 'normal', lr: 0.0003 },
    claim: { steps: 2000, learns: ['relu'], stalls: ['sigmoid'] },
  },
  dawn: {
    settings: { depth: 20, init: 'he', lr: 0.05 },
    claim: { steps: 1000, learns: ['relu'], stalls: ['sigmoid'] },
  },
};

/** A scene's complete settings: what it names, the defaults for the rest. */
export function sceneSettings(scene: Exclude<SceneName, 'custom'>): TrainingSettings {
  return { ...trainingSettings(defaultState(trainingSchema)), ...SCENES[scene].settings };
}

/** The settings a scene fills in on load: those the URL does not give explicitly. */
export function sceneFill(state: TrainingState, explicit: ReadonlySet<string>): Partial<TrainingSettings> {
  if (state.scene === 'custom') return {};
  const settings = sceneSettings(state.scene);
  return Object.fromEntries(TRAINING_KEYS.filter((key) => !explicit.has(key)).map((key) => [key, settings[key]]));
}

/** Whether the settings are still exactly the scene's (a moved control makes the state 'custom'). */
export function matchesScene(state: TrainingState): boolean {
  if (state.scene === 'custom') return true;
  const settings = sceneSettings(state.scene);
  return TRAINING_KEYS.every((key) => state[key] === settings[key]);
}

export function trainingSettings(state: TrainingState): TrainingSettings {
  return Object.fromEntries(TRAINING_KEYS.map((key) => [key, state[key]])) as TrainingSettings;
}
