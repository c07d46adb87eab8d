import { ACTIVATION_NAMES, ACTIVATIONS, type ActivationName } from '../../nn/activations.ts';
import { DATASET_NAMES } from '../../nn/datasets.ts';
import { INITIALIZER_NAMES } from '../../nn/initializers.ts';
import { select, slider } from '../../ui/controls.ts';
import { el } from '../../ui/dom.ts';
import { format } from '../../ui/i18n.ts';
import type { PageSchema } from '../../ui/page-schema.ts';
import type { UrlStore } from '../../ui/url-store.ts';
import { SCENES, type SceneClaim } from './scenes.ts';
import { RUN_OFF, SCENE_NAMES, type SceneName, type TrainingSchema, trainingSchema } from './schema.ts';
import type { TrainingText } from './strings.ts';

type Store = UrlStore<PageSchema<TrainingSchema>>;
/** A scene's claim in words: "1,000 ステップで tanh は学習でき、sigmoid は止まる". */
export function claimText(claim: SceneClaim, text: (key: TrainingText) => string): string {
  const names = (acts: readonly ActivationName[]) => acts.map((a) => ACTIVATIONS[a].label).join(text('listJoin'));
  const values = { steps: claim.steps.toLocaleString('en-US'), learns: names(claim.learns), stalls: names(claim.stalls) };
  return format(text(claim.learns.length > 0 ? 'claimBoth' : 'claimStalls'), values);
}

/** The labelled inputs of the lab, in the order a presenter reaches for them. */
export function controlPanel(store: Store, text: (key: TrainingText) => string): HTMLElement[] {
  const spec = trainingSchema;
  const options = <V extends string>(values: readonly V[], label: (v: V) => string) =>
    values.map((value) => ({ value, label: label(value) }));
  const activationOptions = options(ACTIVATION_NAMES, (a) => ACTIVATIONS[a].label);
  const runs = el(
    'fieldset',
    { class: 'control control-group tr-runs-field' },
    el('legend', {}, text('runsLegend')),
    el(
      'div',
      { class: 'tr-run-selects' },
      select(store, 'run1', { label: format(text('runLabel'), { n: 1 }), options: activationOptions }),
      ...(['run2', 'run3'] as const).map((key, i) =>
        select(store, key, {
          label: format(text('runLabel'), { n: i + 2 }),
          options: [...activationOptions, { value: RUN_OFF, label: text('runOff') }],
        }),
      ),
    ),
  );
  const batchFormat = (v: number) => (v >= store.get().points ? text('batchFull') : String(v));
  // What the chosen scene shows, in the words its test checks (scenes.ts).
  const claim = el('p', { class: 'tr-scene-claim', 'data-testid': 'scene-claim' });
  const showClaim = (scene: SceneName) => {
    claim.hidden = scene === 'custom';
    claim.textContent = scene === 'custom' ? '' : claimText(SCENES[scene].claim, text);
  };
  store.subscribe((state) => showClaim(state.scene));
  showClaim(store.get().scene);
  return [
    select(store, 'scene', { label: text('sceneLabel'), options: options(SCENE_NAMES, (s) => text(`scene-${s}`)) }),
    claim,
    runs,
    slider(store, 'depth', { label: text('depthLabel'), min: spec.depth.min, max: spec.depth.max }),
    slider(store, 'width', { label: text('widthLabel'), min: spec.width.min, max: spec.width.max }),
    select(store, 'init', { label: text('initLabel'), options: options(INITIALIZER_NAMES, (i) => text(`init-${i}`)) }),
    slider(store, 'lr', { label: text('lrLabel'), min: spec.lr.min, max: spec.lr.max, scale: 'log' }),
    slider(store, 'batch', { label: text('batchLabel'), min: spec.batch.min, max: spec.batch.max, format: batchFormat }),
    select(store, 'data', { label: text('dataLabel'), options: options(DATASET_NAMES, (d) => text(`data-${d}`)) }),
    slider(store, 'points', { label: text('pointsLabel'), min: spec.points.min, max: spec.points.max }),
    slider(store, 'noise', { label: text('noiseLabel'), min: spec.noise.min, max: spec.noise.max, step: 0.01 }),
    slider(store, 'seed', { label: text('seedLabel'), min: spec.seed.min, max: spec.seed.max }),
  ];
}
