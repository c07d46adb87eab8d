import { ACTIVATIONS } from '../../nn/activations.ts';
import { select, slider } from '../../ui/controls.ts';
import { format } from '../../ui/i18n.ts';
import type { PageSchema } from '../../ui/page-schema.ts';
import type { UrlStore } from '../../ui/url-store.ts';
import {
  type ChainActivation,
  COMPARISONS,
  type GradientChainSchema,
  gradientChainSchema,
  MAX_DEPTH,
  WEIGHT_MODES,
  Z_MODES,
} from './schema.ts';
import type { GradientChainText } from './strings.ts';

type Store = UrlStore<PageSchema<GradientChainSchema>>;

/** A comparison in words, from the activations' own labels: "sigmoid only", "sigmoid vs ReLU", "sigmoid, tanh, ReLU". */
function comparisonLabel(shown: readonly ChainActivation[], text: (key: GradientChainText) => string): string {
  const names = shown.map((name) => ACTIVATIONS[name].label);
  if (names.length === 1) return format(text('actOnly'), { name: names[0] });
  if (names.length === 2) return format(text('actVersus'), { a: names[0], b: names[1] });
  return names.join(text('listJoin'));
}

/**
 * The labelled inputs, in the order a presenter reaches for them. Inputs that the current
 * mode ignores (w when weights are drawn, x when z is sampled, the seed when nothing is drawn)
 * are hidden, not removed, so their URL values survive a round trip.
 */
export function controlPanel(store: Store, text: (key: GradientChainText) => string): HTMLElement[] {
  const s = gradientChainSchema;
  const depth = slider(store, 'depth', { label: text('depth'), min: 1, max: MAX_DEPTH, step: 1 });
  const act = select(store, 'act', {
    label: text('act'),
    options: Object.entries(COMPARISONS).map(([value, shown]) => ({ value, label: comparisonLabel(shown, text) })),
  });
  const init = select(store, 'init', {
    label: text('init'),
    options: WEIGHT_MODES.map((value) => ({ value, label: text(`init_${value}`) })),
  });
  const w = slider(store, 'w', { label: text('w'), min: s.w.min, max: s.w.max, step: 0.05 });
  const seed = slider(store, 'seed', { label: text('seed'), min: s.seed.min, max: s.seed.max, step: 1 });
  const z = select(store, 'z', { label: text('z'), options: Z_MODES.map((value) => ({ value, label: text(`z_${value}`) })) });
  const x = slider(store, 'x', { label: text('x'), min: s.x.min, max: s.x.max, step: 0.1 });
  const speed = slider(store, 'speed', {
    label: text('speed'),
    min: s.speed.min,
    max: s.speed.max,
    scale: 'log',
  });

  const showRelevant = () => {
    const state = store.get();
    w.hidden = state.init !== 'const';
    x.hidden = state.z !== 'forward';
    seed.hidden = state.init === 'const' && state.z === 'forward';
  };
  store.subscribe(showRelevant);
  showRelevant();
  return [depth, act, init, w, seed, z, x, speed];
}
