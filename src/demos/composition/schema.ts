import { param } from '../../ui/url-state/index.ts';

export const MODES = ['compose', 'linear'] as const;
export type Mode = (typeof MODES)[number];

/** The activations the linear-stack mode can put between layers (the deck's three). */
export const BETWEEN_ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const;
export type BetweenActivation = (typeof BETWEEN_ACTIVATIONS)[number];

/** k = 10 is the deck's "10個つなげたら 2¹⁰ = 1024 次". */
export const MAX_STACK = 10;

/**
 * compose: f₁, f₂ chained k times over x ∈ [−xr, xr] (log y unless `log=0`).
 * linear: k linear maps w·x + b drawn from `seed`, alone and with `act` between them.
 */
export const compositionSchema = {
  mode: param.enum(MODES, 'compose'),
  k: param.int(1, MAX_STACK, 2),
  xr: param.number(0.5, 3, 2),
  log: param.bool(true),
  act: param.enum(BETWEEN_ACTIVATIONS, 'relu'),
  seed: param.int(1, 9999, 1),
};

export type CompositionSchema = typeof compositionSchema;
