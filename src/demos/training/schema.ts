import { ACTIVATION_NAMES, type ActivationName } from '../../nn/activations.ts';
import { DATASET_NAMES } from '../../nn/datasets.ts';
import { INITIALIZER_NAMES } from '../../nn/initializers.ts';
import { param, type StateOf } from '../../ui/url-state/index.ts';

export const SCENE_NAMES = ['custom', 'deepSigmoid', 'deepTanh', 'reluLearns', 'badInit', 'dawn'] as const;
export type SceneName = (typeof SCENE_NAMES)[number];

/** Runs 2 and 3 can be switched off; run 1 always trains. */
export const RUN_OFF = 'off';
const OPTIONAL_RUN = [...ACTIVATION_NAMES, RUN_OFF] as const;

export const MAX_DEPTH = 50;
export const MAX_WIDTH = 64;
export const MAX_POINTS = 1000;

/** Every control of the training lab, as it appears in the URL. */
export const trainingSchema = {
  /** A named presenter scene; it fills in the settings the URL does not give (scenes.ts). */
  scene: param.enum(SCENE_NAMES, 'custom'),
  data: param.enum(DATASET_NAMES, 'circles'),
  /** 0.05 keeps the two circles apart; from about 0.1 they overlap, and fitting the overlap needs ever sharper boundaries. */
  noise: param.number(0, 0.5, 0.05),
  points: param.int(50, MAX_POINTS, 256),
  /** Hidden layers. */
  depth: param.int(1, MAX_DEPTH, 10),
  width: param.int(2, MAX_WIDTH, 16),
  run1: param.enum(ACTIVATION_NAMES, 'sigmoid'),
  run2: param.enum(OPTIONAL_RUN, 'tanh'),
  run3: param.enum(OPTIONAL_RUN, 'relu'),
  init: param.enum(INITIALIZER_NAMES, 'xavier'),
  lr: param.number(0.0001, 10, 0.3),
  /** Samples per step; a batch as large as the data set is full-batch gradient descent. */
  batch: param.int(1, MAX_POINTS, MAX_POINTS),
  seed: param.int(0, 9999, 1),
};

export type TrainingSchema = typeof trainingSchema;
export type TrainingState = StateOf<TrainingSchema>;

/** The activations of the runs that train, in panel order (slot index kept for colours and ids). */
export function activeRuns(state: Pick<TrainingState, 'run1' | 'run2' | 'run3'>): { slot: number; activation: ActivationName }[] {
  return [state.run1, state.run2, state.run3]
    .map((activation, slot) => ({ slot, activation }))
    .filter((run): run is { slot: number; activation: ActivationName } => run.activation !== RUN_OFF);
}
