import type { ActivationName } from '../../nn/activations.ts';
import { INITIALIZER_NAMES, type InitializerName } from '../../nn/initializers.ts';
import { param, type StateOf } from '../../ui/url-state/index.ts';

/** The activations this demo compares, in column order (input of the talk: slide 20). */
export const CHAIN_ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const satisfies readonly ActivationName[];
export type ChainActivation = (typeof CHAIN_ACTIVATIONS)[number];

/**
 * Which columns are shown. An enum rather than a set so that a junk value falls back to a
 * complete comparison (a set would fall back to nothing at all).
 */
export const COMPARISONS: Readonly<Record<string, readonly ChainActivation[]>> = {
  all: CHAIN_ACTIVATIONS,
  sigmoid: ['sigmoid'],
  tanh: ['tanh'],
  relu: ['relu'],
  'sigmoid-relu': ['sigmoid', 'relu'],
  'sigmoid-tanh': ['sigmoid', 'tanh'],
  'tanh-relu': ['tanh', 'relu'],
};
const COMPARISON_NAMES = Object.keys(COMPARISONS) as readonly string[];

/** `const`: every w_k is the URL's `w`; otherwise each w_k is drawn by that initializer (fan-in = fan-out = 1). */
export const WEIGHT_MODES = ['const', ...INITIALIZER_NAMES] as const;
export type WeightMode = 'const' | InitializerName;

/** `forward`: z_k is x pushed through the layers; `sampled`: z_k is drawn (seeded), the same for every column. */
export const Z_MODES = ['forward', 'sampled'] as const;

export const MAX_DEPTH = 100;

/**
 * The demo's URL. Defaults give the state of slide 19: ten layers, w = 1, x = 2 pushed forward,
 * the three activations side by side.
 */
export const gradientChainSchema = {
  depth: param.int(1, MAX_DEPTH, 10),
  act: param.enum(COMPARISON_NAMES, 'all'),
  init: param.enum<WeightMode>(WEIGHT_MODES, 'const'),
  w: param.number(-2, 2, 1),
  seed: param.int(0, 999, 1),
  z: param.enum(Z_MODES, 'forward'),
  x: param.number(-4, 4, 2),
  /**
   * How far the backward pulse has gone: 0 holds only ∂Φ/∂y at the output, s has reached layer
   * n − s + 1; from the depth on (the default) the whole chain is shown.
   */
  step: param.int(0, MAX_DEPTH, MAX_DEPTH),
  /** Layers per second of the backward pulse. */
  speed: param.number(1, 60, 4),
};

export type GradientChainSchema = typeof gradientChainSchema;
export type GradientChainState = StateOf<GradientChainSchema>;

export function shownActivations(act: string): readonly ChainActivation[] {
  return Object.hasOwn(COMPARISONS, act) ? COMPARISONS[act] : CHAIN_ACTIVATIONS;
}
