import { defaultState } from '../../ui/url-state/index.ts';
import { trainingSchema, type SceneName, type TrainingState } from './schema.ts';

/** Every setting that changes what trains (everything but the scene itself, language and back link). */
export const TRAINING_KEYS = ['data', 'noise', 'points', 'depth', 'width', 'run1', 'run2', 'run3', 'init', 'lr', 'batch', 'seed'] as const;
export type TrainingKey = (typeof TRAINING_KEYS)[number];
export type TrainingSettings = Pick<TrainingState, TrainingKey>;

const DEFAULTS: TrainingSettings = defaultState(trainingSchema);

/**
 * Presenter scenes: the states the slides talk about. Numbers checked in tests/demos/training/scenes.test.ts:
 * deepSigmoid — 10 sigmoid layers under Xavier: the first layer's gradient starts ~10⁻⁸ of the last's, loss stays at log 2;
 * reluLearns  — the same depth with ReLU (He init) reaches > 95 % within a few hundred steps, sigmoid does not;
 * badInit     — N(0, 1) weights: the ReLU run overflows within a few steps, sigmoid and tanh keep training;
 * dawn        — 20 layers: sigmoid's first-layer gradient ~10⁻¹³, ReLU still learns.
 */
export const SCENES: Readonly<Record<Exclude<SceneName, 'custom'>, Partial<TrainingSettings>>> = {
  deepSigmoid: { run1: 'sigmoid', run2: 'tanh', run3: 'off' },
  reluLearns: { run1: 'sigmoid', run2: 'relu', run3: 'off', init: 'he', lr: 0.1 },
  badInit: { init: 'normal' },
  dawn: { depth: 20, init: 'he', lr: 0.05 },
};

/** A scene's complete settings: what it names, the defaults for the rest. */
export function sceneSettings(scene: Exclude<SceneName, 'custom'>): TrainingSettings {
  return { ...DEFAULTS, ...SCENES[scene] };
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
